package org.kubenetmigrate.executor.rollout;

import static org.assertj.core.api.Assertions.assertThat;

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
        return new Worker(files, harness.env().withListeners(List.of(e -> hook.accept(e))), new Worker.Settings("w1", 0, autoApprove, false, Duration.ofSeconds(15),
                Duration.ofSeconds(1)), progress::add).run();
    }

    Map<String, String> statuses() throws Exception {
        RolloutReport report = new RolloutStatus(files, harness.time).run();
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
