package org.kubenetmigrate.executor.azure;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One answer of the operation URL.
 *
 * @param state where the operation is
 * @param errorCode ARM's {@code error.code} when it failed (e.g. an AKS code such as {@code UpgradeFailed}), else null
 * @param errorMessage ARM's {@code error.message} when it failed, else null
 * @param retryAfter when to poll again, from {@code Retry-After}; null when ARM gave none
 * @param requestId {@code x-ms-request-id} of the poll, or null
 */
public record OperationStatus(State state, String errorCode, String errorMessage, Duration retryAfter,
                              String requestId) {

    public enum State { IN_PROGRESS, SUCCEEDED, FAILED, CANCELED }

    public OperationStatus {
        Objects.requireNonNull(state, "state");
    }

    public static OperationStatus inProgress(Duration retryAfter) {
        return new OperationStatus(State.IN_PROGRESS, null, null, retryAfter, null);
    }

    public static OperationStatus succeeded() {
        return new OperationStatus(State.SUCCEEDED, null, null, null, null);
    }

    public static OperationStatus failed(String code, String message) {
        return new OperationStatus(State.FAILED, code, message, null, null);
    }

    public boolean done() {
        return state != State.IN_PROGRESS;
    }

    public Optional<Duration> retryAfterHint() {
        return Optional.ofNullable(retryAfter);
    }
}
