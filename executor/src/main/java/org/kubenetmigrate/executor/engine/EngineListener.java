package org.kubenetmigrate.executor.engine;

/** Receives the engine's events in order, on the engine's thread. */
@FunctionalInterface
public interface EngineListener {
    void on(EngineEvent event);
}
