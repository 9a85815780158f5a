package org.kubenetmigrate.planner.cidr;

/**
 * A string that is not a valid CIDR prefix or address. The message names the problem only;
 * callers add where the string came from (file and JSON pointer, or the option name).
 */
public final class CidrFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public CidrFormatException(String problem) {
        super(problem);
    }
}
