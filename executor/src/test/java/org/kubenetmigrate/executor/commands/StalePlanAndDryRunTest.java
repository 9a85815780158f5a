package org.kubenetmigrate.executor.commands;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kubenetmigrate.executor.Harness;
import org.kubenetmigrate.executor.engine.Approvals;
import org.kubenetmigrate.executor.engine.RunOutcome;
import org.kubenetmigrate.executor.engine.RunResult;
import org.kubenetmigrate.executor.testing.InMemoryClusterOperations;
import org.kubenetmigrate.executor.testing.Scenario;
import org.kubenetmigrate.executor.testing.ShmTempDir;

class StalePlanAndDryRunTest {
    @TempDir(factory = ShmTempDir.class)
    Path dir;

    @Test
    void aPlanForAClusterThatMovedIsRefusedBeforeAnythingIsSent() throws Exception {
        Harness h = new Harness(dir.resolve("state"), Scenario.azure());
        h.azure.changeOutOfBand(Scenario.STG_ID, c -> ((ObjectNode) c.at("/properties")).put("kubernetesVersion", "1.32.0"));

        RunResult result = h.apply(Scenario.plan(dir, Scenario.STG), Approvals.all());

        assertThat(result.outcome()).isEqualTo(RunOutcome.STALE_PLAN);
        assertThat(result.stepId()).isEqualTo("precheck");
        assertThat(result.message()).contains("is stale").contains("properties the plan depends on changed");
        assertThat(result.remediation()).anySatisfy(r -> assertThat(r).contains("make a new plan"));
        assertThat(h.azure.mutatingCalls()).isEmpty();
    }

    @Test
    void aLockPutOnTheNodeResourceGroupAfterPlanningStopsThePrecheck() throws Exception {
        Harness h = new Harness(dir.resolve("state"), Scenario.azure());
        String nodeRg = "/subscriptions/00000000-0000-0000-0000-00000000a001/resourceGroups/"
                + "MC_rg-payments-stg_aks-payments-stg-weu_westeurope";
        h.azure.seed(java.util.List.of(new com.fasterxml.jackson.databind.ObjectMapper().readTree("""
                {"id": "%s/providers/Microsoft.Authorization/locks/freeze", "name": "freeze",
                 "type": "Microsoft.Authorization/locks", "properties": {"level": "ReadOnly"}}""".formatted(nodeRg))));

        RunResult result = h.apply(Scenario.plan(dir, Scenario.STG), Approvals.all());

        assertThat(result.stepId()).isEqualTo("precheck");
        assertThat(result.message()).contains("resource-lock", "ReadOnly lock freeze");
        assertThat(h.azure.mutatingCalls()).isEmpty();
    }

    @Test
    void aTagChangeAloneMovesTheEtagButNotThePlanAndTheWriteCarriesTheEtagReadJustBeforeIt() throws Exception {
        Harness h = new Harness(dir.resolve("state"), Scenario.azure());
        h.azure.changeOutOfBand(Scenario.STG_ID, c -> ((ObjectNode) c.get("tags")).put("owner", "someone-else"));
        String etagAfterTheTagChange = h.azure.resource(Scenario.STG_ID).path("eTag").asText();

        RunResult result = h.apply(Scenario.plan(dir, Scenario.STG), Approvals.all());

        assertThat(result.outcome()).as(result.message()).isEqualTo(RunOutcome.COMPLETED);
        InMemoryClusterOperations.Call first = h.azure.mutatingCalls().get(0);
        assertThat(first.ifMatch()).isEqualTo(etagAfterTheTagChange);
        assertThat(first.body().path("tags").path("owner").asText()).as("merged into the fresh read")
                .isEqualTo("someone-else");
    }

    /** Changes a field of the autoscaling pool "payments" of aks-payments-prod-weu, as the autoscaler or a person would. */
    private static void changePaymentsPool(Harness h, String field, int value) {
        String prod = Scenario.STG_ID.replace("rg-payments-stg", "rg-payments-prod").replace("aks-payments-stg-weu",
                "aks-payments-prod-weu");
        h.azure.changeOutOfBand(prod, c -> {
            for (com.fasterxml.jackson.databind.JsonNode pool : c.at("/properties/agentPoolProfiles")) {
                if (pool.path("name").asText().equals("payments")) {
                    ((ObjectNode) pool).put(field, value);
                }
            }
        });
    }

    @Test
    void anAutoscalerMoveInsideThePlannedRangeNeverMakesThePlanStale() throws Exception {
        Harness h = new Harness(dir.resolve("state"), Scenario.azure());
        // Pool "payments" autoscales 3..10 and was planned at 4 nodes; the autoscaler takes it to 9.
        changePaymentsPool(h, "count", 9);

        RunResult result = h.apply(Scenario.plan(dir, Scenario.PROD), Approvals.through("prepare"));

        assertThat(result.outcome()).as(result.message()).isEqualTo(RunOutcome.STOPPED_AT_GATE);
        assertThat(result.stepId()).isEqualTo("update-network-plugin");
    }

    @Test
    void anAutoscalerMaximumChangeDoesMakeThePlanStale() throws Exception {
        Harness h = new Harness(dir.resolve("state"), Scenario.azure());
        changePaymentsPool(h, "maxCount", 40);

        RunResult result = h.apply(Scenario.plan(dir, Scenario.PROD), Approvals.all());

        assertThat(result.outcome()).isEqualTo(RunOutcome.STALE_PLAN);
        assertThat(h.azure.mutatingCalls()).isEmpty();
    }

    @Test
    void dryRunRecheckesLiveStateAndListsEveryRequestWithoutSendingOne() throws Exception {
        Harness h = new Harness(dir.resolve("state"), Scenario.azure());

        DryRunReport report = h.dryRun(Scenario.plan(dir, Scenario.STG));

        assertThat(report.outcome()).isEqualTo(RunOutcome.DRY_RUN);
        assertThat(report.problems()).isEmpty();
        // The dry run reads ARM only: the in-cluster ip-masq-agent check stays unverified, never passed.
        assertThat(report.readiness()).isEqualTo("INCOMPLETE");
        assertThat(report.mutatingRequests()).isEqualTo(3);
        assertThat(report.requests()).extracting(DryRunReport.Entry::action)
                .containsExactly("read", "read", "send", "send", "read", "send", "read");
        DryRunReport.Entry update = report.requests().get(3);
        assertThat(update.method()).isEqualTo("PUT");
        assertThat(update.url()).isEqualTo(Scenario.STG_ID + "?api-version=2025-09-01");
        assertThat(update.gate()).isEqualTo("point-of-no-return");
        assertThat(update.body().at("/properties/networkProfile/networkPlugin").asText()).isEqualTo("azure");
        assertThat(update.body().at("/properties/networkProfile/networkPolicy").asText())
                .as("merged after the planned policy change").isEqualTo("none");
        assertThat(update.body().at("/properties/agentPoolProfiles/0/name").asText()).isEqualTo("nodepool1");
        assertThat(report.requests().get(2).ifMatch()).isEqualTo("00000000-0000-0000-0000-0000000e7a02");
        assertThat(h.azure.mutatingCalls()).isEmpty();
        assertThat(Files.exists(dir.resolve("state"))).as("a dry run writes nothing").isFalse();
    }

    @Test
    void dryRunOfAStalePlanSaysSo() throws Exception {
        Harness h = new Harness(dir.resolve("state"), Scenario.azure());
        h.azure.changeOutOfBand(Scenario.STG_ID, c -> ((ObjectNode) c.at("/properties/networkProfile"))
                .put("networkPolicy", "none"));

        DryRunReport report = h.dryRun(Scenario.plan(dir, Scenario.STG));

        assertThat(report.outcome()).isEqualTo(RunOutcome.STALE_PLAN);
        assertThat(report.requests()).filteredOn(r -> r.stepId().equals("disable-network-policy"))
                .singleElement().satisfies(r -> assertThat(r.action()).isEqualTo("skip"));
        assertThat(h.azure.mutatingCalls()).isEmpty();
    }
}
