package org.kubenetmigrate.executor.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.kubenetmigrate.executor.azure.AzureException;
import org.kubenetmigrate.executor.azure.ClusterOperations;
import org.kubenetmigrate.executor.azure.ObservedAgentPool;
import org.kubenetmigrate.executor.azure.ObservedCluster;
import org.kubenetmigrate.executor.azure.OperationHandle;
import org.kubenetmigrate.executor.azure.OperationStatus;
import org.kubenetmigrate.executor.azure.RawResource;
import org.kubenetmigrate.planner.cidr.IpPrefix;

/**
 * A stateful in-memory ARM for the executor's tests: managed clusters, their agent pools, virtual networks and
 * route tables as ARM JSON; ETags that change on every write; PUTs that start long-running operations which
 * progress one step per observation (a cluster, pool or operation read); AKS-like behaviour where it matters
 * (412 on a stale If-Match, 409 while an operation runs, the Overlay update refused while a policy engine is on,
 * the kubenet pod routes removed and the managed route table deleted by the plugin update, a pool reimage after it);
 * and faults injected per call: 429 with Retry-After, 5xx and dropped connections (before or after the change is
 * applied), 412, 409, operations that fail with an AKS error code or never end, a stuck rollout, and simulated
 * crashes at an exact call. Records every call for assertions.
 */
public final class InMemoryClusterOperations implements ClusterOperations {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** One call as the fake saw it. */
    public record Call(String method, String path, String apiVersion, String ifMatch, JsonNode body) {
        public boolean mutating() {
            return !method.equals("GET");
        }
    }

    /** A fault for the next call of a kind. */
    public record Fault(int status, String code, String message, Duration retryAfter, boolean applyFirst) {
        public static Fault throttled(Duration retryAfter) {
            return new Fault(429, "Throttled", "too many requests", retryAfter, false);
        }

        public static Fault serverError(int status, boolean applyFirst) {
            return new Fault(status, "InternalServerError", "something went wrong", null, applyFirst);
        }

        /** No response at all; with {@code applyFirst} the request reached ARM and took effect before the drop. */
        public static Fault dropped(boolean applyFirst) {
            return new Fault(0, null, "connection reset", null, applyFirst);
        }

        public static Fault preconditionFailed() {
            return new Fault(412, "PreconditionFailed", "Operation failed as the etag did not match", null, false);
        }

        public static Fault conflict() {
            return new Fault(409, "OperationNotAllowed", "Operation is not allowed because there's an in progress"
                    + " operation on the managed cluster", null, false);
        }

        AzureException exception(int requestNumber) {
            return new AzureException(status, code, message, retryAfter, "req-fault-" + requestNumber,
                    "corr-fault-" + requestNumber);
        }
    }

    private final Map<String, ObjectNode> resources = new LinkedHashMap<>();
    private final Map<String, Operation> operations = new LinkedHashMap<>();
    private final Map<String, Integer> rollout = new LinkedHashMap<>();
    private final List<Call> calls = new ArrayList<>();
    private final Deque<Fault> putFaults = new ArrayDeque<>();
    private final Deque<Fault> pollFaults = new ArrayDeque<>();
    private final Deque<Fault> clusterReadFaults = new ArrayDeque<>();
    private final Deque<String[]> operationFailures = new ArrayDeque<>();
    private final Map<Integer, String[]> failingOperations = new LinkedHashMap<>();
    private int accepted;
    private int etags;
    private int requests;
    private int pollsPerOperation = 2;
    private int rolloutTicksPerPool = 1;
    private boolean operationsNeverEnd;
    private boolean rolloutStuck;
    private boolean dropDefaultRouteOnPluginUpdate;
    private Duration operationRetryAfter = Duration.ofSeconds(10);
    private int crashBeforeCall = -1;
    private int crashAfterPut = -1;
    private int puts;
    private int callCount;
    private String principal = "ops@example.com";

    private static final class Operation {
        final String id;
        final String clusterKey;
        int remaining;
        String state = "InProgress";
        String errorCode;
        String errorMessage;
        boolean pluginUpdate;
        String oldPodCidr;

        Operation(String id, String clusterKey, int remaining) {
            this.id = id;
            this.clusterKey = clusterKey;
            this.remaining = remaining;
        }
    }

    // ---- seeding and inspection ----

    /** Loads ARM-shaped JSON files (a resource, an array, or an ARM list), or every JSON file under a directory. */
    public InMemoryClusterOperations seed(Path path) {
        try {
            List<Path> files;
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    files = walk.filter(p -> p.toString().endsWith(".json")).sorted().toList();
                }
            } else {
                files = List.of(path);
            }
            for (Path file : files) {
                JsonNode root = MAPPER.readTree(file.toFile());
                // A document with an id is one resource even with a "value" list (a usage list kept with its path).
                JsonNode list = root.isArray() ? root : root.has("value") && !root.has("id") ? root.get("value") : null;
                if (list != null) {
                    list.forEach(this::put);
                } else {
                    put(root);
                }
            }
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads resources already parsed (copied). */
    public InMemoryClusterOperations seed(List<JsonNode> resources) {
        resources.forEach(this::put);
        return this;
    }

    private void put(JsonNode resource) {
        if (resource.isObject() && resource.hasNonNull("id")) {
            resources.put(key(resource.get("id").asText()), (ObjectNode) resource.deepCopy());
        }
    }

    /** The stored resource, as ARM would return it now. */
    public synchronized ObjectNode resource(String id) {
        ObjectNode r = resources.get(key(id));
        return r == null ? null : r.deepCopy();
    }

    /** Every stored resource, copied. */
    public synchronized List<JsonNode> snapshot() {
        return resources.values().stream().map(r -> (JsonNode) r.deepCopy()).toList();
    }

    /** Edits a resource as if it had always been so (no new ETag): for fields the export did not show. */
    public synchronized void editAsExported(String id, Consumer<ObjectNode> change) {
        change.accept(resources.get(key(id)));
    }

    /** Changes a resource behind the executor's back (another admin), with a new ETag. */
    public synchronized void changeOutOfBand(String id, Consumer<ObjectNode> change) {
        ObjectNode r = resources.get(key(id));
        change.accept(r);
        if (isCluster(r)) {
            r.put("eTag", nextEtag());
        }
    }

    public synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    public synchronized List<Call> mutatingCalls() {
        return calls.stream().filter(Call::mutating).toList();
    }

    // ---- configuration ----

    public synchronized InMemoryClusterOperations failNextPut(Fault fault) {
        putFaults.add(fault);
        return this;
    }

    public synchronized InMemoryClusterOperations failNextPoll(Fault fault) {
        pollFaults.add(fault);
        return this;
    }

    public synchronized InMemoryClusterOperations failNextClusterRead(Fault fault) {
        clusterReadFaults.add(fault);
        return this;
    }

    /** The next accepted PUT's operation ends Failed with this AKS error. */
    public synchronized InMemoryClusterOperations failNextOperation(String code, String message) {
        operationFailures.add(new String[]{code, message});
        return this;
    }

    public synchronized InMemoryClusterOperations operationsNeverEnd(boolean never) {
        this.operationsNeverEnd = never;
        return this;
    }

    public synchronized InMemoryClusterOperations pollsPerOperation(int polls) {
        this.pollsPerOperation = polls;
        return this;
    }

    /** How many observations each pool's reimage takes after the plugin update (pools finish one after another). */
    public synchronized InMemoryClusterOperations rolloutTicksPerPool(int ticks) {
        this.rolloutTicksPerPool = ticks;
        return this;
    }

    /** The operation of accepted PUT number {@code n} (1-based) ends Failed with this AKS error. */
    public synchronized InMemoryClusterOperations failOperationOfPut(int n, String code, String message) {
        failingOperations.put(n, new String[]{code, message});
        return this;
    }

    public synchronized InMemoryClusterOperations rolloutStuck(boolean stuck) {
        this.rolloutStuck = stuck;
        return this;
    }

    public synchronized InMemoryClusterOperations dropDefaultRouteOnPluginUpdate(boolean drop) {
        this.dropDefaultRouteOnPluginUpdate = drop;
        return this;
    }

    /** Throws {@link SimulatedCrash} instead of serving call number {@code n} (1-based, counting every call). */
    public synchronized InMemoryClusterOperations crashBeforeCall(int n) {
        this.crashBeforeCall = n;
        return this;
    }

    /** Throws {@link SimulatedCrash} after PUT number {@code n} was accepted, before its answer reaches the caller. */
    public synchronized InMemoryClusterOperations crashAfterAcceptingPut(int n) {
        this.crashAfterPut = n;
        return this;
    }

    /** Stops simulating crashes (the "restarted process" talks to the same ARM). */
    public synchronized InMemoryClusterOperations noCrashes() {
        this.crashBeforeCall = -1;
        this.crashAfterPut = -1;
        return this;
    }

    public synchronized InMemoryClusterOperations principal(String name) {
        this.principal = name;
        return this;
    }

    @Override
    public synchronized Optional<String> principalName() {
        return Optional.ofNullable(principal);
    }

    // ---- ClusterOperations ----

    @Override
    public synchronized ObservedCluster getCluster(String clusterId) throws AzureException {
        record("GET", clusterId, "2025-09-01", null, null);
        tick();
        Fault fault = clusterReadFaults.poll();
        if (fault != null) {
            throw fault.exception(++requests);
        }
        ObjectNode cluster = resources.get(key(clusterId));
        if (cluster == null || !isCluster(cluster)) {
            throw notFound(clusterId);
        }
        return ObservedCluster.of(cluster.deepCopy(), null, "req-" + (++requests));
    }

    @Override
    public synchronized List<ObservedAgentPool> getAgentPools(String clusterId) throws AzureException {
        record("GET", clusterId + "/agentPools", "2025-09-01", null, null);
        tick();
        ObjectNode cluster = resources.get(key(clusterId));
        if (cluster == null) {
            throw notFound(clusterId);
        }
        List<ObservedAgentPool> pools = new ArrayList<>();
        for (JsonNode profile : cluster.path("properties").path("agentPoolProfiles")) {
            ObjectNode pool = MAPPER.createObjectNode();
            String name = profile.path("name").asText();
            pool.put("id", cluster.get("id").asText() + "/agentPools/" + name);
            pool.put("name", name);
            pool.put("type", "Microsoft.ContainerService/managedClusters/agentPools");
            ObjectNode props = ((ObjectNode) profile).deepCopy();
            props.remove("name");
            pool.set("properties", props);
            pools.add(ObservedAgentPool.of(pool));
        }
        return pools;
    }

    @Override
    public synchronized Optional<RawResource> get(String path, String apiVersion) throws AzureException {
        record("GET", path, apiVersion, null, null);
        ObjectNode resource = resources.get(key(path));
        if (resource != null) {
            return Optional.of(new RawResource(resource.deepCopy(), resource.path("etag").asText(null)));
        }
        ArrayNode value = MAPPER.createArrayNode();
        String locks = "/providers/microsoft.authorization/locks";
        if (key(path).endsWith(locks)) {
            // ARM lists every lock at or below the scope: the subscription's, its resource groups' and resources'.
            String scope = key(path).substring(0, key(path).length() - locks.length()) + "/";
            resources.forEach((k, v) -> {
                if (k.startsWith(scope) && k.contains(locks + "/")) {
                    value.add(v.deepCopy());
                }
            });
            return Optional.of(new RawResource(MAPPER.createObjectNode().set("value", value), null));
        }
        // A collection: the resources directly under the path, as one ARM list.
        String prefix = key(path) + "/";
        resources.forEach((k, v) -> {
            if (k.startsWith(prefix) && !k.substring(prefix.length()).contains("/")) {
                value.add(v.deepCopy());
            }
        });
        // An ARM id has an even number of segments (…/{type}/{name}); a collection path an odd number.
        boolean collection = key(path).substring(1).split("/").length % 2 == 1;
        if (!collection) {
            return Optional.empty();
        }
        ObjectNode list = MAPPER.createObjectNode();
        list.set("value", value);
        return Optional.of(new RawResource(list, null));
    }

    /** The principal id ARM gives a user-assigned identity here: stable per identity id. */
    public static String principalIdOf(String identityId) {
        return java.util.UUID.nameUUIDFromBytes(("principal:" + identityId.toLowerCase(java.util.Locale.ROOT))
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
    }

    /**
     * Role assignments as ARM lists them at a scope: with {@code principalId eq 'X'}, the principal's assignments at,
     * above and below the scope (RoleAssignments_ListForScope); with {@code atScope()}, every assignment at or above
     * it. Assignments are seeded as resources of type Microsoft.Authorization/roleAssignments.
     */
    @Override
    public synchronized Optional<RawResource> list(String path, String apiVersion, String filter)
            throws AzureException {
        record("GET", path + "?$filter=" + filter, apiVersion, null, null);
        String suffix = "/providers/microsoft.authorization/roleassignments";
        if (!key(path).endsWith(suffix)) {
            throw new AzureException(400, "InvalidFilter", "$filter is only supported on role assignments here",
                    null, "req", "corr");
        }
        String scope = key(path).substring(0, key(path).length() - suffix.length());
        java.util.regex.Matcher principal = java.util.regex.Pattern.compile("principalId eq '([^']+)'")
                .matcher(filter);
        boolean atScope = filter.contains("atScope()");
        String principalId = principal.find() ? principal.group(1) : null;
        ArrayNode value = MAPPER.createArrayNode();
        for (ObjectNode r : resources.values()) {
            if (!"microsoft.authorization/roleassignments".equalsIgnoreCase(r.path("type").asText())) {
                continue;
            }
            String at = key(r.path("properties").path("scope").asText());
            boolean above = scope.equals(at) || scope.startsWith(at.endsWith("/") ? at : at + "/");
            boolean below = at.startsWith(scope + "/");
            boolean samePrincipal = principalId == null
                    || principalId.equalsIgnoreCase(r.path("properties").path("principalId").asText());
            if (samePrincipal && (above || (!atScope && principalId != null && below))) {
                value.add(r.deepCopy());
            }
        }
        ObjectNode list = MAPPER.createObjectNode();
        list.set("value", value);
        return Optional.of(new RawResource(list, null));
    }

    @Override
    public synchronized OperationHandle beginPut(String path, String apiVersion, String ifMatchEtag, JsonNode fullBody)
            throws AzureException {
        record("PUT", path, apiVersion, ifMatchEtag, fullBody);
        int requestNumber = ++requests;
        puts++;
        Fault fault = putFaults.poll();
        if (fault != null && !fault.applyFirst()) {
            throw fault.exception(requestNumber);
        }
        ObjectNode cluster = resources.get(key(path));
        if (cluster == null || !isCluster(cluster)) {
            throw notFound(path);
        }
        if (ifMatchEtag != null && !ifMatchEtag.equals(cluster.path("eTag").asText())) {
            throw Fault.preconditionFailed().exception(requestNumber);
        }
        if (operations.values().stream().anyMatch(o -> o.clusterKey.equals(key(path)) && o.state.equals("InProgress"))) {
            throw Fault.conflict().exception(requestNumber);
        }
        JsonNode np = fullBody.path("properties").path("networkProfile");
        String policy = np.path("networkPolicy").asText("none");
        if ("overlay".equalsIgnoreCase(np.path("networkPluginMode").asText())
                && !"none".equalsIgnoreCase(policy) && !"cilium".equalsIgnoreCase(policy)
                && "kubenet".equalsIgnoreCase(cluster.path("properties").path("networkProfile").path("networkPlugin").asText())) {
            // AKS refuses the Overlay update while Calico or Azure NPM is on (https://github.com/Azure/AKS/issues/4006).
            throw new AzureException(400, "ValidationError", "Cannot update cluster to Azure CNI Overlay while using"
                    + " network policies", null, "req-" + requestNumber, "corr-" + requestNumber);
        }
        boolean pluginUpdate = "kubenet".equalsIgnoreCase(cluster.path("properties").path("networkProfile")
                .path("networkPlugin").asText()) && "azure".equalsIgnoreCase(np.path("networkPlugin").asText());
        String oldPodCidr = cluster.path("properties").path("networkProfile").path("podCidr").asText(null);
        // Accepted: the desired state shows at once, the operation runs.
        ObjectNode updated = (ObjectNode) fullBody.deepCopy();
        ObjectNode props = (ObjectNode) updated.get("properties");
        props.put("provisioningState", "Updating");
        for (JsonNode pool : props.path("agentPoolProfiles")) {
            ((ObjectNode) pool).put("provisioningState", "Updating");
        }
        updated.put("eTag", nextEtag());
        // ARM fills in the principal and client id of every user-assigned identity it accepts.
        if (updated.path("identity").path("userAssignedIdentities") instanceof ObjectNode identities) {
            identities.fields().forEachRemaining(e -> {
                if (e.getValue() instanceof ObjectNode entry && !entry.hasNonNull("principalId")) {
                    entry.put("principalId", principalIdOf(e.getKey()));
                    entry.put("clientId", java.util.UUID.nameUUIDFromBytes(("client:" + e.getKey().toLowerCase(
                            java.util.Locale.ROOT)).getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString());
                }
            });
        }
        resources.put(key(path), updated);
        String id = String.format("op-%04d", operations.size() + 1);
        Operation operation = new Operation(id, key(path), pollsPerOperation);
        operation.pluginUpdate = pluginUpdate;
        operation.oldPodCidr = oldPodCidr;
        accepted++;
        String[] failure = failingOperations.containsKey(accepted) ? failingOperations.get(accepted)
                : operationFailures.poll();
        if (failure != null) {
            operation.errorCode = failure[0];
            operation.errorMessage = failure[1];
        }
        operations.put(id, operation);
        if (fault != null) {
            throw fault.exception(requestNumber);
        }
        if (puts == crashAfterPut) {
            throw new SimulatedCrash("after PUT " + puts + " was accepted");
        }
        return new OperationHandle(operationUrl(cluster, id), operationRetryAfter, "req-" + requestNumber,
                "corr-" + requestNumber);
    }

    @Override
    public synchronized OperationStatus pollOperation(OperationHandle handle) throws AzureException {
        record("GET", handle.operationUrl(), null, null, null);
        tick();
        Fault fault = pollFaults.poll();
        if (fault != null) {
            throw fault.exception(++requests);
        }
        String id = handle.operationUrl().replaceAll(".*/operations/([^?]+).*", "$1");
        Operation operation = operations.get(id);
        if (operation == null) {
            throw notFound(handle.operationUrl());
        }
        return switch (operation.state) {
            case "InProgress" -> OperationStatus.inProgress(operationRetryAfter);
            case "Succeeded" -> OperationStatus.succeeded();
            default -> OperationStatus.failed(operation.errorCode, operation.errorMessage);
        };
    }

    // ---- simulation ----

    /** One observation: every running operation and pool reimage moves one step. */
    private void tick() {
        if (operationsNeverEnd) {
            return;
        }
        for (Operation operation : operations.values()) {
            if (!operation.state.equals("InProgress")) {
                continue;
            }
            if (--operation.remaining > 0) {
                continue;
            }
            ObjectNode cluster = resources.get(operation.clusterKey);
            ObjectNode props = (ObjectNode) cluster.get("properties");
            if (operation.errorCode != null) {
                operation.state = "Failed";
                props.put("provisioningState", "Failed");
                for (JsonNode pool : props.path("agentPoolProfiles")) {
                    ((ObjectNode) pool).put("provisioningState", "Failed");
                }
                continue;
            }
            operation.state = "Succeeded";
            props.put("provisioningState", "Succeeded");
            int i = 0;
            for (JsonNode pool : props.path("agentPoolProfiles")) {
                String name = pool.path("name").asText();
                if (operation.pluginUpdate) {
                    // The reimage of every pool goes on a little after the operation: observe-rollout watches it.
                    rollout.put(operation.clusterKey + "|" + name, ++i * rolloutTicksPerPool);
                } else {
                    ((ObjectNode) pool).put("provisioningState", "Succeeded");
                }
            }
            if (operation.pluginUpdate) {
                pluginUpdated(cluster, operation.oldPodCidr);
            }
        }
        for (Iterator<Map.Entry<String, Integer>> it = rollout.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Integer> entry = it.next();
            if (rolloutStuck) {
                continue;
            }
            int left = entry.getValue() - 1;
            if (left > 0) {
                entry.setValue(left);
                continue;
            }
            String[] parts = entry.getKey().split("\\|");
            for (JsonNode pool : resources.get(parts[0]).path("properties").path("agentPoolProfiles")) {
                if (pool.path("name").asText().equals(parts[1])) {
                    ((ObjectNode) pool).put("provisioningState", "Succeeded");
                    ((ObjectNode) pool).put("nodeImageVersion", pool.path("nodeImageVersion").asText("image") + "-overlay");
                }
            }
            it.remove();
        }
    }

    /** What AKS does to the route tables (https://learn.microsoft.com/azure/aks/update-azure-cni): a managed one is deleted, a BYO one loses the kubenet pod routes. */
    private void pluginUpdated(ObjectNode cluster, String oldPodCidr) {
        String nodeRg = cluster.path("properties").path("nodeResourceGroup").asText("").toLowerCase(Locale.ROOT);
        IpPrefix pods = oldPodCidr == null ? null : IpPrefix.parse(oldPodCidr);
        List<String> tables = resources.keySet().stream().filter(k -> k.contains("/providers/microsoft.network/routetables/")
                && !k.contains("/routes/")).toList();
        for (String key : tables) {
            ObjectNode table = resources.get(key);
            boolean associated = false;
            for (ObjectNode vnet : resources.values()) {
                for (JsonNode subnet : vnet.path("properties").path("subnets")) {
                    if (key.equalsIgnoreCase(subnet.path("properties").path("routeTable").path("id").asText())) {
                        associated = true;
                    }
                }
            }
            if (!associated) {
                continue;
            }
            if (key.contains("/resourcegroups/" + nodeRg + "/")) {
                resources.remove(key);
                continue;
            }
            ArrayNode kept = MAPPER.createArrayNode();
            for (JsonNode route : table.path("properties").path("routes")) {
                String prefix = route.path("properties").path("addressPrefix").asText("");
                boolean podRoute = pods != null && !prefix.startsWith("0.0.0.0/") && parses(prefix)
                        && pods.contains(IpPrefix.parse(prefix));
                boolean defaultRoute = prefix.equals("0.0.0.0/0");
                if (!podRoute && !(defaultRoute && dropDefaultRouteOnPluginUpdate)) {
                    kept.add(route);
                }
            }
            ((ObjectNode) table.get("properties")).set("routes", kept);
        }
    }

    private static boolean parses(String prefix) {
        try {
            IpPrefix.parse(prefix);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private void record(String method, String path, String apiVersion, String ifMatch, JsonNode body) {
        callCount++;
        if (callCount == crashBeforeCall) {
            // The process died before the request left it: ARM never saw it.
            throw new SimulatedCrash("before call " + callCount + " (" + method + " " + path + ")");
        }
        calls.add(new Call(method, path, apiVersion, ifMatch, body == null ? null : body.deepCopy()));
    }

    private String nextEtag() {
        return String.format("etag-%04d", ++etags);
    }

    private static String operationUrl(ObjectNode cluster, String id) {
        String sub = cluster.get("id").asText().split("/")[2];
        return "https://management.azure.com/subscriptions/" + sub + "/providers/Microsoft.ContainerService/locations/"
                + cluster.path("location").asText("westeurope") + "/operations/" + id + "?api-version=2025-09-01";
    }

    private static boolean isCluster(JsonNode resource) {
        return resource.path("type").asText().equalsIgnoreCase("Microsoft.ContainerService/ManagedClusters");
    }

    private AzureException notFound(String path) {
        return new AzureException(404, "ResourceNotFound", "The Resource '" + path + "' was not found", null,
                "req-" + (++requests), null);
    }

    private static String key(String id) {
        String k = id.toLowerCase(Locale.ROOT);
        return k.endsWith("/") ? k.substring(0, k.length() - 1) : k;
    }
}
