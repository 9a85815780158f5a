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
        assertThat(result.message()).contains("is stale").contains("properties the plan depends on changed")
                .contains("ETag 00000000-0000-0000-0000-0000000e7a02 is now etag-0001");
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
    void aTagChangeAloneMovesTheEtagAndStillMakesThePlanStale() throws Exception {
        Harness h = new Harness(dir.resolve("state"), Scenario.azure());
        h.azure.changeOutOfBand(Scenario.STG_ID, c -> ((ObjectNode) c.get("tags")).put("owner", "someone-else"));

        RunResult result = h.apply(Scenario.plan(dir, Scenario.STG), Approvals.all());

        assertThat(result.outcome()).isEqualTo(RunOutcome.STALE_PLAN);
        assertThat(result.message()).contains("something else changed, e.g. tags");
        assertThat(h.azure.mutatingCalls()).isEmpty();
    }

    @Test
    void dryRunRecheckesLiveStateAndListsEveryRequestWithoutSendingOne() throws Exception {
        Harness h = new Harness(dir.resolve("state"), Scenario.azure());

        DryRunReport report = h.dryRun(Scenario.plan(dir, Scenario.STG));

        assertThat(report.outcome()).isEqualTo(RunOutcome.DRY_RUN);
        assertThat(report.problems()).isEmpty();
        assertThat(report.readiness()).isEqualTo("ACTIONS_REQUIRED");
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
