package org.kubenetmigrate.executor.commands;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kubenetmigrate.executor.Harness;
import org.kubenetmigrate.executor.engine.Approvals;
import org.kubenetmigrate.executor.engine.EngineSettings;
import org.kubenetmigrate.executor.engine.Journal;
import org.kubenetmigrate.executor.engine.JournalRecord;
import org.kubenetmigrate.executor.engine.RunOutcome;
import org.kubenetmigrate.executor.engine.RunResult;
import org.kubenetmigrate.executor.testing.InMemoryClusterOperations;
import org.kubenetmigrate.executor.testing.InMemoryClusterOperations.Fault;
import org.kubenetmigrate.executor.testing.Scenario;
import org.kubenetmigrate.executor.testing.ShmTempDir;

/** The fault matrix: what each Azure failure leads to, and that no change that may have been applied is re-sent. */
class FaultsTest {
    @TempDir(factory = ShmTempDir.class)
    Path dir;

    private Harness harness(InMemoryClusterOperations azure) {
        return new Harness(dir.resolve("state"), azure);
    }

    private List<JournalRecord> journal(Harness h, String runId) throws Exception {
        return Journal.read(h.runDir(runId).resolve(Journal.FILE_NAME)).records();
    }

    private static long puts(InMemoryClusterOperations azure) {
        return azure.mutatingCalls().size();
    }

    @Test
    void throttledPutIsSentAgainOnlyAfterRetryAfter() throws Exception {
        Harness h = harness(Scenario.azure().failNextPut(Fault.throttled(Duration.ofSeconds(90))));
        RunResult result = h.apply(Scenario.plan(dir, Scenario.STG), Approvals.all());

        assertThat(result.outcome()).isEqualTo(RunOutcome.COMPLETED);
        assertThat(puts(h.azure)).as("3 changes + the throttled attempt").isEqualTo(4);
        List<JournalRecord> records = journal(h, result.runId());
        JournalRecord refused = records.stream().filter(r -> r.type().wireName().equals("request-failed")).findFirst()
                .orElseThrow();
        JournalRecord sent = records.stream().filter(r -> r.type().wireName().equals("request-sent")).findFirst()
                .orElseThrow();
        assertThat(refused.text("status")).isEqualTo("429");
        assertThat(refused.flag("mayHaveBeenApplied")).isFalse();
        assertThat(Duration.between(refused.time(), sent.time())).isGreaterThanOrEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void serverErrorBeforeTheChangeIsSentAgainAfterLookingAtTheCluster() throws Exception {
        Harness h = harness(Scenario.azure().failNextPut(Fault.serverError(503, false)));
        RunResult result = h.apply(Scenario.plan(dir, Scenario.STG), Approvals.all());

        assertThat(result.outcome()).isEqualTo(RunOutcome.COMPLETED);
        assertThat(puts(h.azure)).isEqualTo(4);
        assertThat(h.azure.mutatingCalls().get(0).ifMatch()).isEqualTo(h.azure.mutatingCalls().get(1).ifMatch())
                .as("nothing changed, so the same ETag is still right");
    }

    @Test
    void serverErrorAfterTheChangeWasAppliedIsNotSentAgain() throws Exception {
        Harness h = harness(Scenario.azure().failNextPut(Fault.serverError(500, true)));
        RunResult result = h.apply(Scenario.plan(dir, Scenario.STG), Approvals.all());

        assertThat(result.outcome()).isEqualTo(RunOutcome.COMPLETED);
        assertThat(puts(h.azure)).as("the applied change is seen on the cluster and not re-sent").isEqualTo(3);
        assertThat(h.events.of(org.kubenetmigrate.executor.engine.EngineEvent.Notice.class))
                .anySatisfy(n -> assertThat(n.message()).contains("was applied"));
    }

    @Test
    void droppedConnectionsAreDecidedByWhatTheClusterShows() throws Exception {
        Harness applied = harness(Scenario.azure().failNextPut(Fault.dropped(true)));
        assertThat(applied.apply(Scenario.plan(dir, Scenario.STG), Approvals.all()).outcome())
                .isEqualTo(RunOutcome.COMPLETED);
        assertThat(puts(applied.azure)).isEqualTo(3);

        Harness notApplied = new Harness(dir.resolve("state2"), Scenario.azure().failNextPut(Fault.dropped(false)));
        assertThat(notApplied.apply(Scenario.plan(dir, Scenario.STG), Approvals.all()).outcome())
                .isEqualTo(RunOutcome.COMPLETED);
        assertThat(puts(notApplied.azure)).isEqualTo(4);
    }

    @Test
    void failedPollsAreAskedAgain() throws Exception {
        Harness h = harness(Scenario.azure()
                .failNextPoll(Fault.throttled(Duration.ofSeconds(30)))
                .failNextPoll(Fault.serverError(503, false))
                .failNextPoll(Fault.dropped(false)));
        RunResult result = h.apply(Scenario.plan(dir, Scenario.STG), Approvals.all());

        assertThat(result.outcome()).isEqualTo(RunOutcome.COMPLETED);
        assertThat(puts(h.azure)).isEqualTo(3);
    }

    @Test
    void conflictWaitsForTheOtherOperationAndThenDecidesAgain() throws Exception {
        Harness h = harness(Scenario.azure().failNextPut(Fault.conflict()));
        RunResult result = h.apply(Scenario.plan(dir, Scenario.STG), Approvals.all());

        assertThat(result.outcome()).isEqualTo(RunOutcome.COMPLETED);
        assertThat(puts(h.azure)).isEqualTo(4);
    }

    @Test
    void anOperationThatFailsWithAnAksErrorStopsTheRunWithTheCodeAndWhatToDo() throws Exception {
        Harness h = harness(Scenario.azure().simulating(aks -> aks.failOperationOfPut(2, "UpgradeFailed", "Drain node aks-nodepool1-1 failed"
                + " when evicting pod api-0: Cannot evict pod as it would violate the pod's disruption budget.")));
        RunResult result = h.apply(Scenario.plan(dir, Scenario.STG), Approvals.all());

        assertThat(result.outcome()).isEqualTo(RunOutcome.STEP_FAILED);
        assertThat(result.stepId()).isEqualTo("update-network-plugin");
        assertThat(result.message()).contains("UpgradeFailed").contains("disruption budget");
        assertThat(result.remediation()).anySatisfy(r -> assertThat(r).contains("kubectl get pdb -A"))
                .anySatisfy(r -> assertThat(r).contains("roll forward"));
        assertThat(puts(h.azure)).isEqualTo(2);
        assertThat(journal(h, result.runId())).anySatisfy(r -> {
            assertThat(r.type().wireName()).isEqualTo("operation-finished");
            assertThat(r.text("errorCode")).isEqualTo("UpgradeFailed");
        });

        RunResult again = h.resume(result.runId(), Approvals.all());
        assertThat(again.outcome()).as("a Failed cluster is not updated blindly").isEqualTo(RunOutcome.STEP_FAILED);
        assertThat(again.message()).contains("provisioningState Failed");
        assertThat(puts(h.azure)).isEqualTo(2);
    }

    @Test
    void anOperationThatNeverEndsTimesOutAndResumeFollowsItInsteadOfResending() throws Exception {
        Harness h = harness(Scenario.azure().simulating(aks -> aks.operationsNeverEnd(true)))
                .settings(EngineSettings.DEFAULTS.withOperationTimeout(Duration.ofMinutes(30)));
        Instant start = h.time.instant();
        RunResult result = h.apply(Scenario.plan(dir, Scenario.STG), Approvals.all());

        assertThat(result.outcome()).isEqualTo(RunOutcome.STEP_FAILED);
        assertThat(result.stepId()).isEqualTo("disable-network-policy");
        assertThat(result.message()).contains("still running after 30m").contains("nothing was cancelled");
        assertThat(Duration.between(start, h.time.instant())).isBetween(Duration.ofMinutes(30), Duration.ofMinutes(31));
        assertThat(puts(h.azure)).isEqualTo(1);

        h.azure.simulator().operationsNeverEnd(false);
        RunResult resumed = h.resume(result.runId(), Approvals.all());
        assertThat(resumed.outcome()).isEqualTo(RunOutcome.COMPLETED);
        assertThat(puts(h.azure)).as("the running operation was followed, not sent again").isEqualTo(3);
        assertThat(h.events.of(org.kubenetmigrate.executor.engine.EngineEvent.Notice.class))
                .anySatisfy(n -> assertThat(n.message()).contains("instead of sending again"));
    }

    @Test
    void preconditionFailedOnTheFirstWriteMeansTheClusterMovedSinceItsReadAndNothingIsChanged() throws Exception {
        InMemoryClusterOperations azure = Scenario.azure().failNextPut(Fault.preconditionFailed());
        String etag = azure.resource(Scenario.STG_ID).path("eTag").asText();
        Harness h = harness(azure);
        RunResult result = h.apply(Scenario.plan(dir, Scenario.STG), Approvals.all());

        assertThat(result.outcome()).isEqualTo(RunOutcome.STALE_PLAN);
        assertThat(result.message()).contains("If-Match " + etag).contains("412");
        assertThat(result.remediation()).anySatisfy(r -> assertThat(r).contains("Resume to re-read"));
        assertThat(puts(h.azure)).isEqualTo(1);
    }

    @Test
    void preconditionFailedOnTheEtagOfOurOwnReadIsResolvedByResumeWhenNothingRelevantChanged() throws Exception {
        InMemoryClusterOperations azure = Scenario.azure();
        Harness h = harness(azure);
        Path plan = Scenario.plan(dir, Scenario.STG);
        RunResult stopped = h.apply(plan, Approvals.through("prepare"));
        assertThat(stopped.outcome()).isEqualTo(RunOutcome.STOPPED_AT_GATE);
        azure.failNextPut(Fault.preconditionFailed());

        RunResult refused = h.resume(stopped.runId(), Approvals.all());
        assertThat(refused.outcome()).isEqualTo(RunOutcome.STALE_PLAN);
        assertThat(refused.remediation()).anySatisfy(r -> assertThat(r).contains("Resume to re-read"));

        RunResult resumed = h.resume(stopped.runId(), Approvals.all());
        assertThat(resumed.outcome()).isEqualTo(RunOutcome.COMPLETED);
        assertThat(puts(azure)).isEqualTo(4);
    }

    @Test
    void throttledReadsAreRetriedAndAForbiddenOneStopsWithTheRbacHint() throws Exception {
        Harness h = harness(Scenario.azure().failNextClusterRead(Fault.throttled(Duration.ofSeconds(5))));
        assertThat(h.apply(Scenario.plan(dir, Scenario.STG), Approvals.all()).outcome()).isEqualTo(RunOutcome.COMPLETED);

        Harness forbidden = new Harness(dir.resolve("state2"), Scenario.azure().failNextClusterRead(
                new Fault(403, "AuthorizationFailed", "does not have authorization to perform action"
                        + " 'Microsoft.ContainerService/managedClusters/read'", null, false)));
        RunResult result = forbidden.apply(Scenario.plan(dir, Scenario.STG), Approvals.all());
        assertThat(result.outcome()).isEqualTo(RunOutcome.STEP_FAILED);
        assertThat(result.message()).contains("AuthorizationFailed");
        assertThat(result.remediation()).anySatisfy(r -> assertThat(r).contains("RBAC"));
        assertThat(puts(forbidden.azure)).isZero();
    }
}
