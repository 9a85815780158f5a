package org.kubenetmigrate.executor.azure.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kubenetmigrate.executor.azure.AzureException;
import org.kubenetmigrate.executor.azure.ClusterOperations;
import org.kubenetmigrate.executor.azure.ObservedAgentPool;
import org.kubenetmigrate.executor.azure.ObservedCluster;
import org.kubenetmigrate.executor.azure.OperationHandle;
import org.kubenetmigrate.executor.azure.OperationStatus;
import org.kubenetmigrate.testsupport.AksSimulator;
import org.kubenetmigrate.testsupport.ResourceStore;

/**
 * What AKS does with the executor's writes, asserted through the executor's own {@link ClusterOperations} against
 * each front-end of the {@link AksSimulator}: one subclass per front-end. When a front-end drifts from the
 * simulator (or from the other front-end), its subclass fails here instead of both suites staying green.
 *
 * <p>The expectations follow Azure's documentation (the ManagedClusters_CreateOrUpdate REST reference and its
 * examples; https://learn.microsoft.com/azure/aks/update-azure-cni for the route tables) and the ARM conventions for
 * {@code If-Match} and {@code Azure-AsyncOperation}; what stays unconfirmed is listed on {@link AksSimulator}.
 */
abstract class AksContract {
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final String SUB = "00000000-0000-0000-0000-0000000000c7";
    static final String RG = "/subscriptions/" + SUB + "/resourceGroups/";
    static final String CLUSTER = RG + "rg-app/providers/Microsoft.ContainerService/managedClusters/aks-app";
    static final String NODE_RG = "MC_rg-app_aks-app_westeurope";
    static final String BYO_SUBNET = RG + "rg-net/providers/Microsoft.Network/virtualNetworks/vnet-app/subnets/nodes";
    static final String BYO_TABLE = RG + "rg-net/providers/Microsoft.Network/routeTables/rt-app";
    static final String MANAGED_SUBNET = RG + NODE_RG
            + "/providers/Microsoft.Network/virtualNetworks/aks-vnet-1/subnets/aks-subnet";
    static final String MANAGED_TABLE = RG + NODE_RG + "/providers/Microsoft.Network/routeTables/aks-agentpool-rt";
    static final String OTHER_SUBNET = RG + "rg-other/providers/Microsoft.Network/virtualNetworks/vnet-other/subnets/nodes";
    static final String OTHER_TABLE = RG + "rg-other/providers/Microsoft.Network/routeTables/rt-other";
    static final String ROUTES = "2024-05-01";
    static final String API = "2025-09-01";

    /** A front-end over a fresh simulator: what the executor calls, and the state machine behind it. */
    record FrontEnd(ClusterOperations azure, AksSimulator aks, AutoCloseable closer) {
    }

    FrontEnd frontEnd;
    ClusterOperations azure;
    AksSimulator aks;

    /** Starts the front-end under test over a new simulator with an empty store. */
    abstract FrontEnd start();

    @BeforeEach
    void startFrontEnd() {
        frontEnd = start();
        azure = frontEnd.azure();
        aks = frontEnd.aks().pollsPerOperation(2).rolloutReadsPerPool(2);
        seed(aks.store());
    }

    @AfterEach
    void stopFrontEnd() throws Exception {
        frontEnd.closer().close();
    }

    // --- ETags -----------------------------------------------------------------------------------------------------

    @Test
    void anUpdateWithTheEtagLastReadIsAcceptedAndTheClusterGetsANewEtag() throws Exception {
        ObservedCluster before = azure.getCluster(CLUSTER);

        OperationHandle handle = azure.beginPut(CLUSTER, API, before.etag().quoted(), overlay(before));

        assertThat(handle.operationUrl()).contains("/providers/Microsoft.ContainerService/locations/westeurope/operations/");
        assertThat(aks.etag(CLUSTER)).isNotEqualTo(before.etag().opaque());
    }

    @Test
    void anUpdateWithAStaleEtagIsRefusedWith412AndChangesNothing() throws Exception {
        ObservedCluster read = azure.getCluster(CLUSTER);
        aks.changeOutOfBand(CLUSTER, c -> c.with("tags").put("changed-by", "another-admin"));

        AzureException refused = catchThrowableOfType(AzureException.class,
                () -> azure.beginPut(CLUSTER, API, read.etag().quoted(), overlay(read)));

        assertThat(refused.status()).isEqualTo(412);
        assertThat(refused.code()).isEqualTo("PreconditionFailed");
        ObservedCluster after = azure.getCluster(CLUSTER);
        assertThat(after.json().at("/properties/networkProfile/networkPlugin").asText()).isEqualTo("kubenet");
        assertThat(state(after)).isEqualTo("Succeeded");
    }

    @Test
    void theEtagMatchesWithOrWithoutQuotesAndAStarMatchesAnyCluster() throws Exception {
        ObservedCluster read = azure.getCluster(CLUSTER);

        azure.beginPut(CLUSTER, API, read.etag().opaque(), tagged(read, "bare"));
        finishOperations();
        ObservedCluster second = azure.getCluster(CLUSTER);
        azure.beginPut(CLUSTER, API, "*", tagged(second, "star"));

        assertThat(aks.store().get(CLUSTER).orElseThrow().at("/tags/step").asText()).isEqualTo("star");
    }

    @Test
    void aReadOfAClusterThatDoesNotExistIs404ResourceNotFound() {
        AzureException missing = catchThrowableOfType(AzureException.class,
                () -> azure.getCluster(CLUSTER.replace("aks-app", "aks-gone")));

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.code()).isEqualTo("ResourceNotFound");
    }

    @Test
    void anAcceptedUpdateKeepsArmsReadOnlyFieldsAndFillsInTheIdsOfANewUserAssignedIdentity() throws Exception {
        ObservedCluster read = azure.getCluster(CLUSTER);
        ObjectNode body = tagged(read, "identity");
        ((ObjectNode) body.get("properties")).remove("fqdn");
        String uami = RG + "rg-app/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-app";
        body.putObject("identity").put("type", "UserAssigned").putObject("userAssignedIdentities").putObject(uami);

        poll(azure.beginPut(CLUSTER, API, read.etag().quoted(), body));

        JsonNode stored = azure.getCluster(CLUSTER).json();
        assertThat(stored.at("/properties/fqdn").asText()).isEqualTo("aks-app.hcp.example");
        JsonNode identity = stored.at("/identity/userAssignedIdentities").get(uami);
        assertThat(identity.path("principalId").asText()).isEqualTo(AksSimulator.principalIdOf(uami));
        assertThat(identity.path("clientId").asText()).isNotBlank();
    }

    // --- one operation at a time -----------------------------------------------------------------------------------

    @Test
    void anUpdateWhileAnOperationRunsIsRefusedWith409OperationNotAllowed() throws Exception {
        ObservedCluster read = azure.getCluster(CLUSTER);
        azure.beginPut(CLUSTER, API, null, tagged(read, "first"));

        AzureException refused = catchThrowableOfType(AzureException.class,
                () -> azure.beginPut(CLUSTER, API, null, tagged(read, "second")));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("OperationNotAllowed");
        assertThat(aks.store().get(CLUSTER).orElseThrow().at("/tags/step").asText()).isEqualTo("first");
    }

    @Test
    void aReadDuringTheOperationShowsUpdatingOnTheClusterAndItsPools() throws Exception {
        aks.pollsPerOperation(3);
        ObservedCluster read = azure.getCluster(CLUSTER);
        azure.beginPut(CLUSTER, API, read.etag().quoted(), tagged(read, "x"));

        ObservedCluster during = azure.getCluster(CLUSTER);

        assertThat(state(during)).isEqualTo("Updating");
        assertThat(during.etag().opaque()).isNotEqualTo(read.etag().opaque());
        assertThat(azure.getAgentPools(CLUSTER)).extracting(AksContract::state)
                .containsOnly("Updating");
    }

    // --- the policy refusal ----------------------------------------------------------------------------------------

    @Test
    void theOverlaySwitchWhileCalicoIsOnIsRefusedWith400ValidationError() throws Exception {
        ObservedCluster read = azure.getCluster(CLUSTER);
        ObjectNode body = overlay(read);
        ((ObjectNode) body.at("/properties/networkProfile")).put("networkPolicy", "calico");

        AzureException refused = catchThrowableOfType(AzureException.class,
                () -> azure.beginPut(CLUSTER, API, read.etag().quoted(), body));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("ValidationError");
        assertThat(azure.getCluster(CLUSTER).etag().opaque()).isEqualTo(read.etag().opaque());
    }

    @Test
    void theOverlaySwitchWithCiliumAsPolicyIsAccepted() throws Exception {
        ObservedCluster read = azure.getCluster(CLUSTER);
        ObjectNode body = overlay(read);
        ((ObjectNode) body.at("/properties/networkProfile")).put("networkPolicy", "cilium")
                .put("networkDataplane", "cilium");

        assertThat(azure.beginPut(CLUSTER, API, read.etag().quoted(), body).operationUrl()).isNotNull();
    }

    // --- the long-running operation --------------------------------------------------------------------------------

    @Test
    void theOperationIsInProgressUntilItsLastStepThenSucceeded() throws Exception {
        ObservedCluster read = azure.getCluster(CLUSTER);
        OperationHandle handle = azure.beginPut(CLUSTER, API, read.etag().quoted(), tagged(read, "x"));

        OperationStatus first = azure.pollOperation(handle);
        OperationStatus second = azure.pollOperation(handle);

        assertThat(first.state()).isEqualTo(OperationStatus.State.IN_PROGRESS);
        assertThat(second.state()).isEqualTo(OperationStatus.State.SUCCEEDED);
        assertThat(state(azure.getCluster(CLUSTER))).isEqualTo("Succeeded");
        assertThat(azure.getAgentPools(CLUSTER)).extracting(AksContract::state)
                .containsOnly("Succeeded");
    }

    @Test
    void aFailedOperationReportsTheAksErrorAndLeavesTheClusterFailed() throws Exception {
        aks.failNextOperation("NetworkPluginUpdateFailed", "Reimaging the node pool failed.");
        ObservedCluster read = azure.getCluster(CLUSTER);
        OperationHandle handle = azure.beginPut(CLUSTER, API, read.etag().quoted(), overlay(read));

        OperationStatus status = poll(handle);

        assertThat(status.state()).isEqualTo(OperationStatus.State.FAILED);
        assertThat(status.errorCode()).isEqualTo("NetworkPluginUpdateFailed");
        assertThat(status.errorMessage()).contains("Reimaging the node pool failed");
        assertThat(state(azure.getCluster(CLUSTER))).isEqualTo("Failed");
        assertThat(routes(BYO_TABLE)).as("a failed update leaves the routes").hasSize(3);
    }

    @Test
    void anOperationThatNeverEndsStaysInProgressAndKeepsRefusingWrites() throws Exception {
        aks.operationsNeverEnd(true);
        ObservedCluster read = azure.getCluster(CLUSTER);
        OperationHandle handle = azure.beginPut(CLUSTER, API, read.etag().quoted(), tagged(read, "x"));

        for (int i = 0; i < 5; i++) {
            assertThat(azure.pollOperation(handle).state()).isEqualTo(OperationStatus.State.IN_PROGRESS);
        }
        assertThat(catchThrowableOfType(AzureException.class,
                () -> azure.beginPut(CLUSTER, API, null, tagged(read, "y"))).status()).isEqualTo(409);
    }

    // --- what the plugin update does afterwards --------------------------------------------------------------------

    @Test
    void theOverlaySwitchPrunesTheKubenetPodRoutesFromTheByoRouteTableAndKeepsTheOthers() throws Exception {
        ObservedCluster read = azure.getCluster(CLUSTER);

        poll(azure.beginPut(CLUSTER, API, read.etag().quoted(), overlay(read)));

        assertThat(routes(BYO_TABLE)).containsExactly("0.0.0.0/0");
        assertThat(routes(OTHER_TABLE)).as("another VNet's table (another cluster's) is left alone")
                .containsExactly("10.244.7.0/24");
    }

    @Test
    void theOverlaySwitchDeletesTheAksManagedRouteTable() throws Exception {
        ObservedCluster read = azure.getCluster(CLUSTER);
        assertThat(azure.get(MANAGED_TABLE, ROUTES)).isPresent();

        poll(azure.beginPut(CLUSTER, API, read.etag().quoted(), overlay(read)));

        assertThat(azure.get(MANAGED_TABLE, ROUTES)).isEmpty();
    }

    @Test
    void anUpdateThatKeepsKubenetLeavesTheRouteTablesAlone() throws Exception {
        ObservedCluster read = azure.getCluster(CLUSTER);

        poll(azure.beginPut(CLUSTER, API, read.etag().quoted(), tagged(read, "x")));

        assertThat(routes(BYO_TABLE)).hasSize(3);
        assertThat(azure.get(MANAGED_TABLE, ROUTES)).isPresent();
    }

    @Test
    void afterTheOverlaySwitchEveryPoolIsReimagedOneAfterAnother() throws Exception {
        aks.rolloutReadsPerPool(3);
        ObservedCluster read = azure.getCluster(CLUSTER);
        poll(azure.beginPut(CLUSTER, API, read.etag().quoted(), overlay(read)));

        List<String> seen = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            seen.add(String.join(",", azure.getAgentPools(CLUSTER).stream()
                    .map(p -> p.name() + "=" + state(p)).toList()));
        }

        assertThat(seen.get(0)).isEqualTo("system=Upgrading,user=Upgrading");
        assertThat(seen).contains("system=Succeeded,user=Upgrading").last()
                .isEqualTo("system=Succeeded,user=Succeeded");
        assertThat(azure.getAgentPools(CLUSTER)).extracting(p -> p.json().at("/properties/nodeImageVersion").asText())
                .allMatch(v -> !v.equals("AKSUbuntu-2204gen2containerd-202509.23.0"));
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    /** Polls until the operation ends (at most 20 times). */
    OperationStatus poll(OperationHandle handle) throws AzureException {
        OperationStatus status = azure.pollOperation(handle);
        for (int i = 0; i < 20 && !status.done(); i++) {
            status = azure.pollOperation(handle);
        }
        assertThat(status.done()).as("the operation ended").isTrue();
        return status;
    }

    /** Reads the cluster until its operation has ended. */
    void finishOperations() throws AzureException {
        for (int i = 0; i < 20 && !"Succeeded".equals(state(azure.getCluster(CLUSTER))); i++) {
            assertThat(i).isLessThan(19);
        }
    }

    /** The provisioning state as ARM wrote it. */
    static String state(ObservedCluster cluster) {
        return cluster.json().at("/properties/provisioningState").asText();
    }

    static String state(ObservedAgentPool pool) {
        return pool.json().at("/properties/provisioningState").asText();
    }

    List<String> routes(String tableId) throws AzureException {
        JsonNode table = azure.get(tableId, ROUTES).orElseThrow().json();
        List<String> prefixes = new ArrayList<>();
        table.at("/properties/routes").forEach(r -> prefixes.add(r.at("/properties/addressPrefix").asText()));
        return prefixes;
    }

    /** The cluster as read, with a tag changed: an update that keeps the network as it is. */
    static ObjectNode tagged(ObservedCluster read, String step) {
        ObjectNode body = read.json().deepCopy();
        body.with("tags").put("step", step);
        return body;
    }

    /** The cluster as read, switched to Azure CNI Overlay without a network policy (the executor's first write). */
    static ObjectNode overlay(ObservedCluster read) {
        ObjectNode body = read.json().deepCopy();
        ((ObjectNode) body.at("/properties/networkProfile")).put("networkPlugin", "azure")
                .put("networkPluginMode", "overlay").put("networkPolicy", "none");
        return body;
    }

    /**
     * A kubenet cluster with two pools on a bring-your-own subnet whose route table holds two pod routes and a
     * default route to a firewall; an AKS-managed route table in the node resource group (on the managed VNet's
     * subnet); and another cluster's route table in another VNet, with a route inside the same pod CIDR. ARM's
     * shapes as in the REST reference's examples (fields under {@code properties}, the body's
     * {@code eTag} bare).
     */
    static void seed(ResourceStore store) {
        ObjectNode cluster = MAPPER.createObjectNode().put("id", CLUSTER).put("name", "aks-app")
                .put("type", "Microsoft.ContainerService/ManagedClusters").put("location", "westeurope")
                .put("eTag", "00000000-0000-0000-0000-0000000000e1");
        ObjectNode props = cluster.putObject("properties").put("provisioningState", "Succeeded")
                .put("kubernetesVersion", "1.31.5").put("nodeResourceGroup", NODE_RG).put("fqdn", "aks-app.hcp.example");
        props.putObject("networkProfile").put("networkPlugin", "kubenet").put("networkPolicy", "none")
                .put("podCidr", "10.244.0.0/16").put("serviceCidr", "10.0.0.0/16").put("dnsServiceIP", "10.0.0.10");
        ArrayNode pools = props.putArray("agentPoolProfiles");
        for (String name : List.of("system", "user")) {
            pools.addObject().put("name", name).put("count", 3).put("vmSize", "Standard_D4s_v5")
                    .put("mode", name.equals("system") ? "System" : "User").put("vnetSubnetID", BYO_SUBNET)
                    .put("provisioningState", "Succeeded")
                    .put("nodeImageVersion", "AKSUbuntu-2204gen2containerd-202509.23.0");
        }
        store.put(cluster);
        store.put(vnet(RG + "rg-net/providers/Microsoft.Network/virtualNetworks/vnet-app", subnet(BYO_SUBNET, BYO_TABLE)));
        store.put(vnet(RG + "rg-other/providers/Microsoft.Network/virtualNetworks/vnet-other",
                subnet(OTHER_SUBNET, OTHER_TABLE)));
        store.put(vnet(RG + NODE_RG + "/providers/Microsoft.Network/virtualNetworks/aks-vnet-1",
                subnet(MANAGED_SUBNET, MANAGED_TABLE)));
        store.put(routeTable(BYO_TABLE, "10.244.0.0/24", "10.244.1.0/24", "0.0.0.0/0"));
        store.put(routeTable(MANAGED_TABLE, "10.244.2.0/24"));
        store.put(routeTable(OTHER_TABLE, "10.244.7.0/24"));
    }

    private static ObjectNode subnet(String id, String routeTable) {
        ObjectNode subnet = MAPPER.createObjectNode().put("id", id).put("name", id.substring(id.lastIndexOf('/') + 1));
        subnet.putObject("properties").put("addressPrefix", "10.10.0.0/24").putObject("routeTable").put("id", routeTable);
        return subnet;
    }

    private static ObjectNode vnet(String id, ObjectNode... subnets) {
        ObjectNode vnet = MAPPER.createObjectNode().put("id", id).put("name", id.substring(id.lastIndexOf('/') + 1))
                .put("type", "Microsoft.Network/virtualNetworks").put("etag", "W/\"vnet\"");
        ArrayNode list = vnet.putObject("properties").putArray("subnets");
        for (ObjectNode subnet : subnets) {
            list.add(subnet);
        }
        return vnet;
    }

    private static ObjectNode routeTable(String id, String... prefixes) {
        ObjectNode table = MAPPER.createObjectNode().put("id", id).put("name", id.substring(id.lastIndexOf('/') + 1))
                .put("type", "Microsoft.Network/routeTables").put("location", "westeurope").put("etag", "W/\"rt\"");
        ArrayNode routes = table.putObject("properties").putArray("routes");
        for (int i = 0; i < prefixes.length; i++) {
            routes.addObject().put("name", "route-" + i).put("id", id + "/routes/route-" + i).putObject("properties")
                    .put("addressPrefix", prefixes[i]).put("nextHopType", "VirtualAppliance")
                    .put("nextHopIpAddress", "10.10.0." + (4 + i));
        }
        return table;
    }
}
