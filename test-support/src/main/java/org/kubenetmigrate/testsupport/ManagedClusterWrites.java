package org.kubenetmigrate.testsupport;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Consumer;
import java.util.regex.Matcher;

/**
 * The fake ARM's front-end over the {@link AksSimulator}: managed cluster reads, agent pool lists, PUTs and
 * operation polls as HTTP, installed on a {@link FakeArm} with {@link #install}. What AKS does is the simulator's;
 * this class only speaks HTTP: status codes and ARM error bodies for refusals, the {@code ETag},
 * {@code Azure-AsyncOperation} and {@code Retry-After} headers, the operation status body.
 *
 * <p>ETags are written as HTTP and ARM write them: by default the {@code ETag} header quotes the tag
 * ({@code ETag: "abc"}, RFC 9110 §8.8.3) while the body's {@code eTag} is bare ({@code "eTag": "abc"}, as in the
 * AKS documentation's examples); {@link #etagForms} chooses others (weak, bare, none; a quoted body) so that a
 * client can be shown to cope with each. Faults (429, 5xx, dropped connections, slow answers) come from
 * {@link FakeArm#fault}, per request.
 */
public final class ManagedClusterWrites {
    private static final String CLUSTER = "(/subscriptions/[^/]+/resourceGroups/[^/]+/providers/"
            + "Microsoft\\.ContainerService/managedClusters/[^/]+)";

    private final FakeArm fake;
    private final AksSimulator aks;
    private volatile String retryAfterSeconds = "1";
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

    private ManagedClusterWrites(FakeArm fake) {
        this.fake = fake;
        this.aks = new AksSimulator(fake.resources());
    }

    /** Adds the routes to {@code fake} (they win over its read routes for managed clusters). */
    public static ManagedClusterWrites install(FakeArm fake) {
        ManagedClusterWrites writes = new ManagedClusterWrites(fake);
        fake.route("GET", CLUSTER, (req, m) -> writes.getCluster(m.group(1)));
        fake.route("GET", CLUSTER + "/agentPools", (req, m) -> writes.getAgentPools(m.group(1)));
        fake.route("PUT", CLUSTER, writes::put);
        fake.route("GET", "/subscriptions/[^/]+/providers/Microsoft\\.ContainerService/locations/[^/]+/operations/"
                + "(mc-[^/]+)", (req, m) -> writes.poll(m.group(1)));
        return writes;
    }

    /** The state machine behind these routes: its settings (operation length, failures, rollout) and state. */
    public AksSimulator simulator() {
        return aks;
    }

    /** The forms in which cluster reads and accepted PUTs write the ETag (default: quoted header, bare body). */
    public ManagedClusterWrites etagForms(HeaderForm header, BodyForm body) {
        this.headerForm = header;
        this.bodyForm = body;
        return this;
    }

    /** The {@code Retry-After} (seconds) of accepted PUTs and running operations; null sends none. */
    public ManagedClusterWrites retryAfterSeconds(String seconds) {
        this.retryAfterSeconds = seconds;
        return this;
    }

    /** Shorthand for {@code simulator().pollsPerOperation(polls)}, as most tests set it at install. */
    public ManagedClusterWrites pollsPerOperation(int polls) {
        aks.pollsPerOperation(polls);
        return this;
    }

    /** Shorthand for {@code simulator().rolloutReadsPerPool(reads)}. */
    public ManagedClusterWrites rolloutReadsPerPool(int reads) {
        aks.rolloutReadsPerPool(reads);
        return this;
    }

    // --- routes ---------------------------------------------------------------------------------------------------

    private FakeResponse getCluster(String id) {
        try {
            ObjectNode cluster = aks.getCluster(id);
            return withEtag(FakeResponse.ok(withBodyEtag(cluster)), cluster);
        } catch (AksSimulator.Refusal refusal) {
            return error(refusal);
        }
    }

    private FakeResponse getAgentPools(String id) {
        try {
            return FakeResponse.ok(Json.object().set("value", Json.array().addAll(aks.getAgentPools(id))));
        } catch (AksSimulator.Refusal refusal) {
            return error(refusal);
        }
    }

    private FakeResponse put(RecordedRequest request, Matcher m) {
        String id = m.group(1);
        AksSimulator.Accepted accepted;
        try {
            accepted = aks.put(id, request.header("if-match").orElse(null), FakeArm.bodyObject(request));
        } catch (AksSimulator.Refusal refusal) {
            return error(refusal);
        }
        ObjectNode cluster = accepted.cluster();
        String url = fake.baseUrl() + "subscriptions/" + ResourceStore.subscriptionOf(id)
                + "/providers/Microsoft.ContainerService/locations/" + cluster.path("location").asText("westeurope")
                + "/operations/" + accepted.operationId() + "?api-version=2025-09-01";
        FakeResponse response = withEtag(FakeResponse.ok(withBodyEtag(cluster)), cluster)
                .withHeader("Azure-AsyncOperation", url);
        return retryAfterSeconds == null ? response : response.withHeader("Retry-After", retryAfterSeconds);
    }

    private FakeResponse poll(String operationId) {
        AksSimulator.OperationStatus status;
        try {
            status = aks.pollOperation(operationId);
        } catch (AksSimulator.Refusal refusal) {
            return error(refusal);
        }
        ObjectNode body = Json.object().put("name", operationId).put("status", status.state().wire());
        if (status.errorCode() != null) {
            body.set("error", Json.object().put("code", status.errorCode()).put("message", status.errorMessage()));
        }
        FakeResponse response = FakeResponse.ok(body);
        boolean running = status.state() == AksSimulator.OperationState.IN_PROGRESS;
        return retryAfterSeconds == null || !running ? response : response.withHeader("Retry-After", retryAfterSeconds);
    }

    /** A refusal as ARM sends it: the status and an error body, marked as the fake's. */
    private static FakeResponse error(AksSimulator.Refusal refusal) {
        return FakeResponse.error(refusal.status(), refusal.code(), refusal.getMessage() + " (fake ARM)");
    }

    /** A copy of the cluster with its {@code eTag} in the body form chosen. */
    private ObjectNode withBodyEtag(ObjectNode cluster) {
        ObjectNode copy = cluster.deepCopy();
        if (copy.hasNonNull("eTag") && bodyForm == BodyForm.QUOTED) {
            copy.put("eTag", "\"" + AksSimulator.unquoted(copy.get("eTag").asText()) + "\"");
        }
        return copy;
    }

    /** The answer with the cluster's ETag header in the form chosen. */
    private FakeResponse withEtag(FakeResponse response, ObjectNode cluster) {
        if (!cluster.hasNonNull("eTag")) {
            return response;
        }
        String tag = AksSimulator.unquoted(cluster.get("eTag").asText());
        return switch (headerForm) {
            case QUOTED -> response.withHeader("ETag", "\"" + tag + "\"");
            case WEAK -> response.withHeader("ETag", "W/\"" + tag + "\"");
            case BARE -> response.withHeader("ETag", tag);
            case NONE -> response;
        };
    }
}
