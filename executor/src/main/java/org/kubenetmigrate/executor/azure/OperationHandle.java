package org.kubenetmigrate.executor.azure;

import java.time.Duration;
import java.util.Optional;

/**
 * A long-running operation ARM accepted, as returned by {@link ClusterOperations#beginPut} before any waiting.
 *
 * @param operationUrl the absolute URL to poll ({@code Azure-AsyncOperation}, else {@code Location}); null when
 *                     the PUT completed synchronously
 * @param retryAfter ARM's {@code Retry-After} on the PUT response, if any
 * @param requestId {@code x-ms-request-id} of the PUT, or null
 * @param correlationId {@code x-ms-correlation-request-id} of the PUT, or null
 */
public record OperationHandle(String operationUrl, Duration retryAfter, String requestId, String correlationId) {

    /** A handle for an operation known only by its URL, as read back from the journal after a crash. */
    public static OperationHandle resumed(String operationUrl) {
        return new OperationHandle(operationUrl, null, null, null);
    }

    public boolean completedSynchronously() {
        return operationUrl == null;
    }

    public Optional<Duration> retryAfterHint() {
        return Optional.ofNullable(retryAfter);
    }
}
