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
import java.util.List;
import java.util.Locale;
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
import org.kubenetmigrate.testsupport.AksSimulator;
import org.kubenetmigrate.testsupport.ResourceStore;

/**
 * The in-memory front-end of the {@link AksSimulator}, for the executor's and the CLI's tests: the executor's
 * {@link ClusterOperations} served from the simulator's store without HTTP. What AKS does (ETags, 412/409, the
 * policy refusal, operations, the route tables and the pools' reimage after the plugin update) is the simulator's,
 * the same one the fake ARM serves over HTTPS; a contract suite asserts both front-ends alike. This class adds what
 * only an in-process caller needs: seeding from ARM JSON files, generic reads (the network resources, role
 * assignments), faults thrown as the SDK adapter would throw them (429 with Retry-After, 5xx and dropped connections
 * before or after the change is applied, 412, 409), simulated crashes at an exact call, and a log of every call.
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

    private final ResourceStore store = new ResourceStore();
    private final AksSimulator aks = new AksSimulator(store);
    private final List<Call> calls = new ArrayList<>();
    private final Deque<Fault> putFaults = new ArrayDeque<>();
    private final Deque<Fault> pollFaults = new ArrayDeque<>();
    private final Deque<Fault> clusterReadFaults = new ArrayDeque<>();
    private int requests;
    private Duration operationRetryAfter = Duration.ofSeconds(10);
    private int crashBeforeCall = -1;
    private int crashAfterPut = -1;
    private int puts;
    private int callCount;
    private String principal = "ops@example.com";

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
            store.put(resource);
        }
    }

    /** The state machine behind this front-end: its settings (operation length, failures, rollout) and state. */
    public AksSimulator simulator() {
        return aks;
    }

    /** Sets up the simulator in a chain of calls: {@code Scenario.azure().simulating(aks -> aks.rolloutStuck(true))}. */
    public InMemoryClusterOperations simulating(Consumer<AksSimulator> settings) {
        settings.accept(aks);
        return this;
    }

    /** The stored resource, as ARM would return it now. */
    public synchronized ObjectNode resource(String id) {
        return store.get(key(id)).map(ObjectNode::deepCopy).orElse(null);
    }

    /** Every stored resource, copied. */
    public synchronized List<JsonNode> snapshot() {
        return store.all().stream().map(r -> (JsonNode) r.deepCopy()).toList();
    }

    /** Edits a resource as if it had always been so (no new ETag): for fields the export did not show. */
    public synchronized void editAsExported(String id, Consumer<ObjectNode> change) {
        change.accept(store.get(key(id)).orElseThrow());
    }

    /** Changes a resource behind the executor's back (another admin); a cluster gets a new ETag. */
    public synchronized void changeOutOfBand(String id, Consumer<ObjectNode> change) {
        if (AksSimulator.isCluster(store.get(key(id)).orElseThrow())) {
            aks.changeOutOfBand(key(id), change);
        } else {
            change.accept(store.get(key(id)).orElseThrow());
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
        Fault fault = clusterReadFaults.poll();
        ObjectNode cluster;
        try {
            // The read reaches Azure (time passes for the cluster) even when its answer is lost to a fault.
            cluster = aks.getCluster(key(clusterId));
        } catch (AksSimulator.Refusal refusal) {
            throw fault != null ? fault.exception(++requests) : azure(refusal);
        }
        if (fault != null) {
            throw fault.exception(++requests);
        }
        return ObservedCluster.of(cluster, null, "req-" + (++requests));
    }

    @Override
    public synchronized List<ObservedAgentPool> getAgentPools(String clusterId) throws AzureException {
        record("GET", clusterId + "/agentPools", "2025-09-01", null, null);
        try {
            return aks.getAgentPools(key(clusterId)).stream().map(ObservedAgentPool::of).toList();
        } catch (AksSimulator.Refusal refusal) {
            throw azure(refusal);
        }
    }

    @Override
    public synchronized Optional<RawResource> get(String path, String apiVersion) throws AzureException {
        record("GET", path, apiVersion, null, null);
        ObjectNode resource = store.get(key(path)).orElse(null);
        if (resource != null) {
            return Optional.of(new RawResource(resource.deepCopy(), resource.path("etag").asText(null)));
        }
        ArrayNode value = MAPPER.createArrayNode();
        String locks = "/providers/microsoft.authorization/locks";
        if (key(path).endsWith(locks)) {
            // ARM lists every lock at or below the scope: the subscription's, its resource groups' and resources'.
            String scope = key(path).substring(0, key(path).length() - locks.length()) + "/";
            for (ObjectNode r : store.all()) {
                String k = key(r.path("id").asText());
                if (k.startsWith(scope) && k.contains(locks + "/")) {
                    value.add(r.deepCopy());
                }
            }
            return Optional.of(new RawResource(MAPPER.createObjectNode().set("value", value), null));
        }
        // A collection: the resources directly under the path, as one ARM list.
        String prefix = key(path) + "/";
        for (ObjectNode r : store.all()) {
            String k = key(r.path("id").asText());
            if (k.startsWith(prefix) && !k.substring(prefix.length()).contains("/")) {
                value.add(r.deepCopy());
            }
        }
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
        return AksSimulator.principalIdOf(identityId);
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
        for (ObjectNode r : store.all()) {
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
        if (!(fullBody instanceof ObjectNode body)) {
            throw new AzureException(400, "InvalidRequestContent", "the body is not a JSON object", null,
                    "req-" + requestNumber, "corr-" + requestNumber);
        }
        AksSimulator.Accepted accepted;
        try {
            accepted = aks.put(key(path), ifMatchEtag, body);
        } catch (AksSimulator.Refusal refusal) {
            throw new AzureException(refusal.status(), refusal.code(), refusal.getMessage(), null,
                    "req-" + requestNumber, "corr-" + requestNumber);
        }
        if (fault != null) {
            throw fault.exception(requestNumber);
        }
        if (puts == crashAfterPut) {
            throw new SimulatedCrash("after PUT " + puts + " was accepted");
        }
        return new OperationHandle(operationUrl(accepted), operationRetryAfter, "req-" + requestNumber,
                "corr-" + requestNumber);
    }

    @Override
    public synchronized OperationStatus pollOperation(OperationHandle handle) throws AzureException {
        record("GET", handle.operationUrl(), null, null, null);
        Fault fault = pollFaults.poll();
        String id = handle.operationUrl().replaceAll(".*/operations/([^?]+).*", "$1");
        AksSimulator.OperationStatus status;
        try {
            // The poll reaches Azure (time passes for the cluster) even when its answer is lost to a fault.
            status = aks.pollOperation(id);
        } catch (AksSimulator.Refusal refusal) {
            throw fault != null ? fault.exception(++requests) : azure(refusal);
        }
        if (fault != null) {
            throw fault.exception(++requests);
        }
        return switch (status.state()) {
            case IN_PROGRESS -> OperationStatus.inProgress(operationRetryAfter);
            case SUCCEEDED -> OperationStatus.succeeded();
            case FAILED -> OperationStatus.failed(status.errorCode(), status.errorMessage());
        };
    }

    private void record(String method, String path, String apiVersion, String ifMatch, JsonNode body) {
        callCount++;
        if (callCount == crashBeforeCall) {
            // The process died before the request left it: ARM never saw it.
            throw new SimulatedCrash("before call " + callCount + " (" + method + " " + path + ")");
        }
        calls.add(new Call(method, path, apiVersion, ifMatch, body == null ? null : body.deepCopy()));
    }

    /** Where ARM would answer the operation's status: management.azure.com, in the cluster's region. */
    private static String operationUrl(AksSimulator.Accepted accepted) {
        ObjectNode cluster = accepted.cluster();
        String sub = cluster.get("id").asText().split("/")[2];
        return "https://management.azure.com/subscriptions/" + sub + "/providers/Microsoft.ContainerService/locations/"
                + cluster.path("location").asText("westeurope") + "/operations/" + accepted.operationId()
                + "?api-version=2025-09-01";
    }

    private AzureException azure(AksSimulator.Refusal refusal) {
        int n = ++requests;
        return new AzureException(refusal.status(), refusal.code(), refusal.getMessage(), null, "req-" + n,
                refusal.status() == 404 ? null : "corr-" + n);
    }

    private static String key(String id) {
        String k = id.toLowerCase(Locale.ROOT);
        return k.endsWith("/") ? k.substring(0, k.length() - 1) : k;
    }
}
