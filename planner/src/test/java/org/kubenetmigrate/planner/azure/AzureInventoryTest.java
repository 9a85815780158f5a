package org.kubenetmigrate.planner.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kubenetmigrate.planner.azure.LiveFixture.A001;
import static org.kubenetmigrate.planner.azure.LiveFixture.A002;
import static org.kubenetmigrate.planner.azure.LiveFixture.A003;
import static org.kubenetmigrate.planner.azure.LiveFixture.CLOCK;

import com.azure.core.http.HttpClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kubenetmigrate.planner.assessment.ClusterAssessment;
import org.kubenetmigrate.planner.assessment.FleetAssessment;
import org.kubenetmigrate.planner.commands.AssessFleet;
import org.kubenetmigrate.planner.commands.PlanCluster;
import org.kubenetmigrate.planner.input.FleetReader;
import org.kubenetmigrate.planner.inventory.AzureTarget;
import org.kubenetmigrate.planner.inventory.InventoryException;
import org.kubenetmigrate.planner.inventory.InventoryProgress;
import org.kubenetmigrate.planner.inventory.Scope;
import org.kubenetmigrate.planner.inventory.Snapshot;
import org.kubenetmigrate.planner.model.Fleet;
import org.kubenetmigrate.planner.model.MigrationOptions;
import org.kubenetmigrate.planner.planfile.PlanCodec;
import org.kubenetmigrate.planner.report.AssessmentJson;
import org.kubenetmigrate.planner.rules.Unverified;
import org.kubenetmigrate.testsupport.FakeArm;
import org.kubenetmigrate.testsupport.Fault;
import org.kubenetmigrate.testsupport.FaultRule;
import org.kubenetmigrate.testsupport.RecordedRequest;
import org.kubenetmigrate.testsupport.SdkClients;

/** The live inventory with the real Azure SDK over HTTPS against the fake ARM holding the example fleet. */
@Tag("slow")
class AzureInventoryTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    FakeArm fake;

    @TempDir
    Path dir;

    @BeforeEach
    void start() {
        fake = LiveFixture.fakeWithExampleFleet();
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private Snapshot scan() throws InventoryException {
        return LiveFixture.inventory(fake, LiveFixture.fastSettings()).fleet(Scope.ALL_VISIBLE, InventoryProgress.NONE);
    }

    private static FleetAssessment assess(Fleet fleet) {
        return new AssessFleet(CLOCK).run(fleet, MigrationOptions.DEFAULTS);
    }

    private static Map<String, String> verdicts(FleetAssessment assessment) {
        Map<String, String> verdicts = new TreeMap<>();
        assessment.clusters().forEach(c -> verdicts.put(c.cluster().name(), c.readiness().name()));
        return verdicts;
    }

    private static ClusterAssessment cluster(FleetAssessment assessment, String name) {
        return assessment.clusters().stream().filter(c -> c.cluster().name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void liveScanGivesTheSameVerdictsAsTheExportedFiles() throws Exception {
        Map<String, String> offline = verdicts(assess(new FleetReader().read(List.of(LiveFixture.EXAMPLES))));
        Snapshot snapshot = scan();
        Map<String, String> live = verdicts(assess(LiveFixture.read(snapshot)));
        // A live scan reads no effective routes (a node NIC's POST effectiveRouteTable is not part of it), so the
        // hub-transit check of aks-branch-sea stays unverified there; the files add that NIC's table.
        assertThat(live).hasSize(33).containsEntry(BRANCH, "INCOMPLETE");
        offline.put(BRANCH, "INCOMPLETE");
        assertThat(live).isEqualTo(offline);
        assertThat(cluster(assess(LiveFixture.read(snapshot)), BRANCH).unverified())
                .filteredOn(u -> u.check().equals("hub-transit")).singleElement()
                .satisfies(u -> assertThat(u.reason()).contains("az network nic show-effective-route-table"));
        assertThat(snapshot.metadata().typesRead()).extracting(Snapshot.TypeRead::type)
                .contains("Microsoft.Authorization/locks", "Microsoft.Network/networkSecurityGroups");
    }

    static final String BRANCH = "aks-branch-sea";

    @Test
    void forbiddenLocksBecomeUnverifiedNamingTheActionAndTheRestStays() throws Exception {
        fake.resources().denyType(A002, "Microsoft.Authorization/locks", "Microsoft.Authorization/locks/read");

        Snapshot snapshot = scan();
        FleetAssessment after = assess(LiveFixture.read(snapshot));

        assertThat(snapshot.metadata().unverified()).filteredOn(u -> "Microsoft.Authorization/locks".equals(u.check()))
                .singleElement().satisfies(u -> {
                    assertThat(u.resourceId()).isEqualToIgnoringCase("/subscriptions/" + A002);
                    assertThat(u.missingAction()).isEqualTo("Microsoft.Authorization/locks/read");
                });
        ClusterAssessment prod = cluster(after, "aks-retail-prod-eus2");
        assertThat(prod.readiness().name()).isEqualTo("INCOMPLETE");
        assertThat(prod.unverified()).filteredOn(u -> u.check().equals("resource-lock")).singleElement()
                .satisfies(u -> assertThat(u.reason()).contains("Microsoft.Authorization/locks/read"));
        // Locks of the other subscriptions were read: their clusters' lock checks ran.
        assertThat(cluster(after, "aks-payments-prod-weu").unverified()).extracting(u -> u.check())
                .doesNotContain("resource-lock");
    }

    @Test
    void fleetScanPagesThroughResourceGraphWithSkipTokens() throws Exception {
        fake.resourceGraph().pageSize(5);
        Snapshot snapshot = scan();

        List<RecordedRequest> graph = fake.requests().stream().filter(RecordedRequest::isResourceGraph).toList();
        List<JsonNode> bodies = graph.stream().map(r -> parse(r.body())).toList();
        long clusterPages = bodies.stream().filter(b -> b.path("query").asText().contains("managedclusters")).count();
        assertThat(clusterPages).as("33 clusters in pages of 5").isEqualTo(7);
        assertThat(bodies.stream().filter(b -> b.path("options").has("$skipToken")).count()).isGreaterThanOrEqualTo(4);
        assertThat(graph).allSatisfy(r -> assertThat(r.apiVersion()).isEqualTo("2021-03-01"));
        assertThat(snapshot.resources().stream().filter(r -> r.path("type").asText().endsWith("managedclusters")))
                .hasSize(33);
        assertThat(snapshot.metadata().queries()).anySatisfy(q -> assertThat(q.requests()).isEqualTo(7));
    }

    @Test
    void fleetScanCostsAFewRequestsNotOnePerCluster() throws Exception {
        scan();
        // subscriptions + Resource Graph for clusters, VNets, route tables and NSGs; the example fleet references
        // nothing outside them except the two deliberately absent VNets, each read once through ARM (404); then one
        // lock list per subscription (3) and one usage list per subscription and region of kubenet clusters (5):
        // neither grows with the number of clusters.
        assertThat(fake.armRequests()).hasSize(1 + 4 + 2 + 3 + 5);
        assertThat(fake.armRequests()).filteredOn(r -> r.path().endsWith("/providers/Microsoft.Authorization/locks"))
                .hasSize(3);
        assertThat(fake.armRequests()).filteredOn(r -> r.path().endsWith("/usages")).hasSize(5);
        assertThat(fake.armRequests().stream().filter(r -> r.method().equals("GET") && r.path().contains("virtualNetworks")))
                .extracting(RecordedRequest::path).containsExactlyInAnyOrder(
                        "/subscriptions/" + A003 + "/resourceGroups/rg-network-spoke-neu/providers/Microsoft.Network/virtualNetworks/vnet-spoke-observability-neu",
                        "/subscriptions/" + A003 + "/resourceGroups/rg-legacy-cni/providers/Microsoft.Network/virtualNetworks/vnet-legacy-cni-sea");
    }

    @Test
    void forbiddenRouteTablesInOneSubscriptionBecomeUnverifiedChecksNamingTheAction() throws Exception {
        FleetAssessment before = assess(LiveFixture.read(scan()));
        fake.resources().denyType(A001, "Microsoft.Network/routeTables", "Microsoft.Network/routeTables/read");

        Snapshot snapshot = scan();
        FleetAssessment after = assess(LiveFixture.read(snapshot));

        assertThat(snapshot.metadata().unverified()).filteredOn(u -> u.missingAction() != null).isNotEmpty().allSatisfy(u -> {
            assertThat(u.resourceId()).containsIgnoringCase("/subscriptions/" + A001).containsIgnoringCase("routeTables");
            assertThat(u.missingAction()).isEqualTo("Microsoft.Network/routeTables/read");
        });
        ClusterAssessment prod = cluster(after, "aks-payments-prod-weu");
        assertThat(prod.unverified()).extracting(Unverified::check).contains("route-table-shared", "route-table-egress");
        assertThat(prod.unverified()).filteredOn(u -> u.check().equals("route-table-shared"))
                .allSatisfy(u -> assertThat(u.reason()).contains("Microsoft.Network/routeTables/read", "rt-aks-payments-prod-weu"));
        assertThat(prod.readiness().name()).isEqualTo("INCOMPLETE");
        // The rest of the fleet is intact: every cluster outside a001 keeps its verdict.
        before.clusters().stream().filter(c -> !c.cluster().subscriptionId().equalsIgnoreCase(A001)).forEach(c ->
                assertThat(cluster(after, c.cluster().name()).readiness()).as(c.cluster().name()).isEqualTo(c.readiness()));
        assertThat(after.clusters()).hasSize(33);
    }

    @Test
    void throttledQueryIsRetriedOnlyAfterRetryAfter() throws Exception {
        FaultRule throttle = fake.fault(RecordedRequest::isResourceGraph, Fault.throttle(1), 1);
        scan();
        assertThat(throttle.applied()).isEqualTo(1);
        List<RecordedRequest> graph = fake.requests().stream().filter(RecordedRequest::isResourceGraph).toList();
        Duration gap = Duration.between(graph.get(0).at(), graph.get(1).at());
        assertThat(gap).as("second Resource Graph request after Retry-After: 1").isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void transientFailuresAreRetriedByTheSdkOnce() throws Exception {
        fake.fault(RecordedRequest::isResourceGraph, Fault.status(503), 1);
        fake.fault(r -> r.path().contains("vnet-spoke-observability-neu"), Fault.drop(), 1);
        Snapshot snapshot = scan();
        assertThat(snapshot.metadata().subscriptionsFailed()).isEmpty();
        assertThat(verdicts(assess(LiveFixture.read(snapshot)))).hasSize(33);
    }

    @Test
    void aSubscriptionWhoseEveryCallFailsIsReportedAndTheScanFinishes() throws Exception {
        fake.fault(r -> r.mentionsSubscription(A002), Fault.status(500), FaultRule.FOREVER);

        Snapshot snapshot = scan();

        assertThat(snapshot.metadata().subscriptionsFailed()).singleElement().satisfies(f -> {
            assertThat(f.subscriptionId()).isEqualTo(A002);
            assertThat(f.error()).contains("500");
        });
        FleetAssessment assessment = assess(LiveFixture.read(snapshot));
        assertThat(assessment.clusters()).isNotEmpty().allSatisfy(c ->
                assertThat(c.cluster().subscriptionId()).isIn(A001, A003));
        assertThat(assessment.clusters()).hasSize(24);
        Map<String, String> offline = verdicts(assess(new FleetReader().read(List.of(LiveFixture.EXAMPLES))));
        offline.put(BRANCH, "INCOMPLETE");
        verdicts(assessment).forEach((name, verdict) -> assertThat(verdict).as(name).isEqualTo(offline.get(name)));
    }

    @Test
    void snapshotFileRoundTripGivesTheIdenticalAssessment() throws Exception {
        fake.resources().denyType(A003, "Microsoft.Network/virtualNetworks", "Microsoft.Network/virtualNetworks/read");
        Snapshot snapshot = scan();
        Path file = dir.resolve("snapshot.json");
        Files.writeString(file, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(snapshot.toJson()));

        // Identical except where each resource was read from ("(live)" versus the file).
        JsonNode live = withoutSources(AssessmentJson.fleet(assess(LiveFixture.read(snapshot))));
        JsonNode saved = withoutSources(AssessmentJson.fleet(assess(new FleetReader().read(List.of(file)))));

        assertThat(saved).isEqualTo(live);
        assertThat(live.toString()).contains("Microsoft.Network/virtualNetworks/read");
    }

    @Test
    void deepReadOfOneClusterHasItsEtagPoolsNetworkAndRouteTable() throws Exception {
        AzureInventory inventory = LiveFixture.inventory(fake, LiveFixture.fastSettings());
        fake.clearRequests();
        Snapshot snapshot = inventory.cluster("aks-payments-prod-weu", Scope.ALL_VISIBLE, InventoryProgress.NONE);

        assertThat(snapshot.resources()).extracting(r -> r.path("type").asText()).contains(
                "Microsoft.ContainerService/managedClusters", "Microsoft.ContainerService/managedClusters/agentPools",
                "Microsoft.Network/virtualNetworks", "Microsoft.Network/routeTables");
        assertThat(snapshot.resources().get(0).path("eTag").asText()).isEqualTo("00000000-0000-0000-0000-0000000e7a01");
        assertThat(fake.armRequests()).filteredOn(r -> r.method().equals("GET") && r.path().contains("managedClusters"))
                .allSatisfy(r -> assertThat(r.apiVersion()).isEqualTo("2025-09-01"));
        assertThat(fake.armRequests()).filteredOn(r -> r.path().contains("Microsoft.Network"))
                .allSatisfy(r -> assertThat(r.apiVersion()).isEqualTo("2025-03-01"));

        Path file = dir.resolve("cluster.json");
        Files.writeString(file, snapshot.toJson().toString());
        PlanCluster planner = new PlanCluster(CLOCK);
        JsonNode live = withoutSource(PlanCodec.write(planner.run(LiveFixture.read(snapshot), "aks-payments-prod-weu", MigrationOptions.DEFAULTS), CLOCK.instant()));
        JsonNode saved = withoutSource(PlanCodec.write(planner.run(new FleetReader().read(List.of(file)), "aks-payments-prod-weu", MigrationOptions.DEFAULTS), CLOCK.instant()));
        assertThat(saved).isEqualTo(live);
        // Nothing else stands in the way; only the in-cluster ip-masq-agent check was not run.
        assertThat(live.path("readiness").asText()).isEqualTo("INCOMPLETE");
        assertThat(live.path("unverified").findValuesAsText("check")).containsExactly("ip-masq-agent-config");
    }

    @Test
    void deepReadOfAnUnknownClusterSaysSo() {
        AzureInventory inventory = LiveFixture.inventory(fake, LiveFixture.fastSettings());
        assertThatThrownBy(() -> inventory.cluster("aks-nope", Scope.ALL_VISIBLE, InventoryProgress.NONE))
                .isInstanceOf(InventoryException.class).hasMessageContaining("no cluster named 'aks-nope'")
                .extracting(e -> ((InventoryException) e).kind()).isEqualTo(InventoryException.Kind.NOT_FOUND);
    }

    @Test
    void aWrongSecretIsASignInFailure() {
        fake.requireAuthorization(true);
        AzureInventory inventory = LiveFixture.inventory(fake, LiveFixture.fastSettings());
        fake.fault(RecordedRequest::isTokenRequest, Fault.respond(401, Map.of("Content-Type", "application/json"),
                "{\"error\":\"invalid_client\",\"error_description\":\"AADSTS7000215: Invalid client secret provided.\"}"),
                FaultRule.FOREVER);
        assertThatThrownBy(() -> inventory.fleet(Scope.ALL_VISIBLE, InventoryProgress.NONE))
                .isInstanceOf(InventoryException.class)
                .satisfies(e -> assertThat(((InventoryException) e).kind()).as(e.getMessage() + " / " + e.getCause()).isEqualTo(InventoryException.Kind.SIGN_IN));
    }

    @Test
    void aFailingTokenEndpointIsAskedThreeTimesThenTheSignInFails() {
        fake.fault(RecordedRequest::isTokenRequest, Fault.status(503), FaultRule.FOREVER);
        System.setProperty("AZURE_CLIENT_ID", FakeArm.CLIENT_ID);
        System.setProperty("AZURE_CLIENT_SECRET", FakeArm.CLIENT_SECRET);
        try {
            URI base = URI.create(fake.baseUrl());
            AzureTarget target = new AzureTarget("AzureCloud", base, base, FakeArm.TENANT);
            HttpClient http = SdkClients.trustingFakeArm();
            AzureSession session = new AzureSession(target, LiveFixture.fastSettings(), http,
                    AzureSession.credential(target, http));

            assertThatThrownBy(session::checkSignIn).isInstanceOf(InventoryException.class)
                    .extracting(e -> ((InventoryException) e).kind()).isEqualTo(InventoryException.Kind.SIGN_IN);
            // The first request and the two retries of AzureSession.SIGN_IN_RETRY; nothing else reached ARM.
            assertThat(fake.requests()).filteredOn(RecordedRequest::isTokenRequest).hasSize(3);
            assertThat(fake.armRequests()).isEmpty();
        } finally {
            System.clearProperty("AZURE_CLIENT_ID");
            System.clearProperty("AZURE_CLIENT_SECRET");
        }
    }

    @Test
    void explicitSubscriptionScopeQueriesOnlyThose() throws Exception {
        Snapshot snapshot = LiveFixture.inventory(fake, LiveFixture.fastSettings())
                .fleet(new Scope(List.of(A003), null), InventoryProgress.NONE);
        JsonNode clustersQuery = fake.requests().stream().filter(RecordedRequest::isResourceGraph).map(r -> parse(r.body()))
                .filter(b -> b.path("query").asText().contains("managedclusters")).findFirst().orElseThrow();
        assertThat(clustersQuery.path("subscriptions")).hasSize(1);
        assertThat(assess(LiveFixture.read(snapshot)).clusters()).allSatisfy(c ->
                assertThat(c.cluster().subscriptionId()).isEqualTo(A003));
    }

    static JsonNode withoutSource(JsonNode plan) {
        ((com.fasterxml.jackson.databind.node.ObjectNode) plan).remove("source");
        return plan;
    }

    static JsonNode withoutSources(JsonNode report) {
        report.path("clusters").forEach(c -> ((com.fasterxml.jackson.databind.node.ObjectNode) c).remove("source"));
        return report;
    }

    private static JsonNode parse(String body) {
        try {
            return MAPPER.readTree(body);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
