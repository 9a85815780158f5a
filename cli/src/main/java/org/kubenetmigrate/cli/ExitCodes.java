package org.kubenetmigrate.cli;

import org.kubenetmigrate.executor.engine.RunOutcome;
import org.kubenetmigrate.planner.assessment.FleetAssessment;
import org.kubenetmigrate.planner.report.FleetReport;
import org.kubenetmigrate.planner.rules.Severity;
import org.kubenetmigrate.planner.waivers.Gate;
import org.kubenetmigrate.planner.waivers.WaiverReview;

/** The process exit codes, documented in the README and in {@code --help}. */
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
}
