package org.kubenetmigrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The bundled example fleet, end to end through the CLI: every cluster's verdict and the rules that fire. */
class ExampleFleetReportTest {
    static final String FLEET = "../examples/fleet";
    static final Set<String> EVERYWHERE = Set.of("max-pods", "iac-drift", "retirement");
    static JsonNode report;

    @BeforeAll
    static void runReport() throws Exception {
        CliRun run = CliRun.of("report", "--from", FLEET, "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(0);
        report = new ObjectMapper().readTree(run.out());
    }

    static JsonNode cluster(String name) {
        return cluster(report, name);
    }

    static JsonNode cluster(JsonNode report, String name) {
        for (JsonNode c : report.get("clusters")) {
            if (c.get("name").asText().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no cluster " + name + " in the report");
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', value = {
        "aks-payments-prod-weu|READY|",
        "aks-payments-stg-weu|ACTIONS_REQUIRED|network-policy route-table-egress private-cluster",
        "aks-ledger-prod-weu|BLOCKED|identity-type",
        "aks-cards-prod-weu|BLOCKED|route-table-shared agic-addon",
        "aks-fx-legacy-neu|BLOCKED|kubernetes-version",
        "aks-risk-batch-weu|BLOCKED|provisioning-state",
        "aks-retail-prod-eus2|READY|",
        "aks-retail-search-eus2|ACTIONS_REQUIRED|network-policy",
        "aks-retail-edge-eus2|ACTIONS_REQUIRED|pod-cidr-overlap pod-identity",
        "aks-retail-batch-eus2|ACTIONS_REQUIRED|pod-cidr-capacity",
        "aks-inventory-eus2|BLOCKED|availability-set-pool",
        "aks-confidential-eus2|BLOCKED|dcsv2-pool",
        "aks-reporting-dev-eus2|BLOCKED|provisioning-state",
        "aks-data-prod-sea|BLOCKED|network-policy",
        "aks-analytics-sea|ACTIONS_REQUIRED|pod-cidr-reserved",
        "aks-ml-training-sea|BLOCKED|node-subnet-surge",
        "aks-api-gateway-sea|READY|dual-stack",
        "aks-platform-tools-neu|BLOCKED|name-length private-cluster",
        "aks-catalog-neu|READY|service-cidr-overlap",
        "aks-observability-neu|INCOMPLETE|",
        "aks-web-overlay-neu|NOT_APPLICABLE|",
        "aks-legacy-cni-sea|NOT_APPLICABLE|",
        "aks-vault-weu|BLOCKED|resource-lock",
        "aks-orders-eus2|BLOCKED|nsg-pod-traffic pod-cidr-overlap",
        "aks-claims-weu|READY|pod-ip-consumers",
        "aks-branch-sea|ACTIONS_REQUIRED|hub-transit",
        "aks-render-neu|READY|surge-quota"})
    void exampleClusterHasItsDocumentedVerdictAndFindings(String name, String readiness, String rules) {
        JsonNode c = cluster(name);
        assertThat(c.get("readiness").asText()).isEqualTo(readiness);
        Set<String> fired = new TreeSet<>();
        c.get("findings").forEach(f -> fired.add(f.get("rule").asText()));
        Set<String> expected = new TreeSet<>();
        if (rules != null) {
            expected.addAll(Set.of(rules.split(" ")));
        }
        if (!readiness.equals("NOT_APPLICABLE")) {
            expected.addAll(EVERYWHERE);
        }
        assertThat(fired).isEqualTo(expected);
    }

    @Test
    void incompleteClusterNamesTheMissingVirtualNetwork() {
        JsonNode c = cluster("aks-observability-neu");
        assertThat(c.get("unverified")).isNotEmpty();
        assertThat(c.get("unverified").toString()).contains("is not in the input");
    }

    @Test
    void summaryCountsEveryVerdict() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        report.get("summary").get("byReadiness").fields()
                .forEachRemaining(e -> counts.put(e.getKey(), e.getValue().asInt()));
        assertThat(counts).containsEntry("READY", 6).containsEntry("ACTIONS_REQUIRED", 6)
                .containsEntry("BLOCKED", 12).containsEntry("INCOMPLETE", 1).containsEntry("NOT_APPLICABLE", 2);
        assertThat(report.get("summary").get("total").asInt()).isEqualTo(27);
    }

    @Test
    void tableListsEveryClusterWithCountsFirst() {
        CliRun run = CliRun.of("report", "--from", FLEET);
        assertThat(run.exitCode()).isZero();
        String[] lines = run.out().split("\n");
        assertThat(lines[0]).startsWith("Clusters: 27").contains("BLOCKED: 12");
        assertThat(lines[1]).isEqualTo("486 days left until kubenet retires on 31 March 2028");
        assertThat(lines[2]).startsWith("Input: ../examples/fleet (42 files); captured ");
        assertThat(lines[3]).isEqualTo("Checked: 27 rules (target overlay) on 25 kubenet clusters; 2 not on kubenet,"
                + " so nothing to check");
        assertThat(run.out()).contains("aks-payments-prod-weu", "aks-legacy-cni-sea", "TOP FINDING");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void gpuPoolWhoseQuotaFamilyIsNotAmongTheUsagesIsUnverifiedNotPassed() {
        JsonNode c = cluster("aks-ml-training-sea");
        assertThat(c.get("unverified").toString()).contains("surge-quota", "Standard_NC4as_T4_v3");
    }

    @Test
    void plainAksListWithoutLocksOrNsgsIsIncompleteAndNamesTheExports() {
        String az = FLEET + "/sub-a002-retail/az/";
        CliRun run = CliRun.of("report", "--from", az + "aks-show-aks-retail-prod-eus2.json",
                "--from", az + "network-vnet-list.json", "--from", az + "network-route-table-list.json",
                "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode c;
        try {
            c = cluster(new ObjectMapper().readTree(run.out()), "aks-retail-prod-eus2");
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        assertThat(c.get("readiness").asText()).isEqualTo("INCOMPLETE");
        assertThat(c.get("unverified").toString()).contains("resource-lock", "az lock list -o json",
                "az network nsg list -o json");
    }

    @Test
    void failOnBlockerExitsThreeWhenTheFleetHasBlockers() {
        assertThat(CliRun.of("report", "--from", FLEET, "--fail-on", "blocker").exitCode()).isEqualTo(3);
    }

    @Test
    void failOnWarningPassesForAReadyClusterWithOnlyInfoFindings() {
        String az = FLEET + "/sub-a002-retail/az/";
        CliRun run = CliRun.of("report", "--from", az + "aks-show-aks-retail-prod-eus2.json",
                "--from", az + "network-vnet-list.json", "--from", az + "network-route-table-list.json",
                "--from", az + "lock-list.json", "--from", az + "network-nsg-list.json",
                "--from", az + "vm-list-usage-eastus2.json", "--fail-on", "warning");
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("READY: 1");
    }
}
