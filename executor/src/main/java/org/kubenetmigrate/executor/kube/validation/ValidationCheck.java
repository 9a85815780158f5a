package org.kubenetmigrate.executor.kube.validation;

import java.util.Objects;

/**
 * One post-migration check and its outcome.
 *
 * @param id a stable id, e.g. {@code nodes-ready}
 * @param detail what was seen, with names: why it failed, or what passed
 */
public record ValidationCheck(String id, Status status, String detail) {

    public enum Status {
        PASSED,
        FAILED,
        /** Could not be run (e.g. the API server was unreachable, or the data it needs is missing). */
        NOT_RUN
    }

    public ValidationCheck {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(detail, "detail");
    }

    public static ValidationCheck passed(String id, String detail) {
        return new ValidationCheck(id, Status.PASSED, detail);
    }

    public static ValidationCheck failed(String id, String detail) {
        return new ValidationCheck(id, Status.FAILED, detail);
    }

    public static ValidationCheck notRun(String id, String detail) {
        return new ValidationCheck(id, Status.NOT_RUN, detail);
    }
}
