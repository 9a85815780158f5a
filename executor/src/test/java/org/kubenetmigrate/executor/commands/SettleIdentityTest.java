package org.kubenetmigrate.executor.commands;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kubenetmigrate.executor.Harness;
import org.kubenetmigrate.executor.engine.Approvals;
import org.kubenetmigrate.executor.engine.EngineEvent;
import org.kubenetmigrate.executor.engine.Journal;
import org.kubenetmigrate.executor.engine.JournalRecord;
import org.kubenetmigrate.executor.engine.RecordType;
import org.kubenetmigrate.executor.engine.RunOutcome;
import org.kubenetmigrate.executor.engine.RunResult;
import org.kubenetmigrate.executor.testing.Scenario;
import org.kubenetmigrate.executor.testing.SimulatedCrash;

/** settle-identity: after assign-identity, nothing that needs the new identity runs before the settle time. */
class SettleIdentityTest {
    @TempDir
    Path dir;

    private static Instant assignedAt(Harness h, String runId) throws Exception {
        return Journal.read(h.runDir(runId).resolve(Journal.FILE_NAME)).records().stream()
                .filter(r -> r.type() == RecordType.STEP_SUCCEEDED && "assign-identity".equals(r.stepId()))
                .map(JournalRecord::time).findFirst().orElseThrow();
    }

    @Test
    void theRunWaitsTheSettleTimeAfterAssignIdentityBeforeGoingOn() throws Exception {
        Harness h = new Harness(dir.resolve("state"), Scenario.azure());

        RunResult result = h.apply(Scenario.plan(dir, Scenario.LEDGER, Scenario.assignIdentity()),
                Approvals.through("prepare"));

        assertThat(result.outcome()).as(result.message()).isEqualTo(RunOutcome.STOPPED_AT_GATE);
        assertThat(result.stepId()).isEqualTo("update-network-plugin");
        Instant assigned = assignedAt(h, result.runId());
        assertThat(h.time.instant()).isAfterOrEqualTo(assigned.plus(Duration.ofMinutes(60)));
        assertThat(h.events.of(EngineEvent.Progress.class)).anySatisfy(p -> assertThat(p.message())
                .contains("may go on at " + assigned.plus(Duration.ofMinutes(60))));
        assertThat(Files.readString(h.runDir(result.runId()).resolve("identity-settle.json")))
                .contains(assigned.plus(Duration.ofMinutes(60)).toString());
    }

    @Test
    void aRunStoppedWhileWaitingShowsInStatusWhenItMayGoOnAndResumesTheSameWait() throws Exception {
        Harness h = new Harness(dir.resolve("state"), Scenario.azure());
        Path plan = Scenario.plan(dir, Scenario.LEDGER, Scenario.assignIdentity());
        // The process is stopped while settle-identity waits (the first of its sleeps never returns).
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Apply(h.env().withSleeper(d -> {
            if (Arrays.stream(new Throwable().getStackTrace())
                    .anyMatch(e -> e.getClassName().endsWith("SettleIdentity"))) {
                throw new SimulatedCrash("stopped while settling");
            }
            h.time.sleep(d);
        })).run(plan, Approvals.through("prepare"))).isInstanceOf(SimulatedCrash.class);
        String runId = Files.list(h.state.resolve("runs")).findFirst().orElseThrow().getFileName().toString();

        Instant mayGoOn = assignedAt(h, runId).plus(Duration.ofMinutes(60));
        assertThat(h.status(runId).detail().identitySettlesAt()).isEqualTo(mayGoOn);
        assertThat(h.azure.mutatingCalls()).as("only assign-identity").hasSize(1);

        RunResult resumed = h.resume(runId, Approvals.through("prepare"));

        assertThat(resumed.outcome()).as(resumed.message()).isEqualTo(RunOutcome.STOPPED_AT_GATE);
        assertThat(h.time.instant()).isAfterOrEqualTo(mayGoOn).isBefore(mayGoOn.plus(Duration.ofMinutes(10)));
        assertThat(h.status(runId).detail().identitySettlesAt()).as("done waiting").isNull();
    }

    // ---- the rights, on a cluster with its own VNet (aks-payments-stg-weu, switched from system-assigned) ----

    private static final String NETWORK_RG = "/subscriptions/00000000-0000-0000-0000-00000000a001/resourceGroups/"
            + "rg-payments-stg-network";
    private static final String NETWORK_CONTRIBUTOR = "/providers/Microsoft.Authorization/roleDefinitions/"
            + "4d97b98b-1d4f-4787-a291-c67834d212e7";

    /** The stg cluster as if it ran on its system-assigned identity, planned with --assign-identity. */
    private Harness systemAssignedStg() throws Exception {
        org.kubenetmigrate.planner.model.Fleet fleet = new org.kubenetmigrate.planner.input.FleetReader()
                .read(java.util.List.of(Scenario.fleet()));
        java.util.List<org.kubenetmigrate.planner.model.ManagedCluster> clusters = fleet.clusters().stream()
                .map(c -> !c.name().equals(Scenario.STG) ? c : new org.kubenetmigrate.planner.model.ManagedCluster(
                        c.id(), c.name(), c.subscriptionId(), c.resourceGroup(), c.location(), c.kubernetesVersion(),
                        c.currentKubernetesVersion(), c.provisioningState(), c.powerState(), c.network(),
                        new org.kubenetmigrate.planner.model.ClusterIdentity("SystemAssigned", java.util.List.of()),
                        c.agentPools(), c.privateCluster(), c.agicAddonEnabled(), c.podIdentityEnabled(),
                        c.nodeResourceGroup(), c.etag(), c.tags(), c.source()))
                .toList();
        org.kubenetmigrate.planner.plan.MigrationPlan plan = new org.kubenetmigrate.planner.commands.PlanCluster(
                Scenario.PLANNED_AT).run(new org.kubenetmigrate.planner.model.Fleet(clusters, fleet.virtualNetworks(),
                fleet.routeTables()), Scenario.STG, Scenario.assignIdentity());
        Files.writeString(dir.resolve("stg.plan.json"), org.kubenetmigrate.planner.planfile.PlanCodec.write(plan,
                Scenario.PLANNED_AT.instant()).toPrettyString());
        Harness h = new Harness(dir.resolve("state"), Scenario.azure());
        h.azure.editAsExported(Scenario.STG_ID, c -> c.putObject("identity").put("type", "SystemAssigned")
                .put("principalId", "00000000-0000-0000-0000-00000000aaaa"));
        return h;
    }

    private static com.fasterxml.jackson.databind.JsonNode json(String text) throws Exception {
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
    }

    private static com.fasterxml.jackson.databind.JsonNode networkContributorAt(String scope) throws Exception {
        String principal = org.kubenetmigrate.executor.testing.InMemoryClusterOperations.principalIdOf(
                Scenario.IDENTITY);
        return json("{\"id\":\"" + scope + "/providers/Microsoft.Authorization/roleAssignments/b0f43c54\","
                + "\"type\":\"Microsoft.Authorization/roleAssignments\",\"name\":\"b0f43c54\",\"properties\":{"
                + "\"roleDefinitionId\":\"" + NETWORK_CONTRIBUTOR + "\",\"principalId\":\"" + principal + "\","
                + "\"principalType\":\"ServicePrincipal\",\"scope\":\"" + scope + "\","
                + "\"createdOn\":\"2026-11-30T08:00:00Z\"}}");
    }

    private static com.fasterxml.jackson.databind.JsonNode networkContributor() throws Exception {
        return json("{\"id\":\"" + NETWORK_CONTRIBUTOR + "\",\"type\":\"Microsoft.Authorization/roleDefinitions\","
                + "\"name\":\"4d97b98b-1d4f-4787-a291-c67834d212e7\",\"properties\":{\"roleName\":"
                + "\"Network Contributor\",\"type\":\"BuiltInRole\",\"permissions\":[{\"actions\":["
                + "\"Microsoft.Authorization/*/read\",\"Microsoft.Network/*\"],\"notActions\":[],\"dataActions\":[],"
                + "\"notDataActions\":[]}]}}");
    }

    @Test
    void anIdentityWithoutRightsOnTheSubnetAndRouteTableStopsTheRunBeforeThePolicyEngineIsRemoved()
            throws Exception {
        Harness h = systemAssignedStg();
        h.azure.seed(java.util.List.of(networkContributor()));

        RunResult result = h.apply(dir.resolve("stg.plan.json"), Approvals.all());

        assertThat(result.outcome()).as(result.message()).isEqualTo(RunOutcome.STEP_FAILED);
        assertThat(result.stepId()).isEqualTo("settle-identity");
        assertThat(result.message()).contains("lacks rights").contains("subnets/snet-aks-nodes")
                .contains("routeTables/rt-aks-payments-stg-weu")
                .contains("Microsoft.Network/virtualNetworks/subnets/write");
        assertThat(String.join("\n", result.remediation())).contains("az role assignment create")
                .contains("Network Contributor");
        assertThat(h.azure.mutatingCalls()).as("only assign-identity; the policy engine stays").hasSize(1);
    }

    @Test
    void networkContributorInheritedFromTheNetworkResourceGroupIsEnoughAndTheRunGoesOnAfterTheSettleTime()
            throws Exception {
        Harness h = systemAssignedStg();
        h.azure.seed(java.util.List.of(networkContributor(), networkContributorAt(NETWORK_RG)));

        RunResult result = h.apply(dir.resolve("stg.plan.json"), Approvals.through("prepare"));

        assertThat(result.outcome()).as(result.message()).isEqualTo(RunOutcome.STOPPED_AT_GATE);
        assertThat(result.stepId()).isEqualTo("update-network-plugin");
        assertThat(h.events.of(EngineEvent.StepSucceeded.class)).filteredOn(s -> s.stepId().equals("settle-identity"))
                .singleElement().satisfies(s -> assertThat(s.summary())
                        .contains("holds the route-table detach rights on subnet snet-aks-nodes, route table"
                                + " rt-aks-payments-stg-weu"));
        Instant assigned = assignedAt(h, result.runId());
        assertThat(h.azure.calls()).filteredOn(c -> c.method().equals("PUT")).hasSize(2);
        assertThat(h.time.instant()).isAfterOrEqualTo(assigned.plus(Duration.ofMinutes(60)));
    }
}
