package org.kubenetmigrate.executor.commands;

/** The command cannot be done as asked (unknown run, missing --force, a finished run to resume); the CLI exits 2. */
public final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
