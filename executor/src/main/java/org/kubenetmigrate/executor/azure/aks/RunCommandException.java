package org.kubenetmigrate.executor.azure.aks;

/**
 * Run-command itself could not be used (ARM refused or could not be reached, or the command did not finish in
 * time), as opposed to a command that ran and failed. One line, no credentials.
 */
public final class RunCommandException extends Exception {
    private static final long serialVersionUID = 1L;

    public RunCommandException(String message) {
        super(message);
    }
}
