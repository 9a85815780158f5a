package org.kubenetmigrate.executor.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import org.kubenetmigrate.executor.engine.EngineEvent;
import org.kubenetmigrate.executor.engine.EngineListener;
import org.kubenetmigrate.executor.engine.RunResult;

/**
 * {@code --output json}: one JSON object per event and line, {@code {"event":"step-started","time":…,…}}, with the
 * event's fields as named in {@link EngineEvent}, and, once the command is over, one {@code result} line
 * ({@link #result}). Fields may be added; none is renamed. Written as an {@link EngineEvent.Visitor}, so a new event
 * type does not compile until it says what it adds to its fields here.
 */
public final class JsonLinesRenderer implements EngineListener {
    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final Fields FIELDS = new Fields();
    private final PrintWriter out;

    public JsonLinesRenderer(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void on(EngineEvent event) {
        out.println(line(event));
        out.flush();
    }

    /**
     * The last line of a run command's output: how it ended and with which exit code, the step it stopped at, one
     * line saying what happened, and what to do next.
     *
     * @param exitCode the process exit code the command ends with (the CLI decides it)
     */
    public void result(RunResult result, int exitCode) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("event", "result");
        node.put("runId", result.runId());
        node.put("outcome", result.outcome().name());
        node.put("exitCode", exitCode);
        node.put("stepId", result.stepId());
        node.put("message", result.message());
        ArrayNode next = node.putArray("remediation");
        result.remediation().forEach(next::add);
        out.println(write(node));
        out.flush();
    }

    public static String line(EngineEvent event) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("event", event.type());
        node.setAll(event.accept(FIELDS));
        return write(node);
    }

    private static String write(ObjectNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An event's fields as its record names them, with what a reader of the output needs besides. */
    private static final class Fields implements EngineEvent.Visitor<ObjectNode> {
        /** The record's own fields; the journal keeps operation URLs whole (they are polled after a crash), output
         * shows them without their query. */
        private static ObjectNode of(EngineEvent event) {
            ObjectNode fields = MAPPER.valueToTree(event);
            fields.put("time", event.time().toString());
            fields.remove("operationUrl");
            return fields;
        }

        @Override
        public ObjectNode visit(EngineEvent.RunStarted event) {
            return of(event);
        }

        @Override
        public ObjectNode visit(EngineEvent.StepStarted event) {
            return of(event);
        }

        @Override
        public ObjectNode visit(EngineEvent.StepSucceeded event) {
            return of(event);
        }

        @Override
        public ObjectNode visit(EngineEvent.StepFailed event) {
            return of(event);
        }

        @Override
        public ObjectNode visit(EngineEvent.GatePending event) {
            return of(event);
        }

        @Override
        public ObjectNode visit(EngineEvent.GateApproved event) {
            return of(event);
        }

        @Override
        public ObjectNode visit(EngineEvent.GateDeclined event) {
            return of(event);
        }

        @Override
        public ObjectNode visit(EngineEvent.RequestSent event) {
            return of(event).put("operation", event.operation());
        }

        @Override
        public ObjectNode visit(EngineEvent.RequestFailed event) {
            return of(event).put("result", event.result());
        }

        @Override
        public ObjectNode visit(EngineEvent.RequestFinished event) {
            return of(event);
        }

        @Override
        public ObjectNode visit(EngineEvent.Progress event) {
            return of(event);
        }

        @Override
        public ObjectNode visit(EngineEvent.OperatorAccepted event) {
            return of(event);
        }

        @Override
        public ObjectNode visit(EngineEvent.Notice event) {
            return of(event);
        }

        @Override
        public ObjectNode visit(EngineEvent.RollbackStarted event) {
            return of(event);
        }

        @Override
        public ObjectNode visit(EngineEvent.CompensationStarted event) {
            return of(event);
        }

        @Override
        public ObjectNode visit(EngineEvent.CompensationSucceeded event) {
            return of(event);
        }

        @Override
        public ObjectNode visit(EngineEvent.CompensationFailed event) {
            return of(event);
        }

        @Override
        public ObjectNode visit(EngineEvent.RunStopped event) {
            return of(event);
        }

        @Override
        public ObjectNode visit(EngineEvent.RunFinished event) {
            return of(event);
        }

        @Override
        public ObjectNode visit(EngineEvent.LockReleased event) {
            return of(event);
        }
    }
}
