package org.kubenetmigrate.executor.testing;

import java.util.ArrayList;
import java.util.List;
import org.kubenetmigrate.executor.engine.EngineEvent;
import org.kubenetmigrate.executor.engine.EngineListener;

/** Keeps every event, for assertions on their order. */
public final class RecordingListener implements EngineListener {
    private final List<EngineEvent> events = new ArrayList<>();

    @Override
    public synchronized void on(EngineEvent event) {
        events.add(event);
    }

    public synchronized List<EngineEvent> events() {
        return List.copyOf(events);
    }

    public synchronized <T extends EngineEvent> List<T> of(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    public synchronized List<String> types() {
        return events.stream().map(EngineEvent::type).toList();
    }
}
