package org.kubenetmigrate.cli;

import java.io.PrintWriter;
import java.util.function.BooleanSupplier;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * The one catch site of the CLI: picocli hands it whatever a command threw; {@link ExitCodes#forException} says the
 * line and the exit code. A stack trace only for an unexpected exception, and only with {@code --verbose}.
 */
final class FailureHandler implements IExecutionExceptionHandler {
    private final PrintWriter err;
    private final BooleanSupplier verbose;

    FailureHandler(PrintWriter err, BooleanSupplier verbose) {
        this.err = err;
        this.verbose = verbose;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
        if (ex instanceof InterruptedException) {
            // The process ends with the exit code; whoever runs it in-process still sees the interruption.
            Thread.currentThread().interrupt();
        }
        ExitCodes.Failure failure = ExitCodes.forException(ex);
        boolean trace = failure.internal() && verbose.getAsBoolean();
        err.println("error: " + failure.message()
                + (failure.internal() && !trace ? " (run with --verbose for details)" : ""));
        if (trace) {
            ex.printStackTrace(err);
        }
        return failure.exitCode();
    }
}
