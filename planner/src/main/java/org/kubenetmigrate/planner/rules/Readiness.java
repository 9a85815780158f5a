package org.kubenetmigrate.planner.rules;

import java.util.Collection;

/** The verdict for one cluster, decided in the order of the constants. */
public enum Readiness {
    /** The cluster is not on kubenet. */
    NOT_APPLICABLE,
    /** At least one BLOCKER. */
    BLOCKED,
    /** A check that could block or require an action could not run. */
    INCOMPLETE,
    /** At least one ACTION, which the plan resolves. */
    ACTIONS_REQUIRED,
    /** Nothing stands in the way. */
    READY;

    /** The verdicts from worst to best, for choosing between two judgements of one cluster. */
    private static final java.util.List<Readiness> WORST_FIRST = java.util.List.of(BLOCKED, INCOMPLETE,
            ACTIONS_REQUIRED, READY, NOT_APPLICABLE);

    /** True when this verdict is worse than {@code other}: a kubenet cluster's BLOCKED beats a not-kubenet one. */
    public boolean worseThan(Readiness other) {
        return WORST_FIRST.indexOf(this) < WORST_FIRST.indexOf(other);
    }

    /** Pure: the verdict from what the rules produced. Never READY when a check that could block did not run. */
    public static Readiness of(boolean kubenet, Collection<Finding> findings, Collection<Unverified> unverified) {
        if (!kubenet) {
            return NOT_APPLICABLE;
        }
        if (findings.stream().anyMatch(f -> f.severity() == Severity.BLOCKER)) {
            return BLOCKED;
        }
        if (unverified.stream().anyMatch(u -> u.couldBe().atLeast(Severity.ACTION))) {
            return INCOMPLETE;
        }
        if (findings.stream().anyMatch(f -> f.severity() == Severity.ACTION)) {
            return ACTIONS_REQUIRED;
        }
        return READY;
    }
}
