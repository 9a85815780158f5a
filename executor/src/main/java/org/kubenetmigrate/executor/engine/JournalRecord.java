package org.kubenetmigrate.executor.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Objects;

/**
 * One line of the journal: {@code seq}, {@code time}, {@code type}, {@code stepId} and the record's own fields, as
 * written, with the typed event they encode.
 *
 * @param seq 1, 2, 3 … without gaps
 * @param time when it was written
 * @param type what happened
 * @param stepId the step it concerns, or null for run-level records
 * @param json the whole record as written (without its checksum)
 * @param event the fact it holds (for a line in the format before typed events, as {@link LegacyJournalFormat}
 *              reads it)
 */
public record JournalRecord(long seq, Instant time, RecordType type, String stepId, ObjectNode json,
                            EngineEvent.Journaled event) {

    public JournalRecord {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(event, "event");
    }

    /** A text field, or null when absent or null. */
    public String text(String field) {
        JsonNode value = json.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    public boolean flag(String field) {
        return json.path(field).asBoolean(false);
    }

    public int number(String field, int orElse) {
        JsonNode value = json.get(field);
        return value == null || !value.canConvertToInt() ? orElse : value.intValue();
    }
}
