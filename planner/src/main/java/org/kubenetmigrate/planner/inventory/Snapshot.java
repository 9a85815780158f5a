package org.kubenetmigrate.planner.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/**
 * What a live read saw: {@code {"snapshotVersion":1,"metadata":{...},"resources":[...]}} with the resources exactly
 * as Azure returned them (Resource Graph rows, ARM GET bodies) and metadata saying when, where, how, and what could
 * not be read. Schema: docs/schema/snapshot-v1.schema.json.
 */
public record Snapshot(Metadata metadata, List<JsonNode> resources) {
    public static final int VERSION = 1;
    public static final String VERSION_KEY = "snapshotVersion";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public Snapshot {
        resources = List.copyOf(resources);
    }

    /**
     * @param generatedAt when the read finished
     * @param cloud the cloud name, e.g. AzureCloud
     * @param armEndpoint the Resource Manager endpoint used
     * @param scope what was asked for
     * @param subscriptions the subscriptions read
     * @param queries the Resource Graph queries and ARM reads made, for the record
     * @param unverified reads that failed (permission gaps, missing resources)
     * @param subscriptionsFailed subscriptions that could not be read at all, with the error
     * @param notes caveats, e.g. that Resource Graph can lag
     * @param typesRead types read in full per subscription, so that finding none of them means there are none
     */
    public record Metadata(Instant generatedAt, String cloud, String armEndpoint, Scope scope, List<String> subscriptions,
            List<Query> queries, List<UnverifiedRead> unverified, List<FailedSubscription> subscriptionsFailed,
            List<String> notes, List<TypeRead> typesRead) {
        public Metadata {
            subscriptions = List.copyOf(subscriptions);
            queries = List.copyOf(queries);
            unverified = List.copyOf(unverified);
            subscriptionsFailed = List.copyOf(subscriptionsFailed);
            notes = List.copyOf(notes);
            typesRead = List.copyOf(typesRead);
        }

        public Metadata(Instant generatedAt, String cloud, String armEndpoint, Scope scope, List<String> subscriptions,
                        List<Query> queries, List<UnverifiedRead> unverified, List<FailedSubscription> subscriptionsFailed,
                        List<String> notes) {
            this(generatedAt, cloud, armEndpoint, scope, subscriptions, queries, unverified, subscriptionsFailed, notes,
                    List.of());
        }
    }

    /** A resource type read in full in these subscriptions. */
    public record TypeRead(String type, List<String> subscriptions) {
        public TypeRead {
            subscriptions = List.copyOf(subscriptions);
        }
    }

    /** One Resource Graph query (or ARM read), with how many pages and rows it took. */
    public record Query(String api, String text, int requests, long rows) {
    }

    /**
     * A read that failed. {@code resourceId} is the resource or a scope covering it; {@code missingAction} the RBAC
     * action Azure named in a 403 (null otherwise); {@code check} names a check when the gap is not about a resource.
     */
    public record UnverifiedRead(String resourceId, String check, String reason, String missingAction) {
    }

    public record FailedSubscription(String subscriptionId, String error) {
    }

    public ObjectNode toJson() {
        ObjectNode root = MAPPER.createObjectNode();
        root.put(VERSION_KEY, VERSION);
        ObjectNode meta = root.putObject("metadata");
        meta.put("generatedAt", metadata.generatedAt().toString());
        meta.put("cloud", metadata.cloud());
        meta.put("armEndpoint", metadata.armEndpoint());
        ObjectNode scope = meta.putObject("scope");
        ArrayNode subs = scope.putArray("subscriptions");
        metadata.scope().subscriptions().forEach(subs::add);
        if (metadata.scope().managementGroup() != null) {
            scope.put("managementGroup", metadata.scope().managementGroup());
        }
        ArrayNode read = meta.putArray("subscriptionsRead");
        metadata.subscriptions().forEach(read::add);
        ArrayNode queries = meta.putArray("queries");
        metadata.queries().forEach(q -> queries.addObject().put("api", q.api()).put("query", q.text())
                .put("requests", q.requests()).put("rows", q.rows()));
        ArrayNode unverified = meta.putArray("unverified");
        for (UnverifiedRead u : metadata.unverified()) {
            ObjectNode entry = unverified.addObject();
            if (u.resourceId() != null) {
                entry.put("resourceId", u.resourceId());
            }
            if (u.check() != null) {
                entry.put("check", u.check());
            }
            entry.put("reason", u.reason());
            if (u.missingAction() != null) {
                entry.put("missingAction", u.missingAction());
            }
        }
        ArrayNode failed = meta.putArray("subscriptionsFailed");
        metadata.subscriptionsFailed().forEach(f -> failed.addObject().put("subscriptionId", f.subscriptionId())
                .put("error", f.error()));
        ArrayNode notes = meta.putArray("notes");
        metadata.notes().forEach(notes::add);
        if (!metadata.typesRead().isEmpty()) {
            ArrayNode types = meta.putArray("typesRead");
            for (TypeRead typeRead : metadata.typesRead()) {
                ArrayNode subscriptions = types.addObject().put("type", typeRead.type()).putArray("subscriptions");
                typeRead.subscriptions().forEach(subscriptions::add);
            }
        }
        ArrayNode resources = root.putArray("resources");
        this.resources.forEach(resources::add);
        return root;
    }
}
