package org.kubenetmigrate.executor.commands;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kubenetmigrate.executor.Harness;
import org.kubenetmigrate.executor.engine.Approvals;
import org.kubenetmigrate.executor.engine.Journal;
import org.kubenetmigrate.executor.engine.JournalRecord;
import org.kubenetmigrate.executor.engine.RunOutcome;
import org.kubenetmigrate.executor.engine.RunResult;
import org.kubenetmigrate.executor.testing.Scenario;

/**
 * A run started by the version before typed run events, stopped after the point of no return (re-enabling Calico
 * failed), resumes with this version: its journal (a committed fixture written by that version for this very plan
 * and failure) is read, the run goes on from where it stopped, and the new records follow the old ones.
 */
class LegacyJournalResumeTest {
    @TempDir
    Path dir;

    @Test
    void aRunJournaledInTheOldFormatResumesToTheEnd() throws Exception {
        Harness h = new Harness(dir.resolve("state"),
                Scenario.azure().failOperationOfPut(3, "InternalError", "Re-enabling failed (fake)."));
        // The same history in Azure; then the run's journal is the one the old version wrote.
        RunResult stopped = h.apply(Scenario.plan(dir, Scenario.STG), Approvals.all());
        assertThat(stopped.outcome()).isEqualTo(RunOutcome.STEP_FAILED);
        Path journal = h.runDir(stopped.runId()).resolve(Journal.FILE_NAME);
        String planId = h.status(stopped.runId()).detail().planId();
        Files.writeString(journal, withPlanId(Files.readString(Path.of(getClass()
                .getResource("/journals/v1-stopped-after-point-of-no-return.jsonl").toURI())), planId));
        int oldRecords = Journal.read(journal).records().size();
        int puts = h.azure.mutatingCalls().size();

        assertThat(h.status(stopped.runId()).detail().stopReason()).contains("InternalError");
        // The operator reconciles the Failed cluster (az aks update), as the run's remediation says.
        h.azure.editAsExported(Scenario.STG_ID, c -> {
            c.with("properties").put("provisioningState", "Succeeded");
            c.path("properties").path("agentPoolProfiles").forEach(p -> ((com.fasterxml.jackson.databind.node.ObjectNode) p)
                    .put("provisioningState", "Succeeded"));
        });
        RunResult resumed = h.resume(stopped.runId(), Approvals.all());

        assertThat(resumed.outcome()).as(resumed.message()).isEqualTo(RunOutcome.COMPLETED);
        // The one-way update is never sent again; at most the re-enabling of Calico is.
        assertThat(h.azure.mutatingCalls().subList(puts, h.azure.mutatingCalls().size()))
                .allSatisfy(c -> assertThat(c.body().at("/properties/networkProfile/networkPolicy").asText())
                        .isEqualTo("calico"));
        assertThat(h.azure.resource(Scenario.STG_ID).at("/properties/networkProfile/networkPluginMode").asText())
                .isEqualTo("overlay");
        assertThat(h.azure.resource(Scenario.STG_ID).at("/properties/networkProfile/networkPolicy").asText())
                .isEqualTo("calico");
        List<JournalRecord> records = Journal.read(journal).records();
        assertThat(records.subList(0, oldRecords)).allSatisfy(r -> assertThat(r.json().has("format")).isFalse());
        assertThat(records.subList(oldRecords, records.size())).isNotEmpty()
                .allSatisfy(r -> assertThat(r.json().path("format").asInt()).isEqualTo(2));
    }

    /**
     * The fixture's run started from the earlier version's plan file, which this version's plan reader refuses (it
     * carried a planned If-Match); the journal is kept as that version wrote it, except that its run-started line
     * names this version's plan for the same cluster (checksum recomputed as the old writer did).
     */
    private static String withPlanId(String journal, String planId) {
        StringBuilder out = new StringBuilder();
        for (String line : journal.split("\n")) {
            if (line.contains("\"type\":\"run-started\"")) {
                String payload = line.substring(0, line.lastIndexOf(",\"crc32\":")).replaceAll(
                        "\"planId\":\"[^\"]*\"", "\"planId\":\"" + planId + "\"") + "}";
                java.util.zip.CRC32 crc = new java.util.zip.CRC32();
                crc.update(payload.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                line = payload.substring(0, payload.length() - 1) + ",\"crc32\":\""
                        + String.format("%08x", crc.getValue()) + "\"}";
            }
            out.append(line).append('\n');
        }
        return out.toString();
    }
}
