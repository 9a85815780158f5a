package org.kubenetmigrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kubenetmigrate.planner.model.InClusterCheck;
import org.kubenetmigrate.planner.rules.Finding;
import org.kubenetmigrate.planner.rules.Readiness;
import org.kubenetmigrate.planner.rules.Severity;
import org.kubenetmigrate.planner.rules.Unverified;

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

    /**
     * Each cluster of the README table: its verdict in this ARM-only report, the verdict once the in-cluster checks
     * have run and found nothing (what every other rule says), the rules that fire and the checks that could not run.
     * Without in-cluster checks the ip-masq-agent check is unverified on every kubenet cluster, so none is READY.
     */
    @ParameterizedTest(name = "{0} is {1}, {2} once checked inside")
    @CsvSource(delimiter = '|', value = {
        "aks-payments-prod-weu|INCOMPLETE|READY||",
        "aks-payments-stg-weu|INCOMPLETE|ACTIONS_REQUIRED|network-policy route-table-egress private-cluster|",
        "aks-ledger-prod-weu|BLOCKED|BLOCKED|identity-type|",
        "aks-cards-prod-weu|BLOCKED|BLOCKED|route-table-shared agic-addon|",
        "aks-fx-legacy-neu|BLOCKED|BLOCKED|kubernetes-version|",
        "aks-risk-batch-weu|BLOCKED|BLOCKED|provisioning-state|",
        "aks-retail-prod-eus2|INCOMPLETE|READY||",
        "aks-retail-search-eus2|INCOMPLETE|ACTIONS_REQUIRED|network-policy|",
        "aks-retail-edge-eus2|INCOMPLETE|ACTIONS_REQUIRED|pod-cidr-overlap pod-identity|",
        "aks-retail-batch-eus2|INCOMPLETE|ACTIONS_REQUIRED|pod-cidr-capacity|",
        "aks-inventory-eus2|BLOCKED|BLOCKED|availability-set-pool|",
        "aks-confidential-eus2|BLOCKED|BLOCKED|dcsv2-pool|",
        "aks-reporting-dev-eus2|BLOCKED|BLOCKED|provisioning-state|",
        "aks-data-prod-sea|BLOCKED|BLOCKED|network-policy|",
        "aks-analytics-sea|INCOMPLETE|ACTIONS_REQUIRED|pod-cidr-reserved|",
        "aks-ml-training-sea|BLOCKED|BLOCKED|node-subnet-surge|surge-quota",
        "aks-api-gateway-sea|INCOMPLETE|READY|dual-stack|",
        "aks-platform-tools-neu|BLOCKED|BLOCKED|name-length private-cluster|",
        "aks-catalog-neu|INCOMPLETE|READY|service-cidr-overlap|",
        "aks-observability-neu|INCOMPLETE|INCOMPLETE||pod-cidr-overlap route-table-shared route-table-egress"
                + " node-subnet-surge service-cidr-overlap resource-lock nsg-pod-traffic",
        "aks-web-overlay-neu|NOT_APPLICABLE|NOT_APPLICABLE||",
        "aks-legacy-cni-sea|NOT_APPLICABLE|NOT_APPLICABLE||",
        "aks-mariner-jobs-weu|BLOCKED|BLOCKED|azure-linux-2-pool|",
        "aks-nightly-batch-weu|INCOMPLETE|READY|stopped-pool|",
        "aks-search-skew-weu|INCOMPLETE|READY|pool-version-skew|",
        "aks-classic-vnet-neu|INCOMPLETE|READY|pod-cidr-overlap|",
        "aks-edge-dualstack-weu|BLOCKED|BLOCKED|dual-stack network-policy|",
        "aks-orders-sp-eus2|BLOCKED|BLOCKED|identity-type service-principal-acr|availability-set-pool",
        "aks-vault-weu|BLOCKED|BLOCKED|resource-lock|",
        "aks-orders-eus2|BLOCKED|BLOCKED|nsg-pod-traffic pod-cidr-overlap|",
        "aks-claims-weu|INCOMPLETE|READY|pod-ip-consumers|",
        "aks-branch-sea|INCOMPLETE|ACTIONS_REQUIRED|hub-transit|",
        "aks-render-neu|INCOMPLETE|READY|surge-quota|"})
    void exampleClusterHasItsDocumentedVerdictAndFindings(String name, String readiness, String inside, String rules,
                                                          String unverified) {
        JsonNode c = cluster(name);
        assertThat(c.get("readiness").asText()).isEqualTo(readiness);
        Set<String> fired = new TreeSet<>();
        c.get("findings").forEach(f -> fired.add(f.get("rule").asText()));
        Set<String> expected = new TreeSet<>();
        if (rules != null) {
            expected.addAll(Set.of(rules.split(" ")));
        }
        Set<String> expectedUnverified = new TreeSet<>();
        if (unverified != null) {
            expectedUnverified.addAll(Set.of(unverified.split(" ")));
        }
        if (!readiness.equals("NOT_APPLICABLE")) {
            expected.addAll(EVERYWHERE);
            expectedUnverified.add("ip-masq-agent-config");
        }
        assertThat(fired).isEqualTo(expected);
        Set<String> notChecked = new TreeSet<>();
        c.get("unverified").forEach(u -> notChecked.add(u.get("check").asText()));
        assertThat(notChecked).isEqualTo(expectedUnverified);
        assertThat(verdictOnceCheckedInside(c)).isEqualTo(Readiness.valueOf(inside));
    }

    /** The verdict with the same findings when the in-cluster checks ran and found nothing. */
    static Readiness verdictOnceCheckedInside(JsonNode c) {
        List<Finding> findings = new ArrayList<>();
        c.get("findings").forEach(f -> findings.add(new Finding(f.get("rule").asText(),
                Severity.valueOf(f.get("severity").asText()), "", "", "")));
        List<Unverified> rest = new ArrayList<>();
        c.get("unverified").forEach(u -> {
            if (!InClusterCheck.ALL.contains(u.get("check").asText())) {
                rest.add(new Unverified(u.get("check").asText(), "", Severity.valueOf(u.get("couldBe").asText())));
            }
        });
        return Readiness.of(!c.get("readiness").asText().equals("NOT_APPLICABLE"), findings, rest);
    }

    @Test
    void theSummaryCountsTheClustersThatLackOnlyTheInClusterChecksAndSaysHowToRunThem() throws Exception {
        assertThat(report.get("summary").get("incompleteOnlyForPrecheckReads").asInt()).isEqualTo(15);
        CliRun run = CliRun.of("report", "--from", FLEET);
        assertThat(run.out()).contains("15 clusters are INCOMPLETE only because the in-cluster checks did not run",
                "--in-cluster", "--kubeconfig FILE", "without --from");
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
        assertThat(counts).containsEntry("READY", 0).containsEntry("ACTIONS_REQUIRED", 0)
                .containsEntry("BLOCKED", 15).containsEntry("INCOMPLETE", 16).containsEntry("NOT_APPLICABLE", 2);
        assertThat(report.get("summary").get("total").asInt()).isEqualTo(33);
    }

    @Test
    void tableListsEveryClusterWithCountsFirst() {
        CliRun run = CliRun.of("report", "--from", FLEET);
        assertThat(run.exitCode()).isZero();
        String[] lines = run.out().split("\n");
        assertThat(lines[0]).startsWith("Clusters: 33").contains("BLOCKED: 15");
        assertThat(lines[1]).isEqualTo("486 days left until kubenet retires on 31 March 2028");
        assertThat(lines[2]).startsWith("Input: ../examples/fleet (55 files); captured ");
        assertThat(lines[3]).isEqualTo("Checked: 32 rules (target overlay) on 31 kubenet clusters; 2 not on kubenet,"
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
    void failOnBlockerIsMetByTheUnrunInClusterCheckUntilItIsWaived(@org.junit.jupiter.api.io.TempDir
                                                                     java.nio.file.Path dir) throws Exception {
        String az = FLEET + "/sub-a002-retail/az/";
        String[] input = {"report", "--from", az + "aks-show-aks-retail-prod-eus2.json",
            "--from", az + "network-vnet-list.json", "--from", az + "network-route-table-list.json",
            "--from", az + "lock-list.json", "--from", az + "network-nsg-list.json",
            "--from", az + "vm-list-usage-eastus2.json"};
        CliRun run = CliRun.of(concat(input, "--fail-on", "blocker"));
        assertThat(run.exitCode()).as("a check that could block and did not run counts").isEqualTo(3);
        assertThat(run.out()).contains("INCOMPLETE: 1", "ip-masq-agent-config (could be BLOCKER)");

        java.nio.file.Path waivers = dir.resolve("waivers.yaml");
        java.nio.file.Files.writeString(waivers, "version: 1\nwaivers:\n  - rule: ip-masq-agent-config\n"
                + "    cluster: {name: aks-retail-prod-eus2}\n    owner: platform@example.com\n"
                + "    expires: 2027-06-30\n    reason: checked by hand with kubectl\n");
        CliRun waived = CliRun.of(concat(input, "--fail-on", "warning", "--waivers", waivers.toString()));
        assertThat(waived.exitCode()).as(waived.out() + waived.err()).isZero();
    }

    private static String[] concat(String[] first, String... rest) {
        String[] all = java.util.Arrays.copyOf(first, first.length + rest.length);
        System.arraycopy(rest, 0, all, first.length, rest.length);
        return all;
    }
}
