package org.kubenetmigrate.executor.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import org.kubenetmigrate.executor.testing.InMemoryClusterOperations;
import org.kubenetmigrate.executor.testing.Scenario;
import org.kubenetmigrate.executor.testing.ShmTempDir;
import org.kubenetmigrate.executor.testing.SimulatedCrash;

class RollbackTest {
    @TempDir(factory = ShmTempDir.class)
    Path dir;

    private static String policy(InMemoryClusterOperations azure) {
        return azure.resource(Scenario.STG_ID).at("/properties/networkProfile/networkPolicy").asText();
    }

    @Test
    void beforeThePointOfNoReturnRestoresTheNetworkPolicyAndReleasesTheLock() throws Exception {
        Harness h = new Harness(dir.resolve("state"), Scenario.azure());
        RunResult stopped = h.apply(Scenario.plan(dir, Scenario.STG), Approvals.through("prepare"));
        assertThat(stopped.stepId()).isEqualTo("update-network-plugin");
        assertThat(policy(h.azure)).isEqualTo("none");

        RunResult rolledBack = h.rollback(stopped.runId());

        assertThat(rolledBack.outcome()).isEqualTo(RunOutcome.ROLLED_BACK);
        assertThat(policy(h.azure)).isEqualTo("calico");
        List<InMemoryClusterOperations.Call> puts = h.azure.mutatingCalls();
        assertThat(puts).hasSize(2);
        assertThat(puts.get(1).body().at("/properties/networkProfile/networkPolicy").asText()).isEqualTo("calico");
        assertThat(puts.get(1).ifMatch()).isEqualTo("fake-etag-0001");
        List<JournalRecord> records = Journal.read(h.runDir(stopped.runId()).resolve(Journal.FILE_NAME)).records();
        assertThat(records).extracting(r -> r.type().wireName()).containsSubsequence("rollback-started",
                "compensation-started", "request-sent", "operation-finished", "compensation-succeeded",
                "rollback-finished");
        assertThat(h.env().lock().holders()).isEmpty();
        assertThatThrownBy(() -> h.resume(stopped.runId(), Approvals.all())).isInstanceOf(UsageException.class)
                .hasMessageContaining("was rolled back");
        assertThat(h.rollback(stopped.runId()).outcome()).as("rolling back twice is harmless")
                .isEqualTo(RunOutcome.ROLLED_BACK);
        assertThat(h.azure.mutatingCalls()).hasSize(2);
    }

    @Test
    void afterThePointOfNoReturnRefusesAndSaysToResumeTheRunInstead() throws Exception {
        // The policy engine's re-enabling fails after the one-way update: the run stopped past the point of no return.
        Harness h = new Harness(dir.resolve("state"), Scenario.azure().simulating(aks -> aks.failOperationOfPut(3, "InternalError", "x")));
        RunResult stopped = h.apply(Scenario.plan(dir, Scenario.STG), Approvals.all());
        assertThat(stopped.outcome()).isEqualTo(RunOutcome.STEP_FAILED);
        int puts = h.azure.mutatingCalls().size();

        RunResult refused = h.rollback(stopped.runId());

        assertThat(refused.outcome()).isEqualTo(RunOutcome.ROLLBACK_REFUSED);
        assertThat(refused.message()).contains("update-network-plugin was sent; it is one-way",
                "roll forward instead: kubenet-migrate resume " + stopped.runId());
        assertThat(refused.remediation()).anySatisfy(r -> assertThat(r).contains("no way back to kubenet"))
                .anySatisfy(r -> assertThat(r).contains("az aks update -g rg-payments-stg -n aks-payments-stg-weu"))
                .anySatisfy(r -> assertThat(r).contains("resume " + stopped.runId()));
        assertThat(h.azure.mutatingCalls()).hasSize(puts);
    }

    @Test
    void aCompletedRunIsRefusedWithoutReachingAzureAndSaysThereIsNothingLeftToDo() throws Exception {
        Harness h = new Harness(dir.resolve("state"), Scenario.azure());
        RunResult done = h.apply(Scenario.plan(dir, Scenario.STG), Approvals.all());
        int calls = h.azure.calls().size();

        RunResult refused = h.rollback(done.runId());

        assertThat(refused.outcome()).isEqualTo(RunOutcome.ROLLBACK_REFUSED);
        assertThat(refused.message()).contains("has completed", "no way back to kubenet after update-network-plugin",
                "nothing to roll back");
        assertThat(refused.remediation()).singleElement().asString().contains("status " + done.runId());
        assertThat(h.azure.calls()).hasSize(calls);
        assertThat(h.env().lock().holders()).as("a finished run's lock stays released").isEmpty();
    }

    @Test
    void refusesWhenACrashHidTheOneWayRequestAndTheClusterShowsIt() throws Exception {
        InMemoryClusterOperations azure = Scenario.azure().crashAfterAcceptingPut(2);
        Harness h = new Harness(dir.resolve("state"), azure);
        assertThatThrownBy(() -> h.apply(Scenario.plan(dir, Scenario.STG), Approvals.all()))
                .isInstanceOf(SimulatedCrash.class);
        azure.noCrashes();
        String runId = h.env().store().listIds().get(0);

        RunResult refused = h.rollback(runId);

        assertThat(refused.outcome()).isEqualTo(RunOutcome.ROLLBACK_REFUSED);
        assertThat(azure.mutatingCalls()).hasSize(2);
    }

    @Test
    void undoesAnAssignedIdentityOfASystemAssignedCluster() throws Exception {
        Harness h = new Harness(dir.resolve("state"), Scenario.azure());
        RunResult stopped = h.apply(Scenario.plan(dir, Scenario.LEDGER, Scenario.assignIdentity()),
                Approvals.through("prepare"));
        assertThat(stopped.outcome()).as(stopped.message()).isEqualTo(RunOutcome.STOPPED_AT_GATE);
        String id = h.azure.mutatingCalls().get(0).path();
        assertThat(h.azure.resource(id).at("/identity/type").asText()).isEqualTo("UserAssigned");

        assertThat(h.rollback(stopped.runId()).outcome()).isEqualTo(RunOutcome.ROLLED_BACK);
        assertThat(h.azure.resource(id).at("/identity/type").asText()).isEqualTo("SystemAssigned");
        assertThat(h.azure.resource(id).at("/identity/userAssignedIdentities").isMissingNode()).isTrue();
    }
}
