package org.kubenetmigrate.executor.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T12:00:00Z"), ZoneOffset.UTC);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve(Journal.FILE_NAME);
    }

    private void writeThree() throws Exception {
        try (Journal journal = Journal.open(file(), CLOCK, r -> { })) {
            journal.append(RecordType.RUN_STARTED, null, MAPPER.createObjectNode().put("runId", "r1"));
            journal.append(RecordType.STEP_STARTED, "precheck", MAPPER.createObjectNode().put("attempt", 1));
            journal.append(RecordType.STEP_SUCCEEDED, "precheck", null);
        }
    }

    @Test
    void readsBackEveryRecordWithSequenceTypeStepAndFields() throws Exception {
        writeThree();
        List<JournalRecord> records = Journal.read(file()).records();
        assertThat(records).extracting(JournalRecord::seq).containsExactly(1L, 2L, 3L);
        assertThat(records).extracting(r -> r.type().wireName())
                .containsExactly("run-started", "step-started", "step-succeeded");
        assertThat(records.get(0).text("runId")).isEqualTo("r1");
        assertThat(records.get(1).stepId()).isEqualTo("precheck");
        assertThat(Files.readAllLines(file())).allMatch(l -> l.matches("\\{\"seq\":\\d+,.*,\"crc32\":\"[0-9a-f]{8}\"}"));
    }

    @Test
    void ignoresATornLastLineAndCutsItOffBeforeTheNextAppend() throws Exception {
        writeThree();
        Files.writeString(file(), "{\"seq\":4,\"time\":\"2026-12-01T12:00:00Z\",\"type\":\"step-sta",
                StandardOpenOption.APPEND);

        Journal.Content content = Journal.read(file());
        assertThat(content.records()).hasSize(3);
        assertThat(content.tornTail()).hasValueSatisfying(t -> assertThat(t).startsWith("line 4"));

        try (Journal journal = Journal.open(file(), CLOCK, r -> { })) {
            assertThat(journal.repairedTail()).isPresent();
            journal.append(RecordType.RUN_STOPPED, null, null);
        }
        Journal.Content after = Journal.read(file());
        assertThat(after.tornTail()).isEmpty();
        assertThat(after.records()).extracting(JournalRecord::seq).containsExactly(1L, 2L, 3L, 4L);
        assertThat(after.records().get(3).type()).isEqualTo(RecordType.RUN_STOPPED);
    }

    @Test
    void ignoresACompleteLastLineWhoseChecksumDoesNotMatch() throws Exception {
        writeThree();
        List<String> lines = Files.readAllLines(file());
        lines.set(2, lines.get(2).replace("precheck", "precheX"));
        Files.write(file(), lines);
        assertThat(Journal.read(file()).records()).hasSize(2);
        assertThat(Journal.read(file()).tornTail()).hasValueSatisfying(t -> assertThat(t).contains("checksum"));
    }

    @Test
    void refusesCorruptionBeforeTheLastRecord() throws Exception {
        writeThree();
        List<String> lines = Files.readAllLines(file());
        lines.set(1, lines.get(1).replace("precheck", "precheX"));
        Files.write(file(), lines);
        assertThatThrownBy(() -> Journal.read(file())).isInstanceOf(JournalException.class)
                .hasMessageContaining("line 2: checksum mismatch")
                .hasMessageContaining("cannot be trusted");
        assertThatThrownBy(() -> Journal.open(file(), CLOCK, r -> { })).isInstanceOf(JournalException.class);
    }

    @Test
    void refusesALostRecordInTheMiddle() throws Exception {
        writeThree();
        List<String> lines = Files.readAllLines(file());
        lines.remove(1);
        Files.write(file(), lines);
        assertThatThrownBy(() -> Journal.read(file())).hasMessageContaining("sequence number 3 where 2 was expected")
                .as("a complete record after a gap is not a torn write");
    }

    @Test
    void keepsAValidLastRecordThatLostOnlyItsNewline() throws Exception {
        writeThree();
        byte[] bytes = Files.readAllBytes(file());
        Files.write(file(), java.util.Arrays.copyOf(bytes, bytes.length - 1));
        assertThat(Journal.read(file()).records()).hasSize(3);
        try (Journal journal = Journal.open(file(), CLOCK, r -> { })) {
            journal.append(RecordType.RUN_FINISHED, null, null);
        }
        assertThat(Journal.read(file()).records()).hasSize(4);
        assertThat(new String(Files.readAllBytes(file()), StandardCharsets.UTF_8)).endsWith("}\n");
    }

    @Test
    void tellsTheObserverAfterEachRecordIsWritten() throws Exception {
        List<Long> seen = new java.util.ArrayList<>();
        try (Journal journal = Journal.open(file(), CLOCK, r -> {
            seen.add(r.seq());
            // The record must be readable from disk when the observer runs.
            try {
                assertThat(Journal.read(file()).records()).hasSize((int) r.seq());
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        })) {
            journal.append(RecordType.RUN_STARTED, null, null);
            journal.append(RecordType.RUN_FINISHED, null, null);
        }
        assertThat(seen).containsExactly(1L, 2L);
    }
}
