package org.kubenetmigrate.cli;

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

    public static final String HELP_TEXT = "Exit codes: 0 success; 1 unexpected error; 2 invalid input or usage;"
            + " 3 --fail-on threshold met.";

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
