package org.kubenetmigrate.executor.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kubenetmigrate.executor.Harness;
import org.kubenetmigrate.executor.engine.Approvals;
import org.kubenetmigrate.executor.engine.EngineEvent;
import org.kubenetmigrate.executor.engine.GatePrompt;
import org.kubenetmigrate.executor.engine.Journal;
import org.kubenetmigrate.executor.engine.JournalRecord;
import org.kubenetmigrate.executor.engine.RunOutcome;
import org.kubenetmigrate.executor.engine.RunResult;
import org.kubenetmigrate.executor.testing.Scenario;
import org.kubenetmigrate.executor.testing.ShmTempDir;
import org.mockito.ArgumentCaptor;

class GatesTest {
    @TempDir(factory = ShmTempDir.class)
    Path dir;

    @Test
    void withoutTerminalOrFlagsTheRunStopsAtTheFirstGateAndResumeContinuesIt() throws Exception {
        Harness h = new Harness(dir.resolve("state"), Scenario.azure());
        RunResult stopped = h.apply(Scenario.plan(dir, Scenario.STG), Approvals.NONE);

        assertThat(stopped.outcome()).isEqualTo(RunOutcome.STOPPED_AT_GATE);
        assertThat(stopped.stepId()).isEqualTo("disable-network-policy");
        assertThat(stopped.remediation()).anySatisfy(r -> assertThat(r).contains("resume " + stopped.runId()));
        assertThat(h.azure.mutatingCalls()).isEmpty();
        List<JournalRecord> records = Journal.read(h.runDir(stopped.runId()).resolve(Journal.FILE_NAME)).records();
        // Stopped before the first change: the session let go of the cluster lock, and said so.
        assertThat(records).extracting(r -> r.type().wireName()).endsWith("gate-pending", "run-stopped",
                "lock-released");
        assertThat(h.status(stopped.runId()).detail().steps()).filteredOn(s -> s.stepId().equals("disable-network-policy"))
                .singleElement().satisfies(s -> assertThat(s.status()).isEqualTo("waiting-for-approval"));

        RunResult atPonr = h.resume(stopped.runId(), Approvals.through("network-policy"));
        assertThat(atPonr.outcome()).as("--approve-through never passes the point of no return")
                .isEqualTo(RunOutcome.STOPPED_AT_GATE);
        assertThat(atPonr.stepId()).isEqualTo("update-network-plugin");
        assertThat(atPonr.remediation()).anySatisfy(r -> assertThat(r).contains("--auto-approve"));
        assertThat(h.azure.mutatingCalls()).hasSize(1);

        RunResult done = h.resume(stopped.runId(), Approvals.all());
        assertThat(done.outcome()).isEqualTo(RunOutcome.COMPLETED);
        assertThat(h.azure.mutatingCalls()).hasSize(3);
        assertThat(h.events.of(EngineEvent.GateApproved.class)).extracting(EngineEvent.GateApproved::how)
                .containsExactly("flag --approve-through network-policy", "flag --auto-approve");
    }

    @Test
    void aPersonAtTheTerminalIsToldWhatHappensAndWhetherItCanBeUndone() throws Exception {
        GatePrompt prompt = mock(GatePrompt.class);
        when(prompt.interactive()).thenReturn(true);
        when(prompt.approve(any())).thenReturn(true);
        Harness h = new Harness(dir.resolve("state"), Scenario.azure()).prompt(prompt);

        RunResult result = h.apply(Scenario.plan(dir, Scenario.STG), Approvals.NONE);

        assertThat(result.outcome()).isEqualTo(RunOutcome.COMPLETED);
        ArgumentCaptor<GatePrompt.GateRequest> asked = ArgumentCaptor.forClass(GatePrompt.GateRequest.class);
        verify(prompt, org.mockito.Mockito.times(2)).approve(asked.capture());
        GatePrompt.GateRequest disable = asked.getAllValues().get(0);
        GatePrompt.GateRequest ponr = asked.getAllValues().get(1);
        assertThat(disable.stepId()).isEqualTo("disable-network-policy");
        assertThat(disable.reversible()).isTrue();
        assertThat(disable.undo()).contains("Re-enable calico");
        assertThat(disable.description()).contains("ENFORCEMENT GAP");
        assertThat(ponr.stepId()).isEqualTo("update-network-plugin");
        assertThat(ponr.pointOfNoReturn()).isTrue();
        assertThat(ponr.undo()).contains("cannot be undone");
        assertThat(ponr.request()).startsWith("PUT /subscriptions/").contains("api-version=2025-09-01");
        List<JournalRecord> approvals = Journal.read(h.runDir(result.runId()).resolve(Journal.FILE_NAME)).records()
                .stream().filter(r -> r.type().wireName().equals("gate-approved")).toList();
        assertThat(approvals).extracting(r -> r.text("how")).containsExactly("prompt", "prompt");
        assertThat(approvals).extracting(r -> r.text("by"))
                .containsOnly(System.getProperty("user.name") + " (ops@example.com)");
        assertThat(approvals).extracting(r -> r.text("principal")).containsOnly("ops@example.com");
    }

    @Test
    void declinedAtTheGateTheRunStopsAndNothingIsSent() throws Exception {
        GatePrompt prompt = mock(GatePrompt.class);
        when(prompt.interactive()).thenReturn(true);
        when(prompt.approve(any())).thenReturn(false);
        Harness h = new Harness(dir.resolve("state"), Scenario.azure()).prompt(prompt);

        RunResult result = h.apply(Scenario.plan(dir, Scenario.STG), Approvals.NONE);

        assertThat(result.outcome()).isEqualTo(RunOutcome.STOPPED_AT_GATE);
        assertThat(result.message()).contains("declined");
        assertThat(h.azure.mutatingCalls()).isEmpty();
        assertThat(Journal.read(h.runDir(result.runId()).resolve(Journal.FILE_NAME)).records())
                .anySatisfy(r -> assertThat(r.type().wireName()).isEqualTo("gate-declined"));
    }

    @Test
    void aStalePlanIsCaughtBeforeAskingForThePointOfNoReturn() throws Exception {
        GatePrompt prompt = mock(GatePrompt.class);
        Harness h = new Harness(dir.resolve("state"), Scenario.azure());
        RunResult stopped = h.apply(Scenario.plan(dir, Scenario.STG), Approvals.through("prepare"));
        assertThat(stopped.stepId()).isEqualTo("update-network-plugin");
        h.azure.changeOutOfBand(Scenario.STG_ID, c -> ((com.fasterxml.jackson.databind.node.ObjectNode)
                c.at("/properties/agentPoolProfiles/0")).put("count", 5));

        RunResult result = h.prompt(prompt).resume(stopped.runId(), Approvals.NONE);

        assertThat(result.outcome()).isEqualTo(RunOutcome.STALE_PLAN);
        assertThat(result.message()).contains("changed during the run").contains("nodesForSizing=5");
        verify(prompt, org.mockito.Mockito.never()).approve(any());
        assertThat(h.azure.mutatingCalls()).hasSize(1);
    }

    @Test
    void aTornLastJournalRecordIsIgnoredAndTheRunResumesFromTheRecordsBeforeIt() throws Exception {
        Harness h = new Harness(dir.resolve("state"), Scenario.azure());
        RunResult stopped = h.apply(Scenario.plan(dir, Scenario.STG), Approvals.NONE);
        Path journal = h.runDir(stopped.runId()).resolve(Journal.FILE_NAME);
        int before = Journal.read(journal).records().size();
        // A crash in the middle of writing the next record leaves half a line.
        java.nio.file.Files.writeString(journal, "{\"seq\":" + (before + 1) + ",\"time\":\"2026-12-01T12:00:00Z\",\"ty",
                java.nio.file.StandardOpenOption.APPEND);

        assertThat(h.status(stopped.runId()).detail().tornTail()).startsWith("line " + (before + 1));
        RunResult done = h.resume(stopped.runId(), Approvals.all());

        assertThat(done.outcome()).isEqualTo(RunOutcome.COMPLETED);
        Journal.Content after = Journal.read(journal);
        assertThat(after.tornTail()).isEmpty();
        assertThat(after.records().get(before).seq()).isEqualTo(before + 1L);
        assertThat(after.records().get(before).type().wireName()).isEqualTo("run-resumed");
        assertThat(h.azure.mutatingCalls()).hasSize(3);
    }
}
