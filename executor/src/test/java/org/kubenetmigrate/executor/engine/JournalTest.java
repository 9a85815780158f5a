package org.kubenetmigrate.executor.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    private static final Instant T = CLOCK.instant();

    static EngineEvent.RunStarted started() {
        return new EngineEvent.RunStarted(T, "r1", "/subscriptions/s/resourceGroups/rg/providers/"
                + "Microsoft.ContainerService/managedClusters/c", "c", "plan-1", "plan.json", "alice", false, "apply", 7,
                "host-1", 42, "PT4H", "PT6H", "PT20M", "PT1H", false);
    }

    static EngineEvent.RunStopped stopped() {
        return new EngineEvent.RunStopped(T, "r1", RunOutcome.STEP_FAILED, null, "why", "first\nsecond");
    }

    static EngineEvent.RunFinished finished() {
        return new EngineEvent.RunFinished(T, "r1", RunOutcome.COMPLETED, null, "done", null);
    }

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve(Journal.FILE_NAME);
    }

    private void writeThree() throws Exception {
        try (Journal journal = Journal.open(file(), r -> { })) {
            journal.append(started());
            journal.append(new EngineEvent.StepStarted(T, "r1", "precheck", "Re-read", 1, 7, 1));
            journal.append(new EngineEvent.StepSucceeded(T, "r1", "precheck", false, "fingerprint matches"));
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
        // The typed event comes back equal to what was appended: one encoding, both ways.
        assertThat(records.get(0).event()).isEqualTo(started());
        assertThat(records.get(2).event()).isEqualTo(new EngineEvent.StepSucceeded(T, "r1", "precheck", false,
                "fingerprint matches"));
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

        try (Journal journal = Journal.open(file(), r -> { })) {
            assertThat(journal.repairedTail()).isPresent();
            journal.append(stopped());
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
        assertThatThrownBy(() -> Journal.open(file(), r -> { })).isInstanceOf(JournalException.class);
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
        try (Journal journal = Journal.open(file(), r -> { })) {
            journal.append(finished());
        }
        assertThat(Journal.read(file()).records()).hasSize(4);
        assertThat(new String(Files.readAllBytes(file()), StandardCharsets.UTF_8)).endsWith("}\n");
    }

    @Test
    void tellsTheObserverAfterEachRecordIsWritten() throws Exception {
        List<Long> seen = new java.util.ArrayList<>();
        try (Journal journal = Journal.open(file(), r -> {
            seen.add(r.seq());
            // The record must be readable from disk when the observer runs.
            try {
                assertThat(Journal.read(file()).records()).hasSize((int) r.seq());
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        })) {
            journal.append(started());
            journal.append(finished());
        }
        assertThat(seen).containsExactly(1L, 2L);
    }

    @Test
    void everyJournaledEventTypeSurvivesTheRoundTrip() throws Exception {
        List<EngineEvent.Journaled> all = List.of(started(),
                new EngineEvent.RunStarted(T, "r1", "id", "c", "p", "f", "bob", true, "resume", 7, "h", 1, "a", "b", "c",
                        "PT1H", true),
                new EngineEvent.OperatorAccepted(T, "r1", "precheck", "--skip-in-cluster-checks", "in-cluster checks"),
                new EngineEvent.StepStarted(T, "r1", "s", "t", 2, 7, 1),
                new EngineEvent.RequestSent(T, "r1", "s", "forward", "PUT", "/x", "\"e\"", "https://op?api-version=1",
                        "req", "corr"),
                new EngineEvent.RequestFailed(T, "r1", "s", "forward", "PUT", "/x", "W/\"e\"", 0, null, "dropped",
                        true, null, null),
                new EngineEvent.RequestFinished(T, "r1", "s", "forward", "PUT", "/x", "e", T, "Succeeded", null, null,
                        "req", "corr", "https://op?api-version=1"),
                new EngineEvent.StepSucceeded(T, "r1", "s", true, "already"),
                new EngineEvent.StepFailed(T, "r1", "s", "STEP_FAILED", "p", "a\nb", "Code"),
                new EngineEvent.GatePending(T, "r1", "s", "migrate", "t", "d", false, true, "u", "PUT /x"),
                new EngineEvent.GateApproved(T, "r1", "s", "alice (ops@example.com)", "ops@example.com", "h", "prompt"),
                new EngineEvent.GateDeclined(T, "r1", "s", "alice"),
                new EngineEvent.RollbackStarted(T, "r1", "alice"),
                new EngineEvent.CompensationStarted(T, "r1", "s", "undo"),
                new EngineEvent.CompensationSucceeded(T, "r1", "s", false, "re-created"),
                new EngineEvent.CompensationFailed(T, "r1", "s", "p", "r"),
                stopped(),
                new EngineEvent.RunFinished(T, "r1", RunOutcome.ROLLED_BACK, null, "rolled back", null),
                new EngineEvent.RunFinished(T, "r1", RunOutcome.ROLLBACK_REFUSED, "s", "refused", "1\n2"),
                finished(),
                new EngineEvent.LockReleased(T, "r1", "id", "nothing changed"));
        try (Journal journal = Journal.open(file(), r -> { })) {
            for (EngineEvent.Journaled event : all) {
                journal.append(event);
            }
        }

        assertThat(Journal.read(file()).records()).extracting(JournalRecord::event).containsExactlyElementsOf(all);
        assertThat(Files.readAllLines(file())).allMatch(l -> l.contains("\"format\":2"));
    }

    /** A journal written before run events were typed, as committed from a real run of that version. */
    @Test
    void readsAJournalInTheFormatBeforeTypedEvents() throws Exception {
        Path legacy = Path.of(getClass().getResource("/journals/v1-stopped-after-point-of-no-return.jsonl").toURI());

        List<JournalRecord> records = Journal.read(legacy).records();
        RunState state = RunState.replay(records);

        assertThat(records).isNotEmpty().allSatisfy(r -> assertThat(r.json().has("format")).isFalse());
        assertThat(state.runId()).isNotBlank();
        assertThat(records).extracting(r -> r.event().runId()).containsOnly(state.runId());
        assertThat(state.phase()).isEqualTo(RunState.Phase.STOPPED);
        assertThat(state.succeeded("disable-network-policy")).isTrue();
        assertThat(state.step("update-network-plugin").sent(RunState.FORWARD)).isTrue();
        assertThat(state.stopRemediation()).doesNotContain(" | ").contains("\n");
    }

    /** Another storage behind the same three operations: what a shared-storage journal needs to implement. */
    @Test
    void aJournalKeptInAnotherStoreReadsBackTheSameEvents() throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        JournalStore memory = new JournalStore() {
            @Override
            public byte[] readAll() {
                return bytes.toByteArray();
            }

            @Override
            public void keepFirst(long length, boolean addNewline) {
                assertThat(length).as("appends are atomic here: nothing torn to drop").isEqualTo(bytes.size());
            }

            @Override
            public void append(String line) {
                bytes.writeBytes(line.getBytes(StandardCharsets.UTF_8));
            }

            @Override
            public void close() {
            }
        };
        try (Journal journal = Journal.open(Path.of("memory"), memory, r -> { })) {
            journal.append(started());
            journal.append(finished());
        }
        try (Journal again = Journal.open(Path.of("memory"), memory, r -> { })) {
            assertThat(again.records()).extracting(JournalRecord::event).containsExactly(started(), finished());
        }
    }
}
