package org.kubenetmigrate.executor.engine;

import java.util.List;
import java.util.Objects;

/**
 * What {@code apply}, {@code resume} or {@code rollback} did.
 *
 * @param runId the run, or null when none was created (lock held before the run existed)
 * @param outcome how it ended
 * @param stepId the step it stopped at, or null
 * @param message one line saying what happened
 * @param remediation what to do next, one line each; empty when nothing is needed
 */
public record RunResult(String runId, RunOutcome outcome, String stepId, String message, List<String> remediation) {
    public RunResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(message, "message");
        remediation = List.copyOf(remediation);
    }
}
