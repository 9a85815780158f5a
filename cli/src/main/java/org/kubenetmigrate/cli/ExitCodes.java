package org.kubenetmigrate.cli;

import org.kubenetmigrate.planner.assessment.FleetAssessment;
import org.kubenetmigrate.planner.rules.Severity;

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
        if (failOn == null) {
            return OK;
        }
        boolean met = fleet.clusters().stream().anyMatch(c ->
                c.findings().stream().anyMatch(f -> f.severity().atLeast(failOn))
                        || c.unverified().stream().anyMatch(u -> u.couldBe().atLeast(failOn)));
        return met ? THRESHOLD_MET : OK;
    }
}
