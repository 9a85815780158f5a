package org.kubenetmigrate.planner.rules;

/** How a finding affects the migration, most severe first. */
public enum Severity {
    /** Must be fixed outside the tool before migrating. */
    BLOCKER,
    /** The plan contains a step that resolves it. */
    ACTION,
    /** A risk to review. */
    WARNING,
    /** Context worth knowing. */
    INFO;

    public boolean atLeast(Severity threshold) {
        return ordinal() <= threshold.ordinal();
    }
}
