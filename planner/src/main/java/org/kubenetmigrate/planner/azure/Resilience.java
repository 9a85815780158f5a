package org.kubenetmigrate.planner.azure;

import com.azure.core.management.exception.ManagementException;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Our side of staying within Azure's budgets, one concern each (retries belong to the SDK alone):
 * a rate limiter for Resource Graph (plus its quota headers) and one per subscription for ARM reads, a bulkhead
 * bounding concurrent ARM reads, and a circuit breaker per subscription so that one broken subscription fails
 * fast instead of stalling the fleet.
 */
final class Resilience {
    private final InventorySettings settings;
    private final RateLimiter graphLimiter;
    private final GraphQuota quota;
    private final Bulkhead reads;
    private final Map<String, RateLimiter> armLimiters = new ConcurrentHashMap<>();
    private final Map<String, CircuitBreaker> breakers = new ConcurrentHashMap<>();

    Resilience(InventorySettings settings, GraphQuota quota) {
        this.settings = settings;
        this.quota = quota;
        this.graphLimiter = RateLimiter.of("resource-graph", RateLimiterConfig.custom()
                .limitForPeriod(settings.graphQueriesPerWindow()).limitRefreshPeriod(settings.graphWindow())
                .timeoutDuration(Duration.ofMinutes(10)).build());
        this.reads = Bulkhead.of("arm-reads", BulkheadConfig.custom().maxConcurrentCalls(settings.concurrentReads())
                .maxWaitDuration(Duration.ofMinutes(10)).build());
    }

    /** A Resource Graph query over {@code subscriptionKey} (one subscription, or a batch named by its key). */
    <T> T graph(String breakerKey, Supplier<T> call) {
        return CircuitBreaker.decorateSupplier(breaker(breakerKey), () -> {
            RateLimiter.waitForPermission(graphLimiter);
            quota.await();
            return call.get();
        }).get();
    }

    /** An ARM read in one subscription. */
    <T> T arm(String subscriptionId, Supplier<T> call) {
        Supplier<T> limited = RateLimiter.decorateSupplier(armLimiter(subscriptionId), call);
        return Bulkhead.decorateSupplier(reads, CircuitBreaker.decorateSupplier(breaker(subscriptionId), limited)).get();
    }

    private RateLimiter armLimiter(String subscriptionId) {
        return armLimiters.computeIfAbsent(subscriptionId.toLowerCase(Locale.ROOT), s -> RateLimiter.of("arm-" + s,
                RateLimiterConfig.custom().limitForPeriod(settings.armReadsPerSecond())
                        .limitRefreshPeriod(Duration.ofSeconds(1)).timeoutDuration(Duration.ofMinutes(10)).build()));
    }

    private CircuitBreaker breaker(String key) {
        return breakers.computeIfAbsent(key.toLowerCase(Locale.ROOT), k -> CircuitBreaker.of("subscription-" + k,
                CircuitBreakerConfig.custom()
                        .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                        .slidingWindowSize(settings.breakerFailures())
                        .minimumNumberOfCalls(settings.breakerFailures())
                        .failureRateThreshold(100f)
                        .waitDurationInOpenState(settings.breakerOpenFor())
                        // A permission gap or a missing resource is an answer, not a broken subscription.
                        .recordException(e -> !(e instanceof ManagementException m && isAnswer(m)))
                        .build()));
    }

    static boolean isAnswer(ManagementException e) {
        int status = e.getResponse() == null ? 0 : e.getResponse().getStatusCode();
        return status == 403 || status == 404;
    }
}
