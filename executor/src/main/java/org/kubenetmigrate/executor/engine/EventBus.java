package org.kubenetmigrate.executor.engine;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands each event to every listener in order. A listener that throws is logged and skipped: a broken renderer
 * must not stop a migration half-way. Errors (not exceptions) still propagate.
 */
public final class EventBus implements EngineListener {
    private static final Logger LOG = LoggerFactory.getLogger(EventBus.class);
    private final List<EngineListener> listeners = new CopyOnWriteArrayList<>();

    public EventBus(List<EngineListener> listeners) {
        this.listeners.addAll(listeners);
    }

    public void add(EngineListener listener) {
        listeners.add(listener);
    }

    public void remove(EngineListener listener) {
        listeners.remove(listener);
    }

    @Override
    public void on(EngineEvent event) {
        for (EngineListener listener : listeners) {
            try {
                listener.on(event);
            } catch (RuntimeException e) {
                LOG.warn("listener {} failed on {}: {}", listener.getClass().getSimpleName(), event.type(), e.toString());
            }
        }
    }
}
