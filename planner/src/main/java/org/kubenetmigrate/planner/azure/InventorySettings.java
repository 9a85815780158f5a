package org.kubenetmigrate.planner.azure;

import com.azure.core.http.policy.ExponentialBackoffOptions;
import com.azure.core.http.policy.RetryOptions;
import java.time.Duration;

/**
 * The knobs of a live read, one owner per concern:
 *
 * @param retry the SDK's retry policy: transport errors, 408/429/5xx, honouring {@code Retry-After}. Nothing else
 *              retries, so a retry is never doubled.
 * @param graphQueriesPerWindow our own Resource Graph request budget per {@code graphWindow} (Resource Graph allows
 *                              15 per 5 s per user; stay below it), on top of its {@code x-ms-user-quota-*} headers
 * @param graphWindow the window of that budget
 * @param armReadsPerSecond our own ARM read rate per subscription (ARM refills 25 reads per second per subscription
 *                          and region; stay below it)
 * @param concurrentReads how many ARM reads run at once (bulkhead)
 * @param breakerFailures failed calls in a row after which a subscription's circuit opens
 * @param breakerOpenFor how long an open circuit refuses calls before letting one through
 * @param graphPageSize rows per Resource Graph page ({@code $top}; 1,000 is Resource Graph's maximum)
 */
public record InventorySettings(RetryOptions retry, int graphQueriesPerWindow, Duration graphWindow,
        int armReadsPerSecond, int concurrentReads, int breakerFailures, Duration breakerOpenFor, int graphPageSize) {

    public static InventorySettings defaults() {
        return new InventorySettings(
                new RetryOptions(new ExponentialBackoffOptions().setMaxRetries(4)
                        .setBaseDelay(Duration.ofSeconds(1)).setMaxDelay(Duration.ofSeconds(60))),
                12, Duration.ofSeconds(5), 20, 8, 3, Duration.ofSeconds(60), 1000);
    }

    public InventorySettings withRetry(RetryOptions options) {
        return new InventorySettings(options, graphQueriesPerWindow, graphWindow, armReadsPerSecond, concurrentReads,
                breakerFailures, breakerOpenFor, graphPageSize);
    }

    public InventorySettings withGraphPageSize(int rows) {
        return new InventorySettings(retry, graphQueriesPerWindow, graphWindow, armReadsPerSecond, concurrentReads,
                breakerFailures, breakerOpenFor, rows);
    }

    public InventorySettings withGraphBudget(int queries, Duration window) {
        return new InventorySettings(retry, queries, window, armReadsPerSecond, concurrentReads, breakerFailures,
                breakerOpenFor, graphPageSize);
    }
}
