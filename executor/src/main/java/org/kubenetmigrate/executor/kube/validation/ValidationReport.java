package org.kubenetmigrate.executor.kube.validation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The result of validating a cluster after the migration, as data for the executor's validate step.
 *
 * @param source where the cluster was read from (never a credential)
 * @param finishedAt when the last check finished
 */
public record ValidationReport(String source, Instant finishedAt, List<ValidationCheck> checks) {

    public ValidationReport {
        checks = List.copyOf(checks);
    }

    /** True only when every check ran and passed: a check that could not run proves nothing. */
    public boolean passed() {
        return !checks.isEmpty() && checks.stream().allMatch(c -> c.status() == ValidationCheck.Status.PASSED);
    }

    /** The checks that failed or could not run. */
    public List<ValidationCheck> problems() {
        return checks.stream().filter(c -> c.status() != ValidationCheck.Status.PASSED).toList();
    }

    public Optional<ValidationCheck> check(String id) {
        return checks.stream().filter(c -> c.id().equals(id)).findFirst();
    }
}
