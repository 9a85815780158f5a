package org.kubenetmigrate.executor.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The journal's one encoding of a run's facts: a {@link EngineEvent.Journaled} event as one JSON object,
 * {@code {"seq":…,"time":…,"type":…,"stepId":…,"format":2,<the event's fields>}}, and back.
 *
 * <p>Lines without {@code "format":2} were written before run events were typed (each record its own hand-written
 * fields); {@link LegacyJournalFormat} reads them, so that a run started by an older version still resumes.
 */
final class JournalCodec {
    /** The format of lines written by this version. */
    static final int FORMAT = 2;

    static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private static final Map<RecordType, Class<? extends EngineEvent.Journaled>> CLASSES = new EnumMap<>(RecordType.class);

    static {
        CLASSES.put(RecordType.RUN_STARTED, EngineEvent.RunStarted.class);
        CLASSES.put(RecordType.RUN_RESUMED, EngineEvent.RunStarted.class);
        CLASSES.put(RecordType.STEP_STARTED, EngineEvent.StepStarted.class);
        CLASSES.put(RecordType.REQUEST_SENT, EngineEvent.RequestSent.class);
        CLASSES.put(RecordType.REQUEST_FAILED, EngineEvent.RequestFailed.class);
        CLASSES.put(RecordType.OPERATION_FINISHED, EngineEvent.RequestFinished.class);
        CLASSES.put(RecordType.STEP_SUCCEEDED, EngineEvent.StepSucceeded.class);
        CLASSES.put(RecordType.STEP_FAILED, EngineEvent.StepFailed.class);
        CLASSES.put(RecordType.GATE_PENDING, EngineEvent.GatePending.class);
        CLASSES.put(RecordType.GATE_APPROVED, EngineEvent.GateApproved.class);
        CLASSES.put(RecordType.GATE_DECLINED, EngineEvent.GateDeclined.class);
        CLASSES.put(RecordType.ROLLBACK_STARTED, EngineEvent.RollbackStarted.class);
        CLASSES.put(RecordType.COMPENSATION_STARTED, EngineEvent.CompensationStarted.class);
        CLASSES.put(RecordType.COMPENSATION_SUCCEEDED, EngineEvent.CompensationSucceeded.class);
        CLASSES.put(RecordType.COMPENSATION_FAILED, EngineEvent.CompensationFailed.class);
        CLASSES.put(RecordType.ROLLBACK_FINISHED, EngineEvent.RunFinished.class);
        CLASSES.put(RecordType.ROLLBACK_REFUSED, EngineEvent.RunFinished.class);
        CLASSES.put(RecordType.RUN_STOPPED, EngineEvent.RunStopped.class);
        CLASSES.put(RecordType.RUN_FINISHED, EngineEvent.RunFinished.class);
        CLASSES.put(RecordType.LOCK_RELEASED, EngineEvent.LockReleased.class);
        CLASSES.put(RecordType.OPERATOR_ACCEPTED, EngineEvent.OperatorAccepted.class);
    }

    private JournalCodec() {
    }

    /** The record of {@code event} as the {@code seq}-th line, without its checksum. */
    static ObjectNode encode(long seq, EngineEvent.Journaled event) {
        ObjectNode json = MAPPER.createObjectNode();
        json.put("seq", seq);
        json.put("time", event.time().toString());
        json.put("type", event.recordType().wireName());
        json.put("stepId", event.stepId());
        json.put("format", FORMAT);
        ObjectNode fields = MAPPER.valueToTree(event);
        fields.remove("time");
        fields.remove("stepId");
        json.setAll(fields);
        return json;
    }

    /**
     * The event a journal line holds, in this format or the one before it.
     *
     * @param runId the run's id as far as the journal told it (lines of the older format name it only once)
     */
    static EngineEvent.Journaled decode(RecordType type, Instant time, String stepId, ObjectNode json, String runId)
            throws JournalException {
        if (json.path("format").asInt(1) != FORMAT) {
            return LegacyJournalFormat.decode(type, time, stepId, json, runId);
        }
        ObjectNode fields = json.deepCopy();
        fields.remove(List.of("seq", "type", "format"));
        fields.put("time", time.toString());
        fields.put("stepId", stepId);
        try {
            EngineEvent.Journaled event = MAPPER.treeToValue(fields, CLASSES.get(type));
            if (event.recordType() != type) {
                throw new JournalException("a " + type.wireName() + " record holds a " + event.recordType().wireName());
            }
            return event;
        } catch (JsonProcessingException e) {
            throw new JournalException("a " + type.wireName() + " record that cannot be read: " + e.getOriginalMessage());
        }
    }

    /** A text field of an encoded record, or null. */
    static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
