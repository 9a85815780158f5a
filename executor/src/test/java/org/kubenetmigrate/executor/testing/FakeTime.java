package org.kubenetmigrate.executor.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.kubenetmigrate.executor.engine.Sleeper;

/** Virtual time: a clock that moves only when someone sleeps, so that hours of polling take no real time. */
public final class FakeTime extends Clock implements Sleeper {
    private Instant now;
    private Duration slept = Duration.ZERO;

    public FakeTime(Instant start) {
        this.now = start;
    }

    public static FakeTime at(String instant) {
        return new FakeTime(Instant.parse(instant));
    }

    @Override
    public synchronized void sleep(Duration duration) {
        now = now.plus(duration);
        slept = slept.plus(duration);
    }

    public synchronized Duration slept() {
        return slept;
    }

    @Override
    public synchronized Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
