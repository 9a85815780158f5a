package org.kubenetmigrate.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The read side of ARM: subscriptions, resource GETs, child resources and list endpoints, from the store. */
final class ArmRoutes {
    private static final Pattern COLLECTION = Pattern.compile(
            "(?i)(/subscriptions/[^/]+(?:/resourceGroups/[^/]+)?)/providers/([^/]+)/([^/]+)");

    private final FakeArm fake;
    private final ResourceStore store;

    ArmRoutes(FakeArm fake, ResourceStore store) {
        this.fake = fake;
        this.store = store;
    }

    void install() {
        fake.route("GET", "/subscriptions", (req, m) -> subscriptions());
        fake.route("GET", "/subscriptions/[^/]+/.+", (req, m) -> get(req.path()));
        fake.route("GET", "/subscriptions/[^/]+/providers/Microsoft\\.Compute/locations/[^/]+/usages",
                (req, m) -> usages(req.path()));
    }

    /**
     * {@code Usage_List}: {@code {"value":[{"currentValue","limit","name":{"value","localizedValue"},"unit"}]}} as in
     * the azure-rest-api-specs example; the stored list carries its request path as id, which Azure's answer lacks.
     */
    private FakeResponse usages(String path) {
        Optional<String> denied = store.deniedAction(path);
        if (denied.isPresent()) {
            return forbidden(denied.get(), path);
        }
        ArrayNode value = Json.array();
        store.get(path).ifPresent(stored -> stored.path("value").forEach(value::add));
        return FakeResponse.ok(Json.object().set("value", value));
    }

    private FakeResponse subscriptions() {
        ArrayNode value = Json.array();
        store.subscriptions().forEach((id, name) -> value.add(subscription(id, name)));
        return FakeResponse.ok(Json.object().set("value", value));
    }

    private static ObjectNode subscription(String id, String displayName) {
        ObjectNode s = Json.object().put("id", "/subscriptions/" + id).put("authorizationSource", "RoleBased")
                .put("subscriptionId", id).put("tenantId", FakeArm.TENANT).put("displayName", displayName)
                .put("state", "Enabled");
        s.set("managedByTenants", Json.array());
        s.set("subscriptionPolicies", Json.object().put("locationPlacementId", "Public_2014-09-01")
                .put("quotaId", "PayAsYouGo_2014-09-01").put("spendingLimit", "Off"));
        return s;
    }

    private FakeResponse get(String path) {
        Optional<String> denied = store.deniedAction(path);
        if (denied.isPresent()) {
            return forbidden(denied.get(), path);
        }
        Optional<ObjectNode> resource = store.get(path);
        if (resource.isPresent()) {
            return FakeResponse.ok(resource.get());
        }
        Optional<FakeResponse> child = child(path);
        if (child.isPresent()) {
            return child.get();
        }
        Matcher collection = COLLECTION.matcher(path);
        if (collection.matches()) {
            String type = collection.group(2) + "/" + collection.group(3);
            ArrayNode value = Json.array();
            store.list(type, collection.group(1)).forEach(value::add);
            return FakeResponse.ok(Json.object().set("value", value));
        }
        return FakeResponse.notFound(path);
    }

    /** Agent pools of a cluster and subnets of a VNet, derived from the parent as ARM does. */
    private Optional<FakeResponse> child(String path) {
        String lower = path.toLowerCase(java.util.Locale.ROOT);
        for (String kind : List.of("/agentpools", "/subnets")) {
            int at = lower.lastIndexOf(kind);
            if (at < 0) {
                continue;
            }
            String rest = path.substring(at + kind.length());
            if (!rest.isEmpty() && (rest.indexOf('/', 1) >= 0 || !rest.startsWith("/"))) {
                continue;
            }
            Optional<ObjectNode> parent = store.get(path.substring(0, at));
            if (parent.isEmpty()) {
                return Optional.of(FakeResponse.notFound(path.substring(0, at)));
            }
            ArrayNode items = kind.equals("/subnets") ? subnets(parent.get()) : agentPools(parent.get());
            if (rest.isEmpty()) {
                return Optional.of(FakeResponse.ok(Json.object().set("value", items)));
            }
            String name = rest.substring(1);
            for (JsonNode item : items) {
                if (item.path("name").asText().equalsIgnoreCase(name)) {
                    return Optional.of(FakeResponse.ok(item));
                }
            }
            return Optional.of(FakeResponse.notFound(path));
        }
        return Optional.empty();
    }

    private static ArrayNode subnets(ObjectNode vnet) {
        JsonNode subnets = vnet.path("properties").path("subnets");
        return subnets.isArray() ? ((ArrayNode) subnets).deepCopy() : Json.array();
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

    /** ARM's answer to a read the caller has no role for. */
    static FakeResponse forbidden(String action, String scope) {
        return FakeResponse.error(403, "AuthorizationFailed", "The client '" + FakeArm.CLIENT_ID + "' with object id '"
                + FakeArm.CLIENT_ID + "' does not have authorization to perform action '" + action + "' over scope '"
                + scope + "' or the scope is invalid. If access was recently granted, please refresh your credentials.");
    }
}
