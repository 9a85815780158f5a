package org.kubenetmigrate.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The write side of AKS, modelled once: managed clusters in a {@link ResourceStore}, their ETags, provisioning
 * states, long-running operations and what a network plugin update does afterwards. Two front-ends serve it: the
 * fake ARM over HTTPS ({@link ManagedClusterWrites}) and the executor's in-memory {@code ClusterOperations}; a
 * contract suite in the executor's tests asserts that both answer alike.
 *
 * <ul>
 *   <li>A PUT whose {@code If-Match} names another tag: 412 {@code PreconditionFailed}, nothing changes. The tag is
 *       compared without quotes and {@code W/}, and {@code *} matches any cluster (RFC 9110 §13.1.1).</li>
 *   <li>A PUT while an operation runs on the cluster: 409 {@code OperationNotAllowed}.</li>
 *   <li>The switch from kubenet to Azure CNI Overlay while a network policy other than Cilium is on: 400
 *       {@code ValidationError} (AKS refuses it; https://github.com/Azure/AKS/issues/4006).</li>
 *   <li>Accepted: the body becomes the cluster (the fields only ARM sets kept from the stored one; user-assigned
 *       identities get their principal and client ids), a new ETag, {@code provisioningState} {@code Updating}
 *       on the cluster and its pools; an operation starts.</li>
 *   <li>Time passes by observation, not by the clock: each read of the cluster, of its pools or of its operation
 *       moves the cluster's running operation one step; after {@link #pollsPerOperation} steps it ends
 *       {@code Succeeded} (or {@code Failed} with an AKS error code: {@link #failNextOperation},
 *       {@link #failOperationOfPut}; or never: {@link #operationsNeverEnd}).</li>
 *   <li>After a kubenet to Azure CNI switch succeeded, the AKS-managed route table (in the node resource group) is
 *       deleted, a bring-your-own one in the cluster's VNet loses the kubenet pod routes
 *       (https://learn.microsoft.com/azure/aks/update-azure-cni), and every pool is reimaged: it reads
 *       {@code Upgrading} for {@link #rolloutReadsPerPool} more observations than the pool before it, then
 *       {@code Succeeded} with a new node image.</li>
 * </ul>
 *
 * <p>Not confirmed against Azure (so modelled conservatively and said here): how the resource provider compares an
 * {@code If-Match} (quotes, weak tags); whether AKS prunes the pod routes from a route table on another subnet of the
 * cluster's VNet (see {@link #pluginUpdated}); whether a pool's reimage outlasts the operation (the fakes let it, so that a
 * caller must watch the pools) and which provisioning state a pool shows meanwhile ({@code Upgrading} here); the
 * exact message texts. Transport faults (429, 5xx, dropped connections) belong to each front-end, which speaks the
 * transport.
 */
public final class AksSimulator {
    /** The resource type ARM reports for a managed cluster (case as in ARM's own answers). */
    public static final String MANAGED_CLUSTER_TYPE = "Microsoft.ContainerService/ManagedClusters";

    private final ResourceStore store;
    private final Map<String, Operation> operations = new LinkedHashMap<>();
    private final Map<String, Integer> rollout = new LinkedHashMap<>();
    private final Deque<Failure> failures = new ArrayDeque<>();
    private final Map<Integer, Failure> failuresByPut = new LinkedHashMap<>();
    private int etags;
    private int accepted;
    private int pollsPerOperation = 2;
    private int rolloutReadsPerPool = 1;
    private boolean neverEnd;
    private boolean rolloutStuck;
    private boolean dropDefaultRoute;
    private Consumer<String> observer = event -> { };

    /** What AKS answers instead of accepting a write or serving a read: an ARM error. */
    public static final class Refusal extends RuntimeException {
        private final int status;
        private final String code;

        Refusal(int status, String code, String message) {
            super(message);
            this.status = status;
            this.code = code;
        }

        public int status() {
            return status;
        }

        public String code() {
            return code;
        }
    }

    /** An accepted PUT: its 1-based number, the operation now running and the cluster as stored (a copy). */
    public record Accepted(int number, String operationId, ObjectNode cluster) {
    }

    /** The status values of an {@code Azure-AsyncOperation} answer that the simulator uses. */
    public enum OperationState {
        IN_PROGRESS("InProgress"), SUCCEEDED("Succeeded"), FAILED("Failed");

        private final String wire;

        OperationState(String wire) {
            this.wire = wire;
        }

        /** The value as ARM writes it in the status body. */
        public String wire() {
            return wire;
        }
    }

    /** One poll's answer: the state and, for {@code Failed}, the AKS error. */
    public record OperationStatus(String operationId, int number, OperationState state, String errorCode,
                                  String errorMessage) {
    }

    private record Failure(String code, String message) {
    }

    private static final class Operation {
        final String id;
        final int number;
        final String clusterKey;
        int remaining;
        int polls;
        OperationState state = OperationState.IN_PROGRESS;
        Failure failure;
        boolean pluginUpdate;
        String oldPodCidr;

        Operation(String id, int number, String clusterKey, int remaining) {
            this.id = id;
            this.number = number;
            this.clusterKey = clusterKey;
            this.remaining = remaining;
        }
    }

    public AksSimulator(ResourceStore store) {
        this.store = store;
    }

    public ResourceStore store() {
        return store;
    }

    // --- configuration --------------------------------------------------------------------------------------------

    /** How many observations an operation takes (default 2). */
    public synchronized AksSimulator pollsPerOperation(int polls) {
        this.pollsPerOperation = polls;
        return this;
    }

    /** How many observations each pool's reimage takes after the one before it (default 1). */
    public synchronized AksSimulator rolloutReadsPerPool(int reads) {
        this.rolloutReadsPerPool = reads;
        return this;
    }

    public synchronized AksSimulator operationsNeverEnd(boolean never) {
        this.neverEnd = never;
        return this;
    }

    /** The pools' reimage after a plugin update never ends. */
    public synchronized AksSimulator rolloutStuck(boolean stuck) {
        this.rolloutStuck = stuck;
        return this;
    }

    /** The plugin update also removes a {@code 0.0.0.0/0} route from a bring-your-own route table. */
    public synchronized AksSimulator dropDefaultRouteOnPluginUpdate(boolean drop) {
        this.dropDefaultRoute = drop;
        return this;
    }

    /** The next accepted PUT's operation ends {@code Failed} with this AKS error code and message. */
    public synchronized AksSimulator failNextOperation(String code, String message) {
        failures.add(new Failure(code, message));
        return this;
    }

    /** The operation of accepted PUT number {@code n} (1-based) ends {@code Failed} with this AKS error. */
    public synchronized AksSimulator failOperationOfPut(int n, String code, String message) {
        failuresByPut.put(n, new Failure(code, message));
        return this;
    }

    /**
     * Called under the simulator's lock with {@code "put-accepted N"} once PUT number N changed the cluster,
     * {@code "poll N K"} for the K-th poll of operation N, and {@code "operation-finished N"} when operation N
     * ended. A crash test kills its client here: the change happened in Azure and the client never learns it.
     */
    public synchronized AksSimulator observe(Consumer<String> events) {
        this.observer = events;
        return this;
    }

    // --- state ----------------------------------------------------------------------------------------------------

    /** Changes a cluster behind the caller's back (another admin): the change and a new ETag. */
    public synchronized void changeOutOfBand(String clusterId, Consumer<ObjectNode> change) {
        ObjectNode cluster = cluster(clusterId);
        change.accept(cluster);
        cluster.put("eTag", nextEtag());
    }

    /** The stored cluster's ETag as the body carries it (bare), without observing the cluster. */
    public synchronized String etag(String clusterId) {
        return cluster(clusterId).path("eTag").asText(null);
    }

    // --- the API --------------------------------------------------------------------------------------------------

    /** ManagedClusters_Get: one observation, then the cluster (a copy). */
    public synchronized ObjectNode getCluster(String clusterId) {
        observe(key(clusterId));
        return cluster(clusterId).deepCopy();
    }

    /** AgentPools_List: one observation, then the pools as ARM lists them. */
    public synchronized List<ObjectNode> getAgentPools(String clusterId) {
        observe(key(clusterId));
        ObjectNode cluster = cluster(clusterId);
        List<ObjectNode> pools = new ArrayList<>();
        for (JsonNode profile : cluster.path("properties").path("agentPoolProfiles")) {
            ObjectNode props = ((ObjectNode) profile).deepCopy();
            String name = props.path("name").asText();
            props.remove("name");
            ObjectNode pool = Json.object().put("id", cluster.path("id").asText() + "/agentPools/" + name)
                    .put("name", name).put("type", "Microsoft.ContainerService/managedClusters/agentPools");
            pool.set("properties", props);
            pools.add(pool);
        }
        return pools;
    }

    /** ManagedClusters_CreateOrUpdate on an existing cluster: accepted (an operation starts) or a {@link Refusal}. */
    public synchronized Accepted put(String clusterId, String ifMatch, ObjectNode body) {
        ObjectNode stored = cluster(clusterId);
        String clusterKey = key(clusterId);
        if (ifMatch != null && !ifMatch.trim().equals("*")
                && !unquoted(ifMatch).equals(unquoted(stored.path("eTag").asText()))) {
            throw new Refusal(412, "PreconditionFailed", "Operation failed as the etag did not match.");
        }
        if (operations.values().stream().anyMatch(o -> o.clusterKey.equals(clusterKey)
                && o.state == OperationState.IN_PROGRESS)) {
            throw new Refusal(409, "OperationNotAllowed", "Operation is not allowed because there's an in progress"
                    + " operation on the managed cluster.");
        }
        JsonNode np = body.path("properties").path("networkProfile");
        JsonNode storedNp = stored.path("properties").path("networkProfile");
        String policy = np.path("networkPolicy").asText("none");
        boolean fromKubenet = "kubenet".equalsIgnoreCase(storedNp.path("networkPlugin").asText());
        if (fromKubenet && "overlay".equalsIgnoreCase(np.path("networkPluginMode").asText())
                && !"none".equalsIgnoreCase(policy) && !"cilium".equalsIgnoreCase(policy)) {
            throw new Refusal(400, "ValidationError", "Cannot update cluster to Azure CNI Overlay while using"
                    + " network policies.");
        }
        ObjectNode updated = withReadOnlyFieldsOf(stored, body);
        ObjectNode props = (ObjectNode) updated.get("properties");
        props.put("provisioningState", "Updating");
        for (JsonNode pool : props.path("agentPoolProfiles")) {
            ((ObjectNode) pool).put("provisioningState", "Updating");
        }
        updated.put("eTag", nextEtag());
        fillIdentities(updated);
        store.put(updated);
        int number = ++accepted;
        Operation operation = new Operation(String.format(Locale.ROOT, "mc-op-%04d", number), number, clusterKey,
                pollsPerOperation);
        operation.pluginUpdate = fromKubenet && "azure".equalsIgnoreCase(np.path("networkPlugin").asText());
        operation.oldPodCidr = storedNp.path("podCidr").asText(null);
        Failure failure = failuresByPut.remove(number);
        operation.failure = failure != null ? failure : failures.poll();
        operations.put(operation.id, operation);
        observer.accept("put-accepted " + number);
        return new Accepted(number, operation.id, updated.deepCopy());
    }

    /** A poll of an operation's status URL: one observation of its cluster, then the status. */
    public synchronized OperationStatus pollOperation(String operationId) {
        Operation operation = operations.get(operationId);
        if (operation == null) {
            throw new Refusal(404, "ResourceNotFound", "The operation '" + operationId + "' was not found.");
        }
        observer.accept("poll " + operation.number + " " + (++operation.polls));
        observe(operation.clusterKey);
        Failure failure = operation.state == OperationState.FAILED ? operation.failure : null;
        return new OperationStatus(operation.id, operation.number, operation.state,
                failure == null ? null : failure.code(), failure == null ? null : failure.message());
    }

    /** The location (region) of the cluster an operation runs on, for its status URL. */
    public synchronized String location(String clusterId) {
        return cluster(clusterId).path("location").asText("westeurope");
    }

    // --- simulation -----------------------------------------------------------------------------------------------

    /** One observation of a cluster: its running operation one step on, then its pools' reimage. */
    private void observe(String clusterKey) {
        for (Operation operation : List.copyOf(operations.values())) {
            if (operation.clusterKey.equals(clusterKey) && operation.state == OperationState.IN_PROGRESS
                    && !neverEnd && --operation.remaining <= 0) {
                finish(operation);
                observer.accept("operation-finished " + operation.number);
            }
        }
        if (!rolloutStuck) {
            advanceRollout(clusterKey);
        }
    }

    private void finish(Operation operation) {
        ObjectNode cluster = cluster(operation.clusterKey);
        ObjectNode props = (ObjectNode) cluster.get("properties");
        if (operation.failure != null) {
            operation.state = OperationState.FAILED;
            props.put("provisioningState", "Failed");
            for (JsonNode pool : props.path("agentPoolProfiles")) {
                ((ObjectNode) pool).put("provisioningState", "Failed");
            }
            return;
        }
        operation.state = OperationState.SUCCEEDED;
        props.put("provisioningState", "Succeeded");
        int i = 0;
        for (JsonNode pool : props.path("agentPoolProfiles")) {
            if (operation.pluginUpdate) {
                ((ObjectNode) pool).put("provisioningState", "Upgrading");
                rollout.put(operation.clusterKey + "|" + pool.path("name").asText(), ++i * rolloutReadsPerPool);
            } else {
                ((ObjectNode) pool).put("provisioningState", "Succeeded");
            }
        }
        if (operation.pluginUpdate) {
            pluginUpdated(cluster, operation.oldPodCidr);
        }
    }

    private void advanceRollout(String clusterKey) {
        for (Iterator<Map.Entry<String, Integer>> it = rollout.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Integer> entry = it.next();
            String[] parts = entry.getKey().split("\\|");
            if (!parts[0].equals(clusterKey)) {
                continue;
            }
            if (entry.getValue() > 1) {
                entry.setValue(entry.getValue() - 1);
                continue;
            }
            store.get(parts[0]).ifPresent(cluster -> {
                for (JsonNode pool : cluster.path("properties").path("agentPoolProfiles")) {
                    if (pool.path("name").asText().equals(parts[1])) {
                        ((ObjectNode) pool).put("provisioningState", "Succeeded");
                        ((ObjectNode) pool).put("nodeImageVersion",
                                pool.path("nodeImageVersion").asText("image") + "-overlay");
                    }
                }
            });
            it.remove();
        }
    }

    /**
     * What AKS does to the route tables: the AKS-managed one (in the node resource group) is deleted; a
     * bring-your-own one on a subnet of the cluster's VNet loses the kubenet pod routes and keeps the others. Route
     * tables of other VNets (other clusters) are left alone. Whether AKS also prunes a table on another subnet of the
     * same VNet (an Application Gateway subnet holding copies of the pod routes) is not documented; the simulator
     * does, as the fakes did before it.
     */
    private void pluginUpdated(ObjectNode cluster, String oldPodCidr) {
        String nodeRg = cluster.path("properties").path("nodeResourceGroup").asText("").toLowerCase(Locale.ROOT);
        List<String> nodeVnets = new ArrayList<>();
        for (JsonNode pool : cluster.path("properties").path("agentPoolProfiles")) {
            String subnet = key(pool.path("vnetSubnetID").asText(""));
            if (subnet.contains("/subnets/")) {
                nodeVnets.add(subnet.substring(0, subnet.indexOf("/subnets/") + "/subnets/".length()));
            }
        }
        for (ObjectNode table : store.all()) {
            if (!"Microsoft.Network/routeTables".equalsIgnoreCase(table.path("type").asText())) {
                continue;
            }
            String tableId = table.path("id").asText();
            List<String> subnets = subnetsOf(tableId);
            if (!nodeRg.isEmpty() && key(tableId).contains("/resourcegroups/" + nodeRg + "/") && !subnets.isEmpty()) {
                store.remove(tableId);
                continue;
            }
            if (subnets.stream().noneMatch(subnet -> nodeVnets.stream().anyMatch(subnet::startsWith))) {
                continue;
            }
            ArrayNode kept = Json.array();
            for (JsonNode route : table.path("properties").path("routes")) {
                String prefix = route.path("properties").path("addressPrefix").asText("");
                boolean podRoute = oldPodCidr != null && Ipv4.contains(oldPodCidr, prefix);
                boolean droppedDefault = dropDefaultRoute && prefix.equals("0.0.0.0/0");
                if (!podRoute && !droppedDefault) {
                    kept.add(route);
                }
            }
            ((ObjectNode) table.with("properties")).set("routes", kept);
        }
    }

    /** The (lower-cased) ids of the subnets that name this route table, from the stored virtual networks. */
    private List<String> subnetsOf(String tableId) {
        List<String> subnets = new ArrayList<>();
        for (ObjectNode vnet : store.all()) {
            for (JsonNode subnet : vnet.path("properties").path("subnets")) {
                if (tableId.equalsIgnoreCase(subnet.path("properties").path("routeTable").path("id").asText())) {
                    subnets.add(key(subnet.path("id").asText()));
                }
            }
        }
        return subnets;
    }

    /** The body as the new resource, with the fields only ARM sets taken from the stored resource. */
    private static ObjectNode withReadOnlyFieldsOf(ObjectNode stored, ObjectNode body) {
        ObjectNode updated = body.deepCopy();
        for (String field : List.of("id", "name", "type", "systemData")) {
            if (stored.has(field)) {
                updated.set(field, stored.get(field).deepCopy());
            }
        }
        ObjectNode props = updated.with("properties");
        JsonNode storedProps = stored.path("properties");
        for (String field : List.of("powerState", "maxAgentPools", "currentKubernetesVersion", "fqdn",
                "azurePortalFQDN", "privateFQDN", "resourceUID")) {
            if (storedProps.has(field) && !props.has(field)) {
                props.set(field, storedProps.get(field).deepCopy());
            }
        }
        for (JsonNode pool : props.path("agentPoolProfiles")) {
            for (JsonNode old : storedProps.path("agentPoolProfiles")) {
                if (!old.path("name").asText().equals(pool.path("name").asText())) {
                    continue;
                }
                for (String field : List.of("currentOrchestratorVersion", "nodeImageVersion", "eTag")) {
                    if (old.has(field) && !pool.has(field)) {
                        ((ObjectNode) pool).set(field, old.get(field).deepCopy());
                    }
                }
            }
        }
        return updated;
    }

    /** ARM fills in the principal and client id of every user-assigned identity it accepts. */
    private static void fillIdentities(ObjectNode cluster) {
        if (!(cluster.path("identity").path("userAssignedIdentities") instanceof ObjectNode identities)) {
            return;
        }
        identities.fields().forEachRemaining(e -> {
            if (e.getValue() instanceof ObjectNode entry && !entry.hasNonNull("principalId")) {
                entry.put("principalId", principalIdOf(e.getKey()));
                entry.put("clientId", stableUuid("client:" + e.getKey()));
            }
        });
    }

    /** The principal id ARM gives a user-assigned identity here: stable per identity id. */
    public static String principalIdOf(String identityId) {
        return stableUuid("principal:" + identityId);
    }

    private static String stableUuid(String seed) {
        return UUID.nameUUIDFromBytes(seed.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private ObjectNode cluster(String clusterId) {
        Optional<ObjectNode> found = store.get(clusterId).filter(AksSimulator::isCluster);
        return found.orElseThrow(() -> new Refusal(404, "ResourceNotFound",
                "The Resource '" + clusterId + "' was not found."));
    }

    /** Whether a stored resource is a managed cluster. */
    public static boolean isCluster(JsonNode resource) {
        return MANAGED_CLUSTER_TYPE.equalsIgnoreCase(resource.path("type").asText());
    }

    private String nextEtag() {
        return String.format(Locale.ROOT, "fake-etag-%04d", ++etags);
    }

    /** An entity-tag without {@code W/} and quotes: the opaque tag the body carries. */
    public static String unquoted(String etag) {
        String e = etag.trim();
        if (e.startsWith("W/")) {
            e = e.substring(2);
        }
        return e.length() >= 2 && e.startsWith("\"") && e.endsWith("\"") ? e.substring(1, e.length() - 1) : e;
    }

    private static String key(String id) {
        return id.toLowerCase(Locale.ROOT);
    }

    /** IPv4 prefix containment, enough for kubenet pod routes (a /24 of the pod CIDR). */
    static final class Ipv4 {
        private Ipv4() {
        }

        static boolean contains(String outer, String inner) {
            try {
                long[] o = parse(outer);
                long[] i = parse(inner);
                if (i[1] < o[1]) {
                    return false;
                }
                long mask = o[1] == 0 ? 0 : (0xFFFFFFFFL << (32 - o[1])) & 0xFFFFFFFFL;
                return (o[0] & mask) == (i[0] & mask);
            } catch (RuntimeException notIpv4) {
                return false;
            }
        }

        private static long[] parse(String cidr) {
            String[] parts = cidr.split("/");
            String[] octets = parts[0].split("\\.");
            if (octets.length != 4) {
                throw new IllegalArgumentException(cidr);
            }
            long address = 0;
            for (String octet : octets) {
                address = (address << 8) | Integer.parseInt(octet);
            }
            return new long[] {address, parts.length > 1 ? Integer.parseInt(parts[1]) : 32};
        }
    }
}
