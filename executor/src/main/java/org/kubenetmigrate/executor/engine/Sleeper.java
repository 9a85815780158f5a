package org.kubenetmigrate.executor.engine;

import java.time.Duration;

/** Waits; the engine's one way to let time pass, so that tests can let virtual time pass instead. */
@FunctionalInterface
public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;

    Sleeper SYSTEM = duration -> Thread.sleep(duration.toMillis());
}
