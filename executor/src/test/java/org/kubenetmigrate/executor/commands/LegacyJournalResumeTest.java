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
import org.kubenetmigrate.executor.engine.Run;
import org.kubenetmigrate.executor.testing.Scenario;

/**
 * A run started by the previous release, stopped after the point of no return (re-enabling Calico failed), resumes
 * with this version from that release's own plan file (a planned ETag in If-Match, fingerprint format 1) and its
 * journal in the format before typed run events: the plan is read as this version reads such plans, the journal is
 * read, the run goes on from where it stopped, and the new records follow the old ones. Both are committed fixtures:
 * the plan written by the previous release's planner for this cluster, the journal of that release's run of it.
 */
class LegacyJournalResumeTest {
    @TempDir
    Path dir;

    @Test
    void aRunJournaledInTheOldFormatResumesToTheEnd() throws Exception {
        Harness h = new Harness(dir.resolve("state"),
                Scenario.azure().simulating(aks -> aks.failOperationOfPut(3, "InternalError", "Re-enabling failed (fake).")));
        // The same history in Azure; then the run's journal is the one the old version wrote.
        RunResult stopped = h.apply(Scenario.plan(dir, Scenario.STG), Approvals.all());
        assertThat(stopped.outcome()).isEqualTo(RunOutcome.STEP_FAILED);
        // ... and the run's plan and journal are the ones the previous release wrote.
        Path runDir = h.runDir(stopped.runId());
        Files.write(runDir.resolve(Run.PLAN_FILE), fixture("/plans/v1-aks-payments-stg-weu.plan.json"));
        Path journal = runDir.resolve(Journal.FILE_NAME);
        Files.write(journal, fixture("/journals/v1-stopped-after-point-of-no-return.jsonl"));
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
        assertThat(h.status(stopped.runId()).detail().planId()).isEqualTo("sha256:" + java.util.HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                        .digest(fixture("/plans/v1-aks-payments-stg-weu.plan.json"))));
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

    @Test
    void noFirstChangeIsMadeFromAPreviousReleasePlanWhoseFingerprintThisVersionCannotCheck() throws Exception {
        Harness h = new Harness(dir.resolve("state"), Scenario.azure());
        Path plan = dir.resolve("old.plan.json");
        Files.write(plan, fixture("/plans/v1-aks-payments-stg-weu.plan.json"));

        RunResult run = h.apply(plan, Approvals.all());

        assertThat(run.outcome()).isEqualTo(RunOutcome.STALE_PLAN);
        assertThat(run.message()).contains("made by the previous release");
        assertThat(h.azure.mutatingCalls()).isEmpty();
    }

    private byte[] fixture(String resource) throws Exception {
        return Files.readAllBytes(Path.of(getClass().getResource(resource).toURI()));
    }
}
