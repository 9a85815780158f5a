package org.kubenetmigrate.executor.azure.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.kubenetmigrate.executor.azure.AzureException;
import org.kubenetmigrate.executor.azure.ClusterOperationsProvider;
import org.kubenetmigrate.executor.azure.ObservedCluster;
import org.kubenetmigrate.executor.azure.OperationHandle;
import org.kubenetmigrate.executor.azure.OperationStatus;
import org.kubenetmigrate.planner.inventory.AzureTarget;
import org.kubenetmigrate.testsupport.FakeArm;
import org.kubenetmigrate.testsupport.FakeResponse;
import org.kubenetmigrate.testsupport.Fault;
import org.kubenetmigrate.testsupport.ManagedClusterWrites;
import org.kubenetmigrate.testsupport.RecordedRequest;

/** The adapter against the fake ARM over HTTPS with the real credential and pipeline: HTTP outcomes to kinds. */
@Tag("slow")
class SdkClusterOperationsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String SUB = "00000000-0000-0000-0000-0000000000aa";
    private static final String ID = "/subscriptions/" + SUB + "/resourceGroups/rg/providers/"
            + "Microsoft.ContainerService/managedClusters/aks1";

    FakeArm fake;
    ManagedClusterWrites writes;
    SdkClusterOperations azure;

    @BeforeEach
    void setUp() {
        fake = FakeArm.start();
        writes = ManagedClusterWrites.install(fake).pollsPerOperation(2);
        ObjectNode cluster = MAPPER.createObjectNode().put("id", ID).put("name", "aks1").put("location", "westeurope")
                .put("type", "Microsoft.ContainerService/ManagedClusters").put("eTag", "etag-0");
        ObjectNode props = cluster.putObject("properties").put("provisioningState", "Succeeded")
                .put("fqdn", "aks1.hcp.example").put("nodeResourceGroup", "MC_rg_aks1_westeurope");
        props.putObject("networkProfile").put("networkPlugin", "kubenet").put("networkPolicy", "none")
                .put("podCidr", "10.244.0.0/16");
        props.putArray("agentPoolProfiles").addObject().put("name", "system").put("count", 3)
                .put("provisioningState", "Succeeded").put("vmSize", "Standard_D4s_v5");
        fake.resources().put(cluster);
        azure = SdkAgainstFakeArm.clusterOperations(fake, 2, "app test");
    }

    @AfterEach
    void tearDown() {
        fake.close();
    }

    private List<RecordedRequest> puts() {
        return fake.requests().stream().filter(r -> r.method().equals("PUT")).toList();
    }

    private JsonNode overlay(ObservedCluster current) {
        ObjectNode body = (ObjectNode) current.json().deepCopy();
        ((ObjectNode) body.at("/properties/networkProfile")).put("networkPlugin", "azure").put("networkPluginMode", "overlay");
        return body;
    }

    @Test
    void aClusterReadCarriesTheEtagHeaderAndRequestId() throws Exception {
        ObservedCluster cluster = azure.getCluster(ID);

        // The fake writes the header as HTTP does (quoted) and the body's eTag bare, as AKS documents it.
        assertThat(cluster.etag().wire()).isEqualTo("\"etag-0\"");
        assertThat(cluster.json().path("eTag").asText()).isEqualTo("etag-0");
        assertThat(cluster.network().plugin()).hasToString("kubenet");
        assertThat(cluster.requestId()).isNotBlank();
        assertThat(fake.requests()).filteredOn(r -> r.path().equals(ID)).first()
                .satisfies(r -> assertThat(r.apiVersion()).isEqualTo("2025-09-01"));
    }

    @Test
    void roleAssignmentsAreListedAtAScopeWithAnODataFilterAndRoleDefinitionsReadByIdOverHttps() throws Exception {
        String subnet = "/subscriptions/" + SUB + "/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/"
                + "vnet/subnets/nodes";
        String role = "/providers/Microsoft.Authorization/roleDefinitions/4d97b98b-1d4f-4787-a291-c67834d212e7";
        fake.resources().put(MAPPER.readTree("{\"id\":\"/subscriptions/" + SUB + "/resourceGroups/rg-net/providers/"
                + "Microsoft.Authorization/roleAssignments/b0f43c54\",\"type\":\"Microsoft.Authorization/roleAssignments\","
                + "\"name\":\"b0f43c54\",\"properties\":{\"roleDefinitionId\":\"" + role + "\",\"principalId\":\"p-1\","
                + "\"principalType\":\"ServicePrincipal\",\"scope\":\"/subscriptions/" + SUB + "/resourceGroups/rg-net\"}}"));
        fake.resources().put(MAPPER.readTree("{\"id\":\"" + role + "\",\"type\":\"Microsoft.Authorization/roleDefinitions\","
                + "\"name\":\"4d97b98b-1d4f-4787-a291-c67834d212e7\",\"properties\":{\"roleName\":\"Network Contributor\","
                + "\"type\":\"BuiltInRole\",\"permissions\":[{\"actions\":[\"Microsoft.Network/*\"],\"notActions\":[]}]}}"));

        var inherited = azure.list(subnet + "/providers/Microsoft.Authorization/roleAssignments", "2022-04-01",
                "principalId eq 'p-1'").orElseThrow().json();
        var someoneElse = azure.list(subnet + "/providers/Microsoft.Authorization/roleAssignments", "2022-04-01",
                "principalId eq 'p-2'").orElseThrow().json();
        var definition = azure.get(role, "2022-04-01").orElseThrow().json();

        assertThat(inherited.path("value")).hasSize(1);
        assertThat(someoneElse.path("value")).isEmpty();
        assertThat(definition.at("/properties/roleName").asText()).isEqualTo("Network Contributor");
        assertThat(fake.requests()).filteredOn(r -> r.path().endsWith("/roleAssignments")).first()
                .satisfies(r -> assertThat(r.queryParams()).containsEntry("$filter", "principalId eq 'p-1'")
                        .containsEntry("api-version", "2022-04-01"));
    }

    @Test
    void everyPageOfAgentPoolsIsRead() throws Exception {
        String page2 = fake.baseUrl().replaceAll("/$", "") + ID + "/agentPools?api-version=2025-09-01&page=2";
        fake.route("GET", ID.replace(".", "\\.") + "/agentPools", (req, m) -> req.query().contains("page=2")
                ? FakeResponse.ok(MAPPER.createObjectNode().set("value", MAPPER.createArrayNode()
                        .add(MAPPER.createObjectNode().put("name", "user").set("properties",
                                MAPPER.createObjectNode().put("provisioningState", "Succeeded")))))
                : FakeResponse.ok(((ObjectNode) MAPPER.createObjectNode().set("value", MAPPER.createArrayNode()
                        .add(MAPPER.createObjectNode().put("name", "system")))).put("nextLink", page2)));

        assertThat(azure.getAgentPools(ID)).extracting(p -> p.name()).containsExactly("system", "user");
    }

    @Test
    void beginPutReturnsTheOperationBeforeItEndsAndPollsFollowIt() throws Exception {
        ObservedCluster current = azure.getCluster(ID);

        OperationHandle handle = azure.beginPut(ID, "2025-09-01", current.etag().wire(), overlay(current));

        assertThat(handle.operationUrl()).contains("/operations/mc-");
        assertThat(handle.retryAfterHint()).contains(Duration.ofSeconds(1));
        RecordedRequest put = puts().get(0);
        assertThat(put.header("if-match")).contains("\"etag-0\"");
        JsonNode sent = MAPPER.readTree(put.body());
        assertThat(sent.at("/properties/provisioningState").isMissingNode()).isTrue();
        assertThat(sent.at("/properties/fqdn").isMissingNode()).isTrue();
        assertThat(sent.has("eTag")).isFalse();
        assertThat(sent.at("/properties/networkProfile/networkPluginMode").asText()).isEqualTo("overlay");
        assertThat(azure.pollOperation(handle).state()).isEqualTo(OperationStatus.State.IN_PROGRESS);
        assertThat(azure.pollOperation(handle).state()).isEqualTo(OperationStatus.State.SUCCEEDED);
    }

    @Test
    void aFailedOperationCarriesTheAksErrorCode() throws Exception {
        writes.simulator().pollsPerOperation(1).failNextOperation("NetworkPluginUpdateFailed", "pool reimage failed");
        ObservedCluster current = azure.getCluster(ID);
        OperationHandle handle = azure.beginPut(ID, "2025-09-01", current.etag().wire(), overlay(current));

        OperationStatus status = azure.pollOperation(handle);

        assertThat(status.state()).isEqualTo(OperationStatus.State.FAILED);
        assertThat(status.errorCode()).isEqualTo("NetworkPluginUpdateFailed");
        assertThat(status.errorMessage()).isEqualTo("pool reimage failed");
    }

    @Test
    void aStaleIfMatchIs412AndChangesNothing() throws Exception {
        ObservedCluster current = azure.getCluster(ID);

        AzureException e = catchThrowableOfType(AzureException.class,
                () -> azure.beginPut(ID, "2025-09-01", "etag-old", overlay(current)));

        assertThat(e.kind()).isEqualTo(AzureException.Kind.PRECONDITION_FAILED);
        assertThat(e.code()).isEqualTo("PreconditionFailed");
        assertThat(azure.getCluster(ID).network().plugin()).hasToString("kubenet");
    }

    @Test
    void aPutWhileAnOperationRunsIs409() throws Exception {
        ObservedCluster current = azure.getCluster(ID);
        azure.beginPut(ID, "2025-09-01", current.etag().wire(), overlay(current));
        ObservedCluster updating = ObservedCluster.of(fake.resources().get(ID).orElseThrow(), null, null);

        AzureException e = catchThrowableOfType(AzureException.class,
                () -> azure.beginPut(ID, "2025-09-01", updating.etag().wire(), overlay(updating)));

        assertThat(e.kind()).isEqualTo(AzureException.Kind.CONFLICT);
    }

    @Test
    void aThrottledPutIsOneRequestReportedWithItsRetryAfter() throws Exception {
        ObservedCluster current = azure.getCluster(ID);
        fake.fault(r -> r.method().equals("PUT"), Fault.throttle(17), 5);

        AzureException e = catchThrowableOfType(AzureException.class,
                () -> azure.beginPut(ID, "2025-09-01", current.etag().wire(), overlay(current)));

        assertThat(e.kind()).isEqualTo(AzureException.Kind.THROTTLED);
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(17));
        assertThat(puts()).hasSize(1);
    }

    @Test
    void aServerErrorOnPutIsOneRequestWhileAReadIsRetriedByThePipeline() throws Exception {
        ObservedCluster current = azure.getCluster(ID);
        fake.fault(r -> r.method().equals("PUT"), Fault.status(503), 5);
        fake.fault(r -> r.method().equals("GET") && r.path().equals(ID), Fault.status(503), 1);

        AzureException e = catchThrowableOfType(AzureException.class,
                () -> azure.beginPut(ID, "2025-09-01", current.etag().wire(), overlay(current)));
        assertThat(e.kind()).isEqualTo(AzureException.Kind.SERVER_ERROR);
        assertThat(puts()).hasSize(1);

        assertThat(azure.getCluster(ID).etag().opaque()).isEqualTo("etag-0");
    }

    @Test
    void aDroppedConnectionIsATransportFailureAndThePutIsNotRepeated() throws Exception {
        ObservedCluster current = azure.getCluster(ID);
        fake.fault(r -> r.method().equals("PUT"), Fault.dropAfterHandling(), 5);

        AzureException e = catchThrowableOfType(AzureException.class,
                () -> azure.beginPut(ID, "2025-09-01", current.etag().wire(), overlay(current)));

        assertThat(e.kind()).isEqualTo(AzureException.Kind.TRANSPORT);
        assertThat(e.getMessage()).doesNotContain(FakeArm.CLIENT_SECRET);
        assertThat(puts()).hasSize(1);
    }

    @Test
    void aMissingResourceIsEmptyForGenericReadsAnd404ForTheCluster() throws Exception {
        String missing = "/subscriptions/" + SUB + "/resourceGroups/rg/providers/Microsoft.Network/routeTables/none";
        assertThat(azure.get(missing, "2025-03-01")).isEmpty();
        AzureException e = catchThrowableOfType(AzureException.class, () -> azure.getCluster(ID + "x"));
        assertThat(e.kind()).isEqualTo(AzureException.Kind.NOT_FOUND);
    }

    @Test
    void theProviderIsFoundOnTheClassPath() {
        assertThat(ClusterOperationsProvider.discover()).isInstanceOf(SdkClusterOperationsProvider.class);
        assertThat(ClusterOperationsProvider.discover().withSignIn(new AzureTarget(null, null, null, null)))
                .isInstanceOf(SdkClusterOperationsProvider.class);
    }
}
