package org.kubenetmigrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plan command end to end on the example fleet. */
class PlanCommandTest {
    static final String FLEET = ExampleFleetReportTest.FLEET;

    @Test
    void textPlanShowsThePointOfNoReturnAndTheExactRequest() {
        CliRun run = CliRun.of("plan", "--from", FLEET, "--cluster", "aks-payments-stg-weu");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("POINT OF NO RETURN", "update-network-plugin", "disable-network-policy",
                "restore-network-policy", "?api-version=2025-09-01",
                "az aks update -g rg-payments-stg -n aks-payments-stg-weu --network-plugin azure --network-plugin-mode overlay");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void outWritesTheJsonPlanAtomicallyAndPrintsNothingOnStdout(@TempDir Path dir) throws Exception {
        Path out = Files.createDirectory(dir.resolve("plans")).resolve("plan.json");
        CliRun run = CliRun.of("plan", "--from", FLEET, "--cluster", "aks-retail-batch-eus2", "--format", "json",
                "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("wrote " + out);
        JsonNode plan = new ObjectMapper().readTree(Files.readString(out));
        assertThat(plan.get("readiness").asText()).as("ARM only: the ip-masq-agent check is unverified")
                .isEqualTo("INCOMPLETE");
        assertThat(plan.get("sizing").get("podCidr").get("proposed").asText()).isNotEqualTo("10.244.0.0/20");
        try (var files = Files.list(out.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("plan.json");
        }
    }

    @Test
    void aPodCidrChangeIsSentOnlyWithThePluginUpdate() throws Exception {
        CliRun run = CliRun.of("plan", "--from", FLEET, "--cluster", "aks-analytics-sea", "--format", "json");
        JsonNode plan = new ObjectMapper().readTree(run.out());
        String proposed = plan.get("sizing").get("podCidr").get("proposed").asText();
        List<String> stepsSendingPodCidr = new ArrayList<>();
        for (JsonNode stage : plan.get("stages")) {
            for (JsonNode step : stage.get("steps")) {
                if (step.at("/request/body/properties/networkProfile/podCidr").isTextual()) {
                    stepsSendingPodCidr.add(step.get("id").asText() + "=" + step.at("/request/body/properties/networkProfile/podCidr").asText());
                }
            }
        }
        assertThat(stepsSendingPodCidr).containsExactly("update-network-plugin=" + proposed);
        assertThat(proposed).doesNotStartWith("172.16.");
    }

    @Test
    void blockedClusterStillGetsAPlanWithTheBlockersFirst() {
        CliRun run = CliRun.of("plan", "--from", FLEET, "--cluster", "aks-ledger-prod-weu", "--format", "markdown");
        assertThat(run.exitCode()).as(run.err()).isZero();
        int blocker = run.out().indexOf("identity-type");
        int firstStage = run.out().indexOf("precheck");
        assertThat(blocker).isPositive().isLessThan(firstStage);
    }

    @Test
    void notApplicableClusterGetsAnEmptyPlan() throws Exception {
        CliRun run = CliRun.of("plan", "--from", FLEET, "--cluster", "aks-web-overlay-neu", "--format", "json");
        JsonNode plan = new ObjectMapper().readTree(run.out());
        assertThat(plan.get("strategy").asText()).isEqualTo("none");
        assertThat(plan.get("stages")).isEmpty();
    }

    @Test
    void clusterCanBeNamedByArmIdCaseInsensitively() {
        CliRun run = CliRun.of("plan", "--from", FLEET, "--cluster",
                "/subscriptions/00000000-0000-0000-0000-00000000A001/resourceGroups/RG-PAYMENTS-STG/providers/"
                        + "Microsoft.ContainerService/managedClusters/aks-payments-stg-weu");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("Migration plan for aks-payments-stg-weu");
    }
}
