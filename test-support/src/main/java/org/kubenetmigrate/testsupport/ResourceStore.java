package org.kubenetmigrate.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * The fake's state: ARM resources as ARM returns them (fields under {@code properties}), keyed by lower-cased id;
 * the subscriptions the signed-in identity can see; management groups; and read denials (RBAC gaps).
 */
public final class ResourceStore {
    private final Map<String, ObjectNode> resources = new ConcurrentSkipListMap<>();
    private final Map<String, String> subscriptions = new ConcurrentSkipListMap<>();
    private final Map<String, List<String>> managementGroups = new ConcurrentSkipListMap<>();
    private final List<Denial> denials = new CopyOnWriteArrayList<>();

    /** A read the identity is not allowed: ARM answers 403 naming {@code action}; Resource Graph omits the rows. */
    public record Denial(Predicate<String> resourceId, String action) {
    }

    /** Stores (or replaces) a resource; its subscription becomes visible if it was not. Returns the stored copy. */
    public ObjectNode put(JsonNode resource) {
        if (!resource.isObject() || !resource.hasNonNull("id")) {
            throw new IllegalArgumentException("a resource needs an id: " + resource);
        }
        ObjectNode copy = ((ObjectNode) resource).deepCopy();
        String id = copy.get("id").asText();
        resources.put(key(id), copy);
        subscriptions.putIfAbsent(subscriptionOf(id), "subscription " + subscriptionOf(id));
        return copy;
    }

    public void putAll(Iterable<? extends JsonNode> list) {
        list.forEach(this::put);
    }

    public Optional<ObjectNode> get(String id) {
        return Optional.ofNullable(resources.get(key(id)));
    }

    public boolean remove(String id) {
        return resources.remove(key(id)) != null;
    }

    /** Resources of an ARM type (case-insensitive) whose id starts with {@code scopePrefix} (case-insensitive). */
    public List<ObjectNode> list(String type, String scopePrefix) {
        String prefix = key(scopePrefix.endsWith("/") ? scopePrefix : scopePrefix + "/");
        List<ObjectNode> result = new ArrayList<>();
        resources.forEach((id, r) -> {
            if (id.startsWith(prefix) && type.equalsIgnoreCase(r.path("type").asText())) {
                result.add(r);
            }
        });
        return result;
    }

    public List<ObjectNode> all() {
        return new ArrayList<>(resources.values());
    }

    public int size() {
        return resources.size();
    }

    public void addSubscription(String subscriptionId, String displayName) {
        subscriptions.put(subscriptionId.toLowerCase(Locale.ROOT), displayName);
    }

    /** Hides a subscription from {@code GET /subscriptions} (its resources stay). */
    public void hideSubscription(String subscriptionId) {
        subscriptions.remove(subscriptionId.toLowerCase(Locale.ROOT));
    }

    public Map<String, String> subscriptions() {
        return new LinkedHashMap<>(subscriptions);
    }

    public void addManagementGroup(String name, List<String> subscriptionIds) {
        managementGroups.put(name.toLowerCase(Locale.ROOT),
                subscriptionIds.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList());
    }

    public List<String> managementGroup(String name) {
        return managementGroups.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }

    /** Denies reading the resources the predicate selects (given the lower-cased id), naming the missing action. */
    public void deny(Predicate<String> lowerCaseId, String action) {
        denials.add(new Denial(lowerCaseId, action));
    }

    /**
     * Denies reading resources of {@code type} in one subscription, the way a missing role assignment does,
     * e.g. {@code denyType(sub, "Microsoft.Network/routeTables", "Microsoft.Network/routeTables/read")}.
     */
    public void denyType(String subscriptionId, String type, String action) {
        String prefix = "/subscriptions/" + subscriptionId.toLowerCase(Locale.ROOT) + "/";
        String marker = "/providers/" + type.toLowerCase(Locale.ROOT) + "/";
        deny(id -> id.startsWith(prefix) && id.contains(marker), action);
    }

    public void clearDenials() {
        denials.clear();
    }

    /** The action a read of this id is denied for, if it is. */
    public Optional<String> deniedAction(String id) {
        String k = key(id);
        return denials.stream().filter(d -> d.resourceId().test(k) || d.resourceId().test(k + "/")).map(Denial::action).findFirst();
    }

    static String key(String id) {
        return id.toLowerCase(Locale.ROOT);
    }

    static String subscriptionOf(String id) {
        String[] parts = key(id).split("/");
        for (int i = 0; i < parts.length - 1; i++) {
            if (parts[i].equals("subscriptions")) {
                return parts[i + 1];
            }
        }
        return "";
    }

    static String resourceGroupOf(String id) {
        String[] parts = id.split("/");
        for (int i = 0; i < parts.length - 1; i++) {
            if (parts[i].equalsIgnoreCase("resourceGroups")) {
                return parts[i + 1];
            }
        }
        return "";
    }
}
