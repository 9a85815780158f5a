package org.kubenetmigrate.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;

/**
 * The write side of AKS on the fake ARM, installed on a {@link FakeArm} with {@link #install}: a stateful managed
 * cluster PUT as the executor sends it, and what follows it.
 *
 * <ul>
 *   <li>{@code If-Match} that is not the stored ETag: 412 and nothing changes; another operation still running on
 *       the cluster: 409; the Overlay update while Calico or Azure NPM is on: 400 (AKS refuses it).</li>
 *   <li>Accepted: the body becomes the cluster (read-only fields kept from the stored one), a new ETag, and
 *       {@code provisioningState} {@code Updating}; the answer is 200 with {@code Azure-AsyncOperation} and
 *       {@code Retry-After}.</li>
 *   <li>Each poll of the operation URL moves it one step; after {@link #pollsPerOperation} polls it ends
 *       {@code Succeeded} (or {@code Failed} with an AKS error code, see {@link #failNextOperation}; or never, see
 *       {@link #operationsNeverEnd}).</li>
 *   <li>When the operation switched the cluster from kubenet to Azure CNI, AKS reimages every pool: each pool reads
 *       {@code Upgrading} for {@link #rolloutReadsPerPool} reads of the cluster or its pools, then
 *       {@code Succeeded} with a new node image; the AKS-managed route table (in the node resource group) is deleted
 *       and a bring-your-own one loses the kubenet pod routes.</li>
 * </ul>
 * Faults (429, 5xx, dropped connections, slow answers) come from {@link FakeArm#fault}, per request.
 *
 * <p>ETags are written as HTTP and ARM write them: by default the {@code ETag} header quotes the tag
 * ({@code ETag: "abc"}, RFC 9110 §8.8.3) while the body's {@code eTag} is bare ({@code "eTag": "abc"}, as in the
 * AKS documentation's examples); {@link #etagForms} chooses others (weak, bare, none; a quoted body). An
 * {@code If-Match} matches when it names the stored tag in any of these forms (quotes and {@code W/} aside): how
 * AKS itself compares is not documented, and the resource provider, not ARM's front door, judges it.
 */
public final class ManagedClusterWrites {
    private static final String CLUSTER = "(/subscriptions/[^/]+/resourceGroups/[^/]+/providers/"
            + "Microsoft\\.ContainerService/managedClusters/[^/]+)";

    private final FakeArm fake;
    private final Map<String, Operation> operations = new LinkedHashMap<>();
    private final Map<String, Integer> rollout = new LinkedHashMap<>();
    private final Deque<String[]> failures = new ArrayDeque<>();
    private int etags;
    private volatile int pollsPerOperation = 2;
    private volatile int rolloutReadsPerPool = 1;
    private volatile String retryAfterSeconds = "1";
    private volatile boolean neverEnd;
    private volatile java.util.function.Consumer<String> observer = event -> { };
    private int accepted;
    private volatile HeaderForm headerForm = HeaderForm.QUOTED;
    private volatile BodyForm bodyForm = BodyForm.BARE;

    /** How the {@code ETag} response header carries the tag. */
    public enum HeaderForm {
        /** {@code ETag: "abc"}: a strong entity-tag, as HTTP writes it. */
        QUOTED,
        /** {@code ETag: W/"abc"}: a weak entity-tag. */
        WEAK,
        /** {@code ETag: abc}: the body's bare value repeated (not an HTTP entity-tag). */
        BARE,
        /** No {@code ETag} header: only the body carries the tag. */
        NONE
    }

    /** How the body's {@code eTag} carries the tag. */
    public enum BodyForm {
        /** {@code "eTag": "abc"}, as in the AKS documentation. */
        BARE,
        /** {@code "eTag": "\"abc\""}: the header's quoted form inside the body. */
        QUOTED
    }

    private static final class Operation {
        final int number;
        int polls;
        final String clusterKey;
        int remaining;
        String status = "InProgress";
        String errorCode;
        String errorMessage;
        boolean pluginUpdate;
        String oldPodCidr;

        Operation(int number, String clusterKey, int remaining) {
            this.number = number;
            this.clusterKey = clusterKey;
            this.remaining = remaining;
        }
    }

    private ManagedClusterWrites(FakeArm fake) {
        this.fake = fake;
    }

    /** Adds the routes to {@code fake} (they win over its read routes for managed clusters). */
    public static ManagedClusterWrites install(FakeArm fake) {
        ManagedClusterWrites writes = new ManagedClusterWrites(fake);
        fake.route("GET", CLUSTER, (req, m) -> writes.getCluster(m.group(1)));
        fake.route("GET", CLUSTER + "/agentPools", (req, m) -> writes.getAgentPools(m.group(1)));
        fake.route("PUT", CLUSTER, writes::put);
        fake.route("GET", "/subscriptions/[^/]+/providers/Microsoft\\.ContainerService/locations/[^/]+/operations/(mc-[^/]+)",
                (req, m) -> writes.poll(m.group(1)));
        return writes;
    }

    /** The forms in which cluster reads and accepted PUTs write the ETag (default: quoted header, bare body). */
    public ManagedClusterWrites etagForms(HeaderForm header, BodyForm body) {
        this.headerForm = header;
        this.bodyForm = body;
        return this;
    }

    public ManagedClusterWrites pollsPerOperation(int polls) {
        this.pollsPerOperation = polls;
        return this;
    }

    public ManagedClusterWrites rolloutReadsPerPool(int reads) {
        this.rolloutReadsPerPool = reads;
        return this;
    }

    /** The {@code Retry-After} (seconds) of accepted PUTs and running operations; null sends none. */
    public ManagedClusterWrites retryAfterSeconds(String seconds) {
        this.retryAfterSeconds = seconds;
        return this;
    }

    public ManagedClusterWrites operationsNeverEnd(boolean never) {
        this.neverEnd = never;
        return this;
    }

    /**
     * Called, on the request's thread and before the answer is sent, with {@code "put-accepted N"} once PUT number N
     * (1-based) changed the cluster, {@code "poll N K"} for the K-th poll of operation N, and
     * {@code "operation-finished N"} when operation N ended. A crash test kills its client here: the change
     * happened in Azure and the client never learns it.
     */
    public ManagedClusterWrites observe(java.util.function.Consumer<String> events) {
        this.observer = events;
        return this;
    }

    /** The next accepted PUT's operation ends {@code Failed} with this AKS error code and message. */
    public synchronized ManagedClusterWrites failNextOperation(String code, String message) {
        failures.add(new String[] {code, message});
        return this;
    }

    /** Changes a cluster behind the executor's back (another admin): a new ETag. */
    public synchronized void changeOutOfBand(String clusterId, java.util.function.Consumer<ObjectNode> change) {
        ObjectNode cluster = fake.resources().get(clusterId).orElseThrow();
        change.accept(cluster);
        cluster.put("eTag", nextEtag());
    }

    // --- routes ---------------------------------------------------------------------------------------------------

    private synchronized FakeResponse getCluster(String id) {
        tickOperations(id);
        tickRollout();
        return fake.resources().get(id)
                .map(c -> withEtag(FakeResponse.ok(withBodyEtag(c)), c))
                .orElseGet(() -> FakeResponse.notFound(id));
    }

    private synchronized FakeResponse getAgentPools(String id) {
        tickRollout();
        return fake.resources().get(id)
                .map(c -> FakeResponse.ok(Json.object().set("value", agentPools(c))))
                .orElseGet(() -> FakeResponse.notFound(id));
    }

    private synchronized FakeResponse put(RecordedRequest request, Matcher m) {
        String id = m.group(1);
        ObjectNode stored = fake.resources().get(id).orElse(null);
        if (stored == null) {
            return FakeResponse.notFound(id);
        }
        String ifMatch = request.header("if-match").orElse(null);
        if (ifMatch != null && !unquoted(ifMatch).equals(unquoted(stored.path("eTag").asText()))) {
            return FakeResponse.error(412, "PreconditionFailed", "Operation failed as the etag did not match (fake ARM).");
        }
        if (operations.values().stream().anyMatch(o -> o.clusterKey.equals(key(id)) && o.status.equals("InProgress"))) {
            return FakeResponse.error(409, "OperationNotAllowed", "Operation is not allowed because there's an in"
                    + " progress operation on the managed cluster (fake ARM).");
        }
        ObjectNode body = FakeArm.bodyObject(request);
        JsonNode np = body.path("properties").path("networkProfile");
        JsonNode storedNp = stored.path("properties").path("networkProfile");
        String policy = np.path("networkPolicy").asText("none");
        boolean fromKubenet = "kubenet".equalsIgnoreCase(storedNp.path("networkPlugin").asText());
        if (fromKubenet && "overlay".equalsIgnoreCase(np.path("networkPluginMode").asText())
                && !"none".equalsIgnoreCase(policy) && !"cilium".equalsIgnoreCase(policy)) {
            return FakeResponse.error(400, "ValidationError", "Cannot update cluster to Azure CNI Overlay while using"
                    + " network policies (fake ARM).");
        }
        ObjectNode updated = withReadOnlyFieldsOf(stored, body);
        ObjectNode props = (ObjectNode) updated.get("properties");
        props.put("provisioningState", "Updating");
        for (JsonNode pool : props.path("agentPoolProfiles")) {
            ((ObjectNode) pool).put("provisioningState", "Updating");
        }
        updated.put("eTag", nextEtag());
        fake.resources().put(updated);
        String opId = "mc-" + UUID.randomUUID();
        Operation operation = new Operation(++accepted, key(id), pollsPerOperation);
        operation.pluginUpdate = fromKubenet && "azure".equalsIgnoreCase(np.path("networkPlugin").asText());
        operation.oldPodCidr = storedNp.path("podCidr").asText(null);
        String[] failure = failures.poll();
        if (failure != null) {
            operation.errorCode = failure[0];
            operation.errorMessage = failure[1];
        }
        operations.put(opId, operation);
        observer.accept("put-accepted " + operation.number);
        String url = fake.baseUrl() + "subscriptions/" + ResourceStore.subscriptionOf(id)
                + "/providers/Microsoft.ContainerService/locations/" + stored.path("location").asText("westeurope")
                + "/operations/" + opId + "?api-version=2025-09-01";
        FakeResponse response = withEtag(FakeResponse.ok(withBodyEtag(updated)), updated)
                .withHeader("Azure-AsyncOperation", url);
        return retryAfterSeconds == null ? response : response.withHeader("Retry-After", retryAfterSeconds);
    }

    private synchronized FakeResponse poll(String opId) {
        Operation operation = operations.get(opId);
        if (operation == null) {
            return FakeResponse.notFound("operation " + opId);
        }
        observer.accept("poll " + operation.number + " " + (++operation.polls));
        advance(operation);
        ObjectNode body = Json.object().put("name", opId).put("status", operation.status);
        if (operation.errorCode != null && operation.status.equals("Failed")) {
            body.set("error", Json.object().put("code", operation.errorCode).put("message", operation.errorMessage));
        }
        FakeResponse response = FakeResponse.ok(body);
        return retryAfterSeconds == null || !operation.status.equals("InProgress") ? response
                : response.withHeader("Retry-After", retryAfterSeconds);
    }

    // --- simulation -----------------------------------------------------------------------------------------------

    /**
     * Time passes for an operation on each poll and on each read of its cluster, so that one whose URL the client
     * never learned (its process died before the answer) still ends.
     */
    private void advance(Operation operation) {
        if (operation.status.equals("InProgress") && !neverEnd && --operation.remaining <= 0) {
            finish(operation);
            observer.accept("operation-finished " + operation.number);
        }
    }

    private void tickOperations(String clusterId) {
        for (Operation operation : List.copyOf(operations.values())) {
            if (operation.clusterKey.equals(key(clusterId))) {
                advance(operation);
            }
        }
    }

    private void finish(Operation operation) {
        ObjectNode cluster = fake.resources().get(operation.clusterKey).orElseThrow();
        ObjectNode props = (ObjectNode) cluster.get("properties");
        if (operation.errorCode != null) {
            operation.status = "Failed";
            props.put("provisioningState", "Failed");
            for (JsonNode pool : props.path("agentPoolProfiles")) {
                ((ObjectNode) pool).put("provisioningState", "Failed");
            }
            return;
        }
        operation.status = "Succeeded";
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

    /** One read of a cluster or its pools: every pool being reimaged gets one step closer. */
    private void tickRollout() {
        for (Iterator<Map.Entry<String, Integer>> it = rollout.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Integer> entry = it.next();
            if (entry.getValue() > 1) {
                entry.setValue(entry.getValue() - 1);
                continue;
            }
            String[] parts = entry.getKey().split("\\|");
            fake.resources().get(parts[0]).ifPresent(cluster -> {
                for (JsonNode pool : cluster.path("properties").path("agentPoolProfiles")) {
                    if (pool.path("name").asText().equals(parts[1])) {
                        ((ObjectNode) pool).put("provisioningState", "Succeeded");
                        ((ObjectNode) pool).put("nodeImageVersion", pool.path("nodeImageVersion").asText("image") + "-overlay");
                    }
                }
            });
            it.remove();
        }
    }

    /** What AKS does to route tables: a managed one is deleted, a BYO one loses the kubenet pod routes. */
    private void pluginUpdated(ObjectNode cluster, String oldPodCidr) {
        String nodeRg = cluster.path("properties").path("nodeResourceGroup").asText("").toLowerCase(Locale.ROOT);
        for (ObjectNode table : fake.resources().all()) {
            if (!"Microsoft.Network/routeTables".equalsIgnoreCase(table.path("type").asText())) {
                continue;
            }
            String tableId = table.path("id").asText();
            if (!associated(tableId)) {
                continue;
            }
            if (tableId.toLowerCase(Locale.ROOT).contains("/resourcegroups/" + nodeRg + "/")) {
                fake.resources().remove(tableId);
                continue;
            }
            ArrayNode kept = Json.array();
            for (JsonNode route : table.path("properties").path("routes")) {
                String prefix = route.path("properties").path("addressPrefix").asText("");
                if (oldPodCidr == null || prefix.equals("0.0.0.0/0") || !Ipv4.contains(oldPodCidr, prefix)) {
                    kept.add(route);
                }
            }
            ((ObjectNode) table.get("properties")).set("routes", kept);
        }
    }

    private boolean associated(String tableId) {
        for (ObjectNode vnet : fake.resources().all()) {
            for (JsonNode subnet : vnet.path("properties").path("subnets")) {
                if (tableId.equalsIgnoreCase(subnet.path("properties").path("routeTable").path("id").asText())) {
                    return true;
                }
            }
        }
        return false;
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
        for (String field : List.of("powerState", "maxAgentPools", "currentKubernetesVersion", "fqdn", "azurePortalFQDN",
                "privateFQDN", "resourceUID")) {
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

    private static ArrayNode agentPools(ObjectNode cluster) {
        ArrayNode pools = Json.array();
        String clusterId = cluster.path("id").asText();
        for (JsonNode profile : cluster.path("properties").path("agentPoolProfiles")) {
            ObjectNode props = ((ObjectNode) profile).deepCopy();
            String name = props.path("name").asText();
            props.remove("name");
            ObjectNode pool = Json.object().put("id", clusterId + "/agentPools/" + name).put("name", name)
                    .put("type", "Microsoft.ContainerService/managedClusters/agentPools");
            pool.set("properties", props);
            pools.add(pool);
        }
        return pools;
    }

    private String nextEtag() {
        return String.format("fake-etag-%04d", ++etags);
    }

    /** A copy of the stored cluster with its {@code eTag} in the body form chosen. */
    private ObjectNode withBodyEtag(ObjectNode stored) {
        ObjectNode copy = stored.deepCopy();
        if (copy.hasNonNull("eTag") && bodyForm == BodyForm.QUOTED) {
            copy.put("eTag", "\"" + unquoted(copy.get("eTag").asText()) + "\"");
        }
        return copy;
    }

    /** The answer with the stored cluster's ETag header in the form chosen. */
    private FakeResponse withEtag(FakeResponse response, ObjectNode stored) {
        if (!stored.hasNonNull("eTag")) {
            return response;
        }
        String tag = unquoted(stored.get("eTag").asText());
        return switch (headerForm) {
            case QUOTED -> response.withHeader("ETag", "\"" + tag + "\"");
            case WEAK -> response.withHeader("ETag", "W/\"" + tag + "\"");
            case BARE -> response.withHeader("ETag", tag);
            case NONE -> response;
        };
    }

    private static String unquoted(String etag) {
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
