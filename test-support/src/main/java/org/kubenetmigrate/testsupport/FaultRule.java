package org.kubenetmigrate.testsupport;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Applies a {@link Fault} to the requests a predicate selects, a limited number of times (or forever).
 * Rules are consulted in the order they were added; the first with uses left wins (a {@link Fault.Slow} delays and
 * lets the next rule, or the normal route, answer).
 */
public final class FaultRule {
    public static final int FOREVER = Integer.MAX_VALUE;

    private final Predicate<RecordedRequest> when;
    private final Fault fault;
    private final AtomicInteger remaining;
    private final AtomicInteger applied = new AtomicInteger();

    FaultRule(Predicate<RecordedRequest> when, Fault fault, int times) {
        this.when = when;
        this.fault = fault;
        this.remaining = new AtomicInteger(times);
    }

    /** Takes one use if the rule matches and has uses left. */
    boolean claim(RecordedRequest request) {
        if (!when.test(request)) {
            return false;
        }
        int left = remaining.getAndUpdate(n -> n == FOREVER ? n : Math.max(0, n - 1));
        if (left <= 0) {
            return false;
        }
        applied.incrementAndGet();
        return true;
    }

    Fault fault() {
        return fault;
    }

    /** How many requests this rule has hit so far. */
    public int applied() {
        return applied.get();
    }
}
