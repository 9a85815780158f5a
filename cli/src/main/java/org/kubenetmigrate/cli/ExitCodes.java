package org.kubenetmigrate.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.kubenetmigrate.executor.azure.ClusterOperationsProvider.LiveAccessUnavailableException;
import org.kubenetmigrate.executor.commands.UsageException;
import org.kubenetmigrate.executor.engine.JournalException;
import org.kubenetmigrate.executor.engine.RunOutcome;
import org.kubenetmigrate.executor.kube.KubeconfigException;
import org.kubenetmigrate.executor.rollout.HeldException;
import org.kubenetmigrate.planner.assessment.FleetAssessment;
import org.kubenetmigrate.planner.commands.ClusterNotFoundException;
import org.kubenetmigrate.planner.iac.IacSyntaxException;
import org.kubenetmigrate.planner.input.InputException;
import org.kubenetmigrate.planner.inventory.InventoryException;
import org.kubenetmigrate.planner.report.FleetReport;
import org.kubenetmigrate.planner.rules.Severity;
import org.kubenetmigrate.planner.waivers.Gate;
import org.kubenetmigrate.planner.waivers.WaiverReview;

/**
 * The process exit codes, listed in {@code --help} and in docs/reference/exit-codes.md, which is generated from
 * {@link #DOCUMENTED}.
 */
public final class ExitCodes {
    private ExitCodes() {
    }

    /** The command did what was asked. */
    public static final int OK = 0;
    /** Something unexpected went wrong (a bug, or an environment problem); the message says what. */
    public static final int UNEXPECTED = 1;
    /** Invalid input or usage: a bad file, field, option, or an unknown cluster. Nothing was written. */
    public static final int INVALID_INPUT = 2;
    /** The {@code --fail-on} threshold was met. */
    public static final int THRESHOLD_MET = 3;
    /**
     * The plan is stale: the cluster changed since the plan was made (or, during a run, outside the run). Nothing
     * was sent for the step; make a new plan.
     */
    public static final int STALE_PLAN = 4;
    /** The run stopped at a gate that needs approval (no terminal, no approval flag, or declined); resume it. */
    public static final int STOPPED_AT_GATE = 5;
    /**
     * A step failed: Azure refused or failed a request (the message carries ARM's error code), an operation or the
     * rollout timed out, a live check found a blocker, or validation failed. The run can be resumed.
     */
    public static final int STEP_FAILED = 6;
    /** Another run holds the cluster's lock, or another process runs this run right now. */
    public static final int LOCK_HELD = 7;
    /** Rollback refused: the point of no return was crossed; the output says how to roll forward. */
    public static final int ROLLBACK_REFUSED = 8;
    /**
     * The output could not be written: stdout or the {@code --out} file failed on the way (disk full, I/O error, the
     * reader of a named pipe went away). The message says where and why; an {@code --out} file is left as it was.
     * A reader of stdout that stops early ({@code | head}) is not a failure.
     */
    public static final int OUTPUT_FAILED = 9;

    public static final String HELP_TEXT = "Exit codes: 0 success; 1 unexpected error; 2 invalid input or usage;"
            + " 3 --fail-on threshold met; 4 stale plan; 5 stopped at a gate awaiting approval; 6 step failed or"
            + " Azure error; 7 lock held; 8 rollback refused past the point of no return; 9 output could not be"
            + " written (disk full, I/O error).";

    /**
     * Pure: the exit code once stdout's fate is known. A failed write beats the command's own code (the output the
     * user asked for is incomplete); a reader that stopped early ({@code | head}) changes nothing.
     */
    static int withOutput(int commandCode, OutputState stdout) {
        return stdout == OutputState.FAILED ? OUTPUT_FAILED : commandCode;
    }

    /**
     * One exit code as users read it.
     *
     * @param code the process exit code
     * @param summary the words {@link #HELP_TEXT} uses for it
     * @param meaning when it happens and what to do next
     */
    public record Documented(int code, String summary, String meaning) {
    }

    /** Every exit code, in order: the source of the exit-code reference page (a test checks it against the fields). */
    public static final java.util.List<Documented> DOCUMENTED = java.util.List.of(
            new Documented(OK, "success", "The command did what was asked."),
            new Documented(UNEXPECTED, "unexpected error", "Something unexpected went wrong (a bug, or a problem of the"
                    + " environment); the message says what, and `--verbose` adds the stack trace."),
            new Documented(INVALID_INPUT, "invalid input or usage", "A bad file, field or option (including the"
                    + " waivers file), an unknown or ambiguous cluster, a bad plan file, an unknown run, or no"
                    + " usable Azure sign-in. The one-line message names the file, the field and the problem;"
                    + " nothing was written."),
            new Documented(THRESHOLD_MET, "--fail-on threshold met", "The `--fail-on` gate is met: an unwaived"
                    + " finding, or a check that could not run but could have produced one, is at or above the"
                    + " severity."),
            new Documented(STALE_PLAN, "stale plan", "The cluster changed since the plan was made (or, during a run,"
                    + " outside the run). Nothing was sent for the step; make a new plan."),
            new Documented(STOPPED_AT_GATE, "stopped at a gate awaiting approval", "The run stopped at a gate: no"
                    + " terminal and no approval flag covers it, or the gate was declined. Continue with"
                    + " `resume RUN_ID`."),
            new Documented(STEP_FAILED, "step failed or Azure error", "A step failed: Azure refused or failed a"
                    + " request (the message has ARM's error code), an operation or the rollout timed out, a live"
                    + " check found a blocker, or validation failed. Fix the cause, then `resume` (or `rollback`"
                    + " before the point of no return)."),
            new Documented(LOCK_HELD, "lock held", "Another run holds the cluster's lock, or another process runs"
                    + " this run right now."),
            new Documented(ROLLBACK_REFUSED, "rollback refused past the point of no return", "Rollback refused: the"
                    + " point of no return was crossed; the output says how to roll forward."),
            new Documented(OUTPUT_FAILED, "output could not be written", "stdout or the `--out` file failed on the"
                    + " way (disk full, I/O error, the reader of a named pipe went away); the message says where and"
                    + " why, and an `--out` file is left as it was. A reader that stops early (`| head`) is not a"
                    + " failure."));

    /** Pure: the exit code of an executor command's outcome. */
    public static int forRun(RunOutcome outcome) {
        return switch (outcome) {
            case COMPLETED, DRY_RUN, ROLLED_BACK -> OK;
            case STALE_PLAN -> STALE_PLAN;
            case STOPPED_AT_GATE -> STOPPED_AT_GATE;
            case STEP_FAILED -> STEP_FAILED;
            case LOCK_HELD -> LOCK_HELD;
            case ROLLBACK_REFUSED -> ROLLBACK_REFUSED;
        };
    }

    /**
     * Pure: {@link #THRESHOLD_MET} when any cluster has a finding at or above {@code failOn}, or a check that could
     * not run but could have produced one (a CI gate must not pass on missing data); else {@link #OK}.
     */
    public static int forReport(FleetAssessment fleet, Severity failOn) {
        return Gate.met(fleet, WaiverReview.NONE, failOn) ? THRESHOLD_MET : OK;
    }

    /** Pure: as above, except that findings and checks covered by a waiver in force do not count. */
    public static int forReport(FleetReport report) {
        return report.gateMet() ? THRESHOLD_MET : OK;
    }

    /**
     * How the exception that ended a command is reported.
     *
     * @param exitCode the documented exit code
     * @param message the one line after {@code error: }
     * @param internal true for an exception nobody expected (a bug): the line says so, and only {@code --verbose}
     *                 adds the stack trace
     */
    record Failure(int exitCode, String message, boolean internal) {
    }

    /**
     * Pure: the exit code and the one-line message of the exception that ended a command. Our own refusals
     * ({@link CliException}'s subtypes) and the planner's and executor's exceptions keep their message as it is (it
     * names the file, the field and the problem); a failed sign-in adds how to sign in; anything else is
     * unexpected.
     */
    static Failure forException(Throwable e) {
        // Some exceptions carry no message; their type is the best one-line description there is.
        String message = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        if (e instanceof CliException.BadInput || e instanceof InputException || e instanceof UsageException
                || e instanceof ClusterNotFoundException || e instanceof KubeconfigException
                || e instanceof IacSyntaxException) {
            return new Failure(INVALID_INPUT, message, false);
        }
        if (e instanceof HeldException) {
            return new Failure(LOCK_HELD, message, false);
        }
        if (e instanceof CliException.OutputFailed) {
            return new Failure(OUTPUT_FAILED, message, false);
        }
        if (e instanceof LiveAccessUnavailableException live) {
            return live.signInFailed() ? new Failure(INVALID_INPUT, message + "; " + LiveAzure.SIGN_IN_HINT, false)
                    : new Failure(UNEXPECTED, message, false);
        }
        if (e instanceof InventoryException inventory) {
            return switch (inventory.kind()) {
                case SIGN_IN -> new Failure(INVALID_INPUT, message + "; " + LiveAzure.NO_INPUT_HINT, false);
                case NOT_FOUND -> new Failure(INVALID_INPUT, message, false);
                case AZURE -> new Failure(UNEXPECTED, message, false);
            };
        }
        if (e instanceof CliException.Failed || e instanceof JournalException || e instanceof IOException
                || e instanceof UncheckedIOException) {
            return new Failure(UNEXPECTED, message, false);
        }
        if (e instanceof InterruptedException) {
            return new Failure(UNEXPECTED, "interrupted", false);
        }
        return new Failure(UNEXPECTED, "unexpected " + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage()), true);
    }
}
