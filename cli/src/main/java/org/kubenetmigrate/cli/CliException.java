package org.kubenetmigrate.cli;

/**
 * Leaves a command with a one-line message for stderr. The subtype says which documented exit code it ends with
 * ({@link ExitCodes#forException}); the message names the file, the field and the problem. Commands throw these, or
 * let the planner's and the executor's own exceptions through: the one catch site ({@link FailureHandler}) turns
 * either into the line and the code.
 */
abstract sealed class CliException extends Exception
        permits CliException.BadInput, CliException.Failed, CliException.OutputFailed {
    private static final long serialVersionUID = 1L;

    private CliException(String message) {
        super(message);
    }

    /** Invalid input or usage (exit 2): a bad file, field or option; nothing was written. */
    static final class BadInput extends CliException {
        private static final long serialVersionUID = 1L;

        BadInput(String message) {
            super(message);
        }
    }

    /** Azure or the environment failed in a way the message explains (exit 1); not a bug. */
    static final class Failed extends CliException {
        private static final long serialVersionUID = 1L;

        Failed(String message) {
            super(message);
        }
    }

    /** The output the user asked for could not be written (exit 9). */
    static final class OutputFailed extends CliException {
        private static final long serialVersionUID = 1L;

        OutputFailed(String message) {
            super(message);
        }
    }
}
