package org.kubenetmigrate.executor.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kubenetmigrate.executor.Harness;
import org.kubenetmigrate.executor.engine.EngineEvent;
import org.kubenetmigrate.executor.state.LocalStateStore;
import org.kubenetmigrate.executor.state.StateStore;
import org.kubenetmigrate.executor.testing.InMemoryClusterOperations;
import org.kubenetmigrate.executor.testing.Scenario;
import org.kubenetmigrate.planner.input.FleetReader;
import org.kubenetmigrate.planner.model.Fleet;
import org.kubenetmigrate.planner.model.MigrationOptions;

/**
 * Workers on a directory state with in-memory Azure (the example fleet's subscription a001): stage order and gates,
 * the failure threshold and retry, and a worker whose lease is taken away in the middle of a member.
 */
class RolloutWorkerTest {
    static final String STRATEGY = """
            stages:
              - name: canary
                groups:
                  - name: stg
                    selector: { name: "aks-payments-stg-*" }
              - name: production
                beforeGates: [ { type: Approval, name: go-prod } ]
                groups:
                  - name: prod
                    selector: { subscription: 00000000-0000-0000-0000-00000000a001 }
                    maxConcurrency: 2
            maxAllowedFailures: 0
            """;

    @TempDir
    Path dir;

    Harness harness;
    LocalStateStore store;
    RolloutFiles files;
    List<String> progress = new ArrayList<>();
    volatile java.util.function.Consumer<EngineEvent> hook = e -> { };

    @BeforeEach
    void setUp() throws Exception {
        InMemoryClusterOperations azure = Scenario.azure();
        harness = new Harness(dir.resolve("work"), azure);
        // Leases expire by the wall clock (renewals run in real time); the engine waits in virtual time.
        store = new LocalStateStore(dir.resolve("state"), java.time.Clock.systemUTC());
        files = new RolloutFiles(store, "fleet-1");
        Fleet fleet = new FleetReader().read(List.of(Scenario.fleet()));
        Strategy strategy = new StrategyReader().read("strategy.yaml", STRATEGY.getBytes(StandardCharsets.UTF_8));
        new CreateRollout(files, Scenario.PLANNED_AT).run(strategy, fleet, MigrationOptions.DEFAULTS, "tester");
    }

    Worker.Result work(boolean autoApprove) throws Exception {
        return work(files, "w1", autoApprove);
    }

    Worker.Result work(RolloutFiles on, String id, boolean autoApprove) throws Exception {
        return new Worker(on, harness.env().withListeners(List.of(e -> hook.accept(e))), new Worker.Settings(id, 0, autoApprove, false, Duration.ofSeconds(15),
                Duration.ofSeconds(1)), progress::add).run();
    }

    Map<String, String> statuses() throws Exception {
        return statuses(files);
    }

    Map<String, String> statuses(RolloutFiles on) throws Exception {
        RolloutReport report = new RolloutStatus(on, harness.time).run();
        return report.stages().stream().flatMap(s -> s.groups().stream()).flatMap(g -> g.members().stream())
                .collect(Collectors.toMap(RolloutReport.MemberLine::cluster, RolloutReport.MemberLine::status));
    }

    List<String> clustersChanged() {
        return harness.azure.mutatingCalls().stream().map(c -> c.path().replaceAll(".*/", "")).distinct().toList();
    }

    @Test
    void aGateHoldsItsStageUntilApprovedAndTheCanaryStageRunsFirst() throws Exception {
        Worker.Result first = work(true);
        assertThat(first.status()).isEqualTo(Schedule.RolloutStatus.Pending);
        assertThat(clustersChanged()).containsExactly(Scenario.STG);
        RolloutReport report = new RolloutStatus(files, harness.time).run();
        assertThat(report.reason()).contains("gate go-prod waits for approval");
        assertThat(report.stages().get(0).status()).isEqualTo("Completed");
        assertThat(report.stages().get(1).status()).isEqualTo("Pending");
        assertThat(report.gates()).singleElement().satisfies(g -> assertThat(g.status()).isEqualTo("Pending"));

        assertThat(work(true).membersRun()).as("nothing may start before the gate is approved").isZero();
        new RolloutControl(files, harness.time).approveGate("go-prod", "alice");
        Worker.Result second = work(true);
        assertThat(second.membersRun()).isPositive();
        assertThat(statuses()).containsEntry(Scenario.STG, "Completed").containsEntry(Scenario.PROD, "Completed");
        assertThat(clustersChanged()).startsWith(Scenario.STG).contains(Scenario.PROD);
    }

    static final String WAIT_STRATEGY = """
            stages:
              - name: canary
                groups:
                  - name: stg
                    selector: { name: "aks-payments-stg-*" }
                afterStageWait: 6h
              - name: production
                groups:
                  - name: prod
                    selector: { subscription: 00000000-0000-0000-0000-00000000a001 }
                    maxConcurrency: 2
            maxAllowedFailures: 0
            """;

    RolloutFiles createWaiting(String name) throws Exception {
        RolloutFiles waiting = new RolloutFiles(store, name);
        Strategy strategy = new StrategyReader().read("strategy.yaml", WAIT_STRATEGY.getBytes(StandardCharsets.UTF_8));
        new CreateRollout(waiting, Scenario.PLANNED_AT).run(strategy, new FleetReader().read(List.of(Scenario.fleet())),
                MigrationOptions.DEFAULTS, "tester");
        return waiting;
    }

    @Test
    void skippingAnAfterStageWaitOpensTheNextStageEarlyAndRecordsWhoAndWhen() throws Exception {
        RolloutFiles waiting = createWaiting("fleet-2");
        RolloutControl control = new RolloutControl(waiting, harness.time);
        work(waiting, "w1", true);
        assertThat(clustersChanged()).containsExactly(Scenario.STG);
        RolloutReport held = new RolloutStatus(waiting, harness.time).run();
        assertThat(held.reason()).startsWith("after-stage wait of canary until");
        assertThat(held.waits()).singleElement().satisfies(w -> {
            assertThat(w.status()).isEqualTo("Running");
            assertThat(w.skippedBy()).isNull();
        });
        assertThat(work(waiting, "w1", true).membersRun()).as("the wait holds the next stage").isZero();

        java.time.Instant now = harness.time.instant();
        assertThat(control.skipAfterStageWait("canary", "alice")).contains("skipped by alice")
                .contains("it would have lasted until");
        RolloutReport skipped = new RolloutStatus(waiting, harness.time).run();
        assertThat(skipped.waits()).singleElement().satisfies(w -> {
            assertThat(w.status()).isEqualTo("Skipped");
            assertThat(w.skippedBy()).isEqualTo("alice");
            assertThat(w.skippedAt()).isEqualTo(now);
        });
        assertThat(org.kubenetmigrate.executor.render.RolloutTextRenderer.status(skipped))
                .contains("after stage canary").contains("skipped by alice at " + now);
        assertThat(control.skipAfterStageWait("canary", "bob")).contains("skipped already, by alice");

        assertThat(work(waiting, "w1", true).membersRun()).isPositive();
        assertThat(clustersChanged()).contains(Scenario.PROD);
        assertThatThrownBy(() -> control.skipAfterStageWait("production", "alice"))
                .hasMessageContaining("has no afterStageWait");
        assertThatThrownBy(() -> control.skipAfterStageWait("nope", "alice")).hasMessageContaining("no such stage");
    }

    @Test
    void anAfterStageWaitCanBeSkippedBeforeItsStageEnded() throws Exception {
        RolloutFiles waiting = createWaiting("fleet-2");
        assertThat(new RolloutControl(waiting, harness.time).skipAfterStageWait("canary", "carol"))
                .contains("skipped by carol").contains("has not ended");
        work(waiting, "w1", true);
        assertThat(statuses(waiting)).containsEntry(Scenario.STG, "Completed").containsEntry(Scenario.PROD,
                "Completed");
    }

    @Test
    void anAfterStageWaitThatIsNotSkippedHoldsTheNextStageUntilItEnds() throws Exception {
        RolloutFiles waiting = createWaiting("fleet-2");
        work(waiting, "w1", true);
        harness.time.sleep(Duration.ofHours(5));
        assertThat(work(waiting, "w1", true).membersRun()).isZero();
        harness.time.sleep(Duration.ofHours(1));
        assertThat(work(waiting, "w1", true).membersRun()).isPositive();
        assertThat(new RolloutStatus(waiting, harness.time).run().waits()).singleElement()
                .satisfies(w -> assertThat(w.status()).isEqualTo("Completed"));
        assertThat(new RolloutControl(waiting, harness.time).skipAfterStageWait("canary", "bob"))
                .contains("is over already");
    }

    @Test
    void aClusterInTwoRolloutsIsRunByOneAtATimeTheOtherWaitsPendingOnTheClusterLock() throws Exception {
        RolloutFiles second = new RolloutFiles(store, "fleet-2");
        new CreateRollout(second, Scenario.PLANNED_AT).run(new StrategyReader().read("strategy.yaml",
                STRATEGY.getBytes(StandardCharsets.UTF_8)), new FleetReader().read(List.of(Scenario.fleet())),
                MigrationOptions.DEFAULTS, "tester");
        List<String> otherProgress = new ArrayList<>();
        List<Integer> putsWhileHeld = new ArrayList<>();
        hook = event -> {
            if (event instanceof EngineEvent.RequestSent && putsWhileHeld.isEmpty()) {
                putsWhileHeld.add(harness.azure.mutatingCalls().size());
                try {
                    new Worker(second, harness.env(), new Worker.Settings("w2", 0, true, false, Duration.ofSeconds(15),
                            Duration.ofSeconds(1)), otherProgress::add).run();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                putsWhileHeld.add(harness.azure.mutatingCalls().size());
            }
        };
        work(true);
        assertThat(putsWhileHeld).as("the second rollout's worker sent nothing while the first held the cluster")
                .hasSize(2).satisfies(p -> assertThat(p.get(1)).isEqualTo(p.get(0)));
        assertThat(otherProgress).anyMatch(line -> line.contains("Pending (cluster " + Scenario.STG_ID)
                && line.contains("rollout fleet-1 member " + Scenario.STG));
        RolloutReport.MemberLine waiting = new RolloutStatus(second, harness.time).run().stages().get(0).groups().get(0)
                .members().get(0);
        assertThat(waiting.status()).isEqualTo("Pending");
        assertThat(waiting.reason()).contains("is locked").contains("by rollout fleet-1 member");
        assertThat(statuses()).containsEntry(Scenario.STG, "Completed");
    }

    @Test
    void aMemberRunByHandHoldsItsClusterSoNoWorkerOfAnyRolloutTakesIt() throws Exception {
        RolloutFiles second = new RolloutFiles(store, "fleet-2");
        new CreateRollout(second, Scenario.PLANNED_AT).run(new StrategyReader().read("strategy.yaml",
                STRATEGY.getBytes(StandardCharsets.UTF_8)), new FleetReader().read(List.of(Scenario.fleet())),
                MigrationOptions.DEFAULTS, "tester");
        RolloutDefinition definition = files.readDefinition().orElseThrow();
        RolloutDefinition.Member stg = definition.member(Scenario.STG).orElseThrow();
        Path plan = dir.resolve("stg.plan.json");
        java.nio.file.Files.write(plan, store.read(files.plan(stg.key())).orElseThrow().content());
        List<String> workers = new ArrayList<>();
        hook = event -> {
            if (event instanceof EngineEvent.RequestSent && workers.isEmpty()) {
                try {
                    for (RolloutFiles on : List.of(files, second)) {
                        Worker.Result r = new Worker(on, harness.env(), new Worker.Settings("w-" + on.name(), 0, true,
                                false, Duration.ofSeconds(15), Duration.ofSeconds(1)), workers::add).run();
                        workers.add(on.name() + " ran " + r.membersRun());
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        };
        assertThatThrownBy(() -> new MemberRuns(store).apply(plan, harness.env(), org.kubenetmigrate.executor.engine
                .Approvals.all(), "alice", Duration.ofSeconds(15))).as("the cluster is in two rollouts")
                .hasMessageContaining("is a member of [rollout fleet-1, rollout fleet-2]");
        // Started by hand by its run id (a member that has not started begins with its frozen plan).
        MemberRuns.Ended ended = new MemberRuns(store).resume(stg.runId(), harness.env().withListeners(List.of(e ->
                hook.accept(e))), org.kubenetmigrate.executor.engine.Approvals.all(), "alice", Duration.ofSeconds(15));
        assertThat(ended.status()).isEqualTo(Board.Status.COMPLETED);
        assertThat(workers).contains("fleet-1 ran 0");
        assertThat(workers).anyMatch(line -> line.contains("fleet-2") || line.contains("is locked"));
        assertThat(statuses(second)).as("the other rollout's worker waits for the hand run")
                .containsEntry(Scenario.STG, "Pending");
        assertThat(statuses()).containsEntry(Scenario.STG, "Completed");
        assertThat(files.readBoard().orElseThrow().board().member(stg.key()).worker()).isEqualTo("alice");
        List<String> sent = harness.azure.mutatingCalls().stream().map(c -> c.ifMatch() + " " + c.body()).toList();
        assertThat(sent).doesNotHaveDuplicates();
    }

    @Test
    void applyByHandTakesOnlyTheFrozenPlanOfAMemberThatHasNotStartedAndWhoseStageIsOpen() throws Exception {
        RolloutDefinition definition = files.readDefinition().orElseThrow();
        RolloutDefinition.Member stg = definition.member(Scenario.STG).orElseThrow();
        RolloutDefinition.Member prod = definition.member(Scenario.PROD).orElseThrow();
        MemberRuns runs = new MemberRuns(store);
        Path prodPlan = dir.resolve("prod.plan.json");
        java.nio.file.Files.write(prodPlan, store.read(files.plan(prod.key())).orElseThrow().content());
        assertThatThrownBy(() -> runs.apply(prodPlan, harness.env(), org.kubenetmigrate.executor.engine.Approvals.all(),
                "alice", Duration.ofSeconds(15))).hasMessageContaining("stage production is not open")
                .hasMessageContaining("waiting for stage canary to end");
        Path edited = dir.resolve("edited.plan.json");
        java.nio.file.Files.write(edited, (new String(store.read(files.plan(stg.key())).orElseThrow().content(),
                StandardCharsets.UTF_8) + " ").getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> runs.apply(edited, harness.env(), org.kubenetmigrate.executor.engine.Approvals.all(),
                "alice", Duration.ofSeconds(15))).hasMessageContaining("not the frozen plan of member " + Scenario.STG);
        assertThat(harness.azure.mutatingCalls()).isEmpty();

        Path stgPlan = dir.resolve("stg.plan.json");
        java.nio.file.Files.write(stgPlan, store.read(files.plan(stg.key())).orElseThrow().content());
        MemberRuns.Ended ended = runs.apply(stgPlan, harness.env(), org.kubenetmigrate.executor.engine.Approvals.NONE,
                "alice", Duration.ofSeconds(15));
        assertThat(ended.status()).as(ended.message()).isEqualTo(Board.Status.PENDING);
        assertThat(ended.run()).isEqualTo(org.kubenetmigrate.executor.engine.RunOutcome.STOPPED_AT_GATE);
        assertThat(statuses()).containsEntry(Scenario.STG, "Pending");
        assertThat(files.readBoard().orElseThrow().board().member(stg.key()).worker()).isEqualTo("alice");
        assertThatThrownBy(() -> runs.apply(stgPlan, harness.env(), org.kubenetmigrate.executor.engine.Approvals.all(),
                "alice", Duration.ofSeconds(15))).hasMessageContaining("has started")
                .hasMessageContaining("resume " + stg.runId());
    }

    @Test
    void aMemberRolledBackByHandBeforeItsPointOfNoReturnIsStoppedAndUnlockBreaksWhatAHolderLeft() throws Exception {
        work(false); // the member stops at its own gate
        RolloutDefinition.Member stg = files.readDefinition().orElseThrow().member(Scenario.STG).orElseThrow();
        MemberRuns.Ended ended = new MemberRuns(store).rollback(stg.runId(), harness.env(), "alice",
                Duration.ofSeconds(15));
        assertThat(ended.run()).isEqualTo(org.kubenetmigrate.executor.engine.RunOutcome.ROLLED_BACK);
        assertThat(statuses()).containsEntry(Scenario.STG, "Stopped");
        assertThat(new String(store.read(files.journal(stg.key())).orElseThrow().content(), StandardCharsets.UTF_8))
                .as("the rollback's records are in the shared journal").contains("\"type\":\"rollback-started\"")
                .contains("\"type\":\"rollback-finished\"");

        StateStore.Lease left = store.acquireLease(files.journal(stg.key()), Duration.ofSeconds(15)).orElseThrow();
        assertThat(left.id()).isNotBlank();
        MemberRuns runs = new MemberRuns(store);
        assertThatThrownBy(() -> runs.unlock(stg.runId(), false)).hasMessageContaining("--force");
        assertThatThrownBy(() -> runs.resume(stg.runId(), harness.env(), org.kubenetmigrate.executor.engine.Approvals
                .NONE, "bob", Duration.ofSeconds(15))).hasMessageContaining("its lease is held");
        assertThat(runs.unlock(stg.runId(), true)).contains("broke the lease of member " + Scenario.STG);
        assertThat(runs.unlock(stg.runId(), true)).startsWith("nothing to unlock");
    }

    @Test
    void withoutAutoApproveAMemberWaitsAtItsOwnGateUntilItIsApproved() throws Exception {
        Worker.Result first = work(false);
        assertThat(first.membersRun()).isEqualTo(1);
        assertThat(statuses()).containsEntry(Scenario.STG, "Pending");
        assertThat(harness.azure.mutatingCalls()).isEmpty();
        assertThat(work(false).membersRun()).isZero();
        new RolloutControl(files, harness.time).approveMember(Scenario.STG, "alice");
        work(false);
        assertThat(statuses()).containsEntry(Scenario.STG, "Completed");
    }

    @Test
    void aFailurePastTheThresholdStopsNewStartsAndARetryFinishesTheMemberWithTheSamePlan() throws Exception {
        harness.azure.simulator().failNextOperation("NotAllAgentPoolOrchestratorVersionSpecifiedAndUnchanged", "pools differ");
        Worker.Result result = work(true);
        assertThat(result.status()).isEqualTo(Schedule.RolloutStatus.Failed);
        RolloutReport report = new RolloutStatus(files, harness.time).run();
        assertThat(report.counts().failed()).isEqualTo(1);
        assertThat(report.counts().completed()).isZero();
        assertThat(report.reason()).isEqualTo("failure threshold reached: 1 failed, 0 allowed");
        int putsBefore = harness.azure.mutatingCalls().size();

        assertThat(work(true).membersRun()).isZero();
        // The person who looked reconciled the cluster (az aks update with no changes), then asked for a retry.
        harness.azure.changeOutOfBand(Scenario.STG_ID, c -> {
            ((ObjectNode) c.get("properties")).put("provisioningState", "Succeeded");
            c.get("properties").path("agentPoolProfiles").forEach(p -> ((ObjectNode) p).put("provisioningState",
                    "Succeeded"));
        });
        assertThat(new RolloutControl(files, harness.time).retry(Scenario.STG, "alice")).contains("will be retried");
        Worker.Result retried = work(true);
        assertThat(retried.status()).isEqualTo(Schedule.RolloutStatus.Pending);
        assertThat(statuses()).containsEntry(Scenario.STG, "Completed");
        assertThat(harness.azure.mutatingCalls().size()).isGreaterThan(putsBefore);
        String journal = new String(store.read(files.journal(files.readDefinition().orElseThrow()
                .member(Scenario.STG).orElseThrow().key())).orElseThrow().content(), StandardCharsets.UTF_8);
        assertThat(journal).contains("\"type\":\"run-resumed\"").contains("\"type\":\"run-finished\"");
    }

    @Test
    void aWorkerKilledBetweenItsRetryClaimAndItsFirstRecordLeavesTheRetryToTheNextWorkerNotAFailureAgain()
            throws Exception {
        harness.azure.simulator().failNextOperation("NotAllAgentPoolOrchestratorVersionSpecifiedAndUnchanged", "pools differ");
        assertThat(work(true).status()).isEqualTo(Schedule.RolloutStatus.Failed);
        harness.azure.changeOutOfBand(Scenario.STG_ID, c -> {
            ((ObjectNode) c.get("properties")).put("provisioningState", "Succeeded");
            c.get("properties").path("agentPoolProfiles").forEach(p -> ((ObjectNode) p).put("provisioningState",
                    "Succeeded"));
        });
        new RolloutControl(files, harness.time).retry(Scenario.STG, "alice");
        String journal = files.journal(files.readDefinition().orElseThrow().member(Scenario.STG).orElseThrow().key());
        long journalBefore = store.read(journal).orElseThrow().content().length;
        int putsBefore = harness.azure.mutatingCalls().size();

        // The retrying worker claims the member and takes its lease, then dies as it appends its first record.
        KillableStore doomed = new KillableStore(store, journal::equals);
        assertThatThrownBy(() -> work(new RolloutFiles(doomed, "fleet-1"), "doomed",
                true)).isInstanceOf(KillableStore.Killed.class);
        assertThat(doomed.dead()).isTrue();
        assertThat(store.read(journal).orElseThrow().content()).as("its first record never landed")
                .hasSize((int) journalBefore);
        assertThat(harness.azure.mutatingCalls()).as("nothing was sent by the dead worker").hasSize(putsBefore);
        Board.MemberState claimed = files.readBoard().orElseThrow().board().member(files.readDefinition()
                .orElseThrow().member(Scenario.STG).orElseThrow().key());
        assertThat(claimed.status()).isEqualTo(Board.Status.RUNNING);
        assertThat(claimed.worker()).isEqualTo("doomed");

        store.breakLease(journal); // its lease expires
        work(files, "rescuer", true);
        assertThat(progress).anyMatch(line -> line.contains("taking over from the journal"));
        assertThat(statuses()).as("the retry was carried out, not reported failed again")
                .containsEntry(Scenario.STG, "Completed");
        assertThat(harness.azure.mutatingCalls().size()).isGreaterThan(putsBefore);
        List<String> sent = harness.azure.mutatingCalls().stream().map(c -> c.ifMatch() + " " + c.body()).toList();
        assertThat(sent).as("no request was sent twice").doesNotHaveDuplicates();
        assertThat(files.readBoard().orElseThrow().board().member(files.readDefinition().orElseThrow()
                .member(Scenario.STG).orElseThrow().key()).retryFrom()).as("the retry request ended with its outcome")
                .isNull();
    }

    @Test
    void aRetriedRunThatFailsAgainBeforeItsWorkerDiesIsReportedFailedNotRetriedAgain() throws Exception {
        harness.azure.simulator().failNextOperation("NotAllAgentPoolOrchestratorVersionSpecifiedAndUnchanged", "pools differ");
        work(true);
        new RolloutControl(files, harness.time).retry(Scenario.STG, "alice");
        String journal = files.journal(files.readDefinition().orElseThrow().member(Scenario.STG).orElseThrow().key());
        // The retry runs and fails again (the cluster was not reconciled); its worker dies before the board write:
        // the board write is the first replace after the journal's run-stopped record.
        harness.azure.simulator().failNextOperation("NotAllAgentPoolOrchestratorVersionSpecifiedAndUnchanged", "pools differ");
        KillableStore doomed = new KillableStore(store, name -> false) {
            @Override
            public String replace(String name, byte[] content, String etag)
                    throws java.io.IOException, org.kubenetmigrate.executor.state.ConditionFailedException {
                if (name.endsWith("board.json") && new String(content, StandardCharsets.UTF_8).contains(
                        "\"Failed\"")) {
                    throw die("board write of the outcome");
                }
                return super.replace(name, content, etag);
            }
        };
        assertThatThrownBy(() -> work(new RolloutFiles(doomed, "fleet-1"), "doomed",
                true)).isInstanceOf(KillableStore.Killed.class);
        assertThat(statuses()).as("the dead worker's member").containsEntry(Scenario.STG, "Running");
        int putsAfterSecondFailure = harness.azure.mutatingCalls().size();

        store.breakLease(journal);
        work(files, "rescuer", true);
        assertThat(statuses()).containsEntry(Scenario.STG, "Failed");
        assertThat(harness.azure.mutatingCalls()).as("the second failure is not retried by itself")
                .hasSize(putsAfterSecondFailure);
    }

    @Test
    void aWorkerWhoseLeaseIsTakenStopsBeforeItsNextRecordAndTheNewHolderFinishesWithEveryChangeSentOnce()
            throws Exception {
        RolloutDefinition definition = files.readDefinition().orElseThrow();
        String journal = files.journal(definition.member(Scenario.STG).orElseThrow().key());
        List<String> intruder = new ArrayList<>();
        // When the first request of the plugin update was journaled, the lease goes to someone else (as after an
        // expiry during a long pause of this worker).
        hook = event -> {
            if (event instanceof EngineEvent.RequestSent && intruder.isEmpty()) {
                try {
                    store.breakLease(journal);
                    intruder.add(store.acquireLease(journal, Duration.ofSeconds(15)).orElseThrow().id());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        };
        work(true);
        assertThat(intruder).hasSize(1);
        assertThat(progress).anyMatch(line -> line.contains("left to the worker that holds its lease"));
        assertThat(statuses()).as("the member stays Running for its new owner").containsEntry(Scenario.STG, "Running");
        int putsByFirst = harness.azure.mutatingCalls().size();
        assertThat(putsByFirst).isEqualTo(1);

        hook = event -> { };
        store.breakLease(journal);
        work(true);
        assertThat(statuses()).containsEntry(Scenario.STG, "Completed");
        List<String> sent = harness.azure.mutatingCalls().stream().map(c -> c.ifMatch() + " " + c.body()).toList();
        assertThat(sent).as("no request was sent twice").doesNotHaveDuplicates();
    }

    @Test
    void aWindowThatClosesDuringARunHoldsTheMemberPendingAtTheNextGateAndItContinuesWhenTheWindowOpens()
            throws Exception {
        ObjectNode saturdayNights = (ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper().readTree("""
                {"id": "%s/maintenanceConfigurations/aksManagedAutoUpgradeSchedule",
                 "name": "aksManagedAutoUpgradeSchedule",
                 "properties": {"maintenanceWindow": {"schedule": {"weekly": {"intervalWeeks": 1, "dayOfWeek": "Saturday"}},
                   "durationHours": 4, "utcOffset": "+00:00", "startDate": "2026-01-03", "startTime": "22:00"}}}
                """.formatted(Scenario.STG_ID));
        List<String> gatesPassed = new ArrayList<>();
        List<Integer> mutationsWhenClosed = new ArrayList<>();
        // No window when the member starts; once its first gate passed, the cluster gets one that is closed now.
        hook = event -> {
            if (event instanceof EngineEvent.GateApproved approved) {
                gatesPassed.add(approved.stepId());
                if (gatesPassed.size() == 1) {
                    harness.azure.seed(List.of(saturdayNights));
                    mutationsWhenClosed.add(harness.azure.mutatingCalls().size());
                }
            }
        };
        Worker.Result held = work(true);
        assertThat(gatesPassed).as("the plan has more than one gate").hasSize(1);
        assertThat(held.membersRun()).isEqualTo(1);
        RolloutReport.MemberLine stg = new RolloutStatus(files, harness.time).run().stages().get(0).groups().get(0)
                .members().get(0);
        assertThat(stg.status()).isEqualTo("Pending");
        assertThat(stg.reason()).contains("held at a safe boundary").contains("next opening 2026-12-05T22:00:00Z");
        assertThat(stg.step()).as("held before the one-way step, which has not started")
                .isEqualTo("update-network-plugin (pending)");
        String journal = new String(store.read(files.journal(files.readDefinition().orElseThrow()
                .member(Scenario.STG).orElseThrow().key())).orElseThrow().content(), StandardCharsets.UTF_8);
        assertThat(journal).contains("held before").doesNotContain("\"type\":\"run-finished\"");
        int sentBeforeHold = harness.azure.mutatingCalls().size();
        assertThat(sentBeforeHold).as("the first gate's step ran to its end").isGreaterThanOrEqualTo(
                mutationsWhenClosed.get(0));
        assertThat(new RolloutStatus(files, harness.time).run().counts().pending()).isEqualTo(1);

        assertThat(work(true).membersRun()).as("held until the window opens").isZero();
        assertThat(harness.azure.mutatingCalls()).hasSize(sentBeforeHold);

        harness.time.sleep(Duration.between(harness.time.instant(), java.time.Instant.parse("2026-12-05T22:30:00Z")));
        work(true);
        assertThat(statuses()).containsEntry(Scenario.STG, "Completed");
        assertThat(gatesPassed.size()).isGreaterThan(1);
        List<String> sent = harness.azure.mutatingCalls().stream().map(c -> c.ifMatch() + " " + c.body()).toList();
        assertThat(sent).as("no request was sent twice").doesNotHaveDuplicates();
    }

    @Test
    void aClosedMaintenanceWindowHoldsTheMemberPendingWithItsNextOpeningAndNothingIsSent() throws Exception {
        com.fasterxml.jackson.databind.node.ObjectNode config = (ObjectNode) new com.fasterxml.jackson.databind
                .ObjectMapper().readTree("""
                {"id": "%s/maintenanceConfigurations/aksManagedAutoUpgradeSchedule",
                 "name": "aksManagedAutoUpgradeSchedule",
                 "properties": {"maintenanceWindow": {"schedule": {"weekly": {"intervalWeeks": 1, "dayOfWeek": "Saturday"}},
                   "durationHours": 4, "utcOffset": "+00:00", "startDate": "2026-01-03", "startTime": "22:00"}}}
                """.formatted(Scenario.STG_ID));
        harness.azure.seed(List.of(config));
        Worker.Result result = work(true);
        assertThat(harness.azure.mutatingCalls()).isEmpty();
        RolloutReport report = new RolloutStatus(files, harness.time).run();
        RolloutReport.MemberLine stg = report.stages().get(0).groups().get(0).members().get(0);
        assertThat(stg.status()).isEqualTo("Pending");
        assertThat(stg.reason()).contains("maintenance window closed").contains("next opening 2026-12-05T22:00:00Z");
        assertThat(result.membersRun()).isEqualTo(1);
        assertThat(work(true).membersRun()).as("held until the window opens").isZero();
        new RolloutControl(files, harness.time).approveMember(Scenario.STG, "alice");
        work(true);
        assertThat(statuses()).as("approving the member starts it anyway").containsEntry(Scenario.STG, "Completed");
    }
}
