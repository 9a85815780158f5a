package org.kubenetmigrate.executor.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import org.kubenetmigrate.executor.engine.EngineEvent;
import org.kubenetmigrate.executor.engine.EngineListener;

/**
 * {@code --output json}: one JSON object per event and line, {@code {"event":"step-started","time":…,…}}, with the
 * event's fields as named in {@link EngineEvent}. Fields may be added; none is renamed.
 */
public final class JsonLinesRenderer implements EngineListener {
    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final PrintWriter out;

    public JsonLinesRenderer(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void on(EngineEvent event) {
        out.println(line(event));
        out.flush();
    }

    public static String line(EngineEvent event) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("event", event.type());
        ObjectNode fields = MAPPER.valueToTree(event);
        fields.put("time", event.time().toString());
        // The journal keeps operation URLs whole (they are polled after a crash); output shows them without query.
        if (fields.has("operationUrl")) {
            fields.remove("operationUrl");
        }
        if (event instanceof EngineEvent.RequestSent sent) {
            fields.put("operation", sent.operation());
        } else if (event instanceof EngineEvent.RequestFailed failed) {
            fields.put("result", failed.result());
        }
        node.setAll(fields);
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
