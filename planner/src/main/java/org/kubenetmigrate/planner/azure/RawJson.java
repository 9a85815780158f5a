package org.kubenetmigrate.planner.azure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Reading the captured raw bodies and the few fields of Azure's JSON the inventory follows. */
final class RawJson {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private RawJson() {
    }

    static JsonNode parse(String body) {
        try {
            return MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Azure returned a body that is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The items of list pages ({@code {"value":[...]}}) or Resource Graph pages ({@code {"data":[...]}}). */
    static List<JsonNode> items(List<String> bodies, String key) {
        List<JsonNode> items = new ArrayList<>();
        for (String body : bodies) {
            parse(body).path(key).forEach(items::add);
        }
        return items;
    }

    static String id(JsonNode resource) {
        return resource.path("id").asText("");
    }

    /** A field of an object, matched case-insensitively ({@code vnetSubnetID} vs {@code vnetSubnetId}). */
    static Optional<JsonNode> field(JsonNode object, String name) {
        if (object == null || !object.isObject()) {
            return Optional.empty();
        }
        if (object.has(name)) {
            return Optional.of(object.get(name));
        }
        var names = object.fieldNames();
        while (names.hasNext()) {
            String n = names.next();
            if (n.equalsIgnoreCase(name)) {
                return Optional.of(object.get(n));
            }
        }
        return Optional.empty();
    }

    static Optional<String> text(JsonNode object, String name) {
        return field(object, name).filter(n -> n.isTextual() && !n.asText().isBlank()).map(JsonNode::asText);
    }

    /** The fields of an ARM resource, or the resource itself when it is flattened. */
    static JsonNode properties(JsonNode resource) {
        return field(resource, "properties").filter(JsonNode::isObject).orElse(resource);
    }

    static String key(String id) {
        return id.toLowerCase(Locale.ROOT);
    }

    static String subscriptionOf(String id) {
        return segment(id, "subscriptions");
    }

    static String resourceGroupOf(String id) {
        return segment(id, "resourceGroups");
    }

    static String segment(String id, String name) {
        String[] parts = id.split("/");
        for (int i = 0; i < parts.length - 1; i++) {
            if (parts[i].equalsIgnoreCase(name)) {
                return parts[i + 1];
            }
        }
        return "";
    }

    static String lastName(String id) {
        String[] parts = id.split("/");
        return parts[parts.length - 1];
    }

    /** The VNet id of a subnet id, or null. */
    static String parentVnet(String subnetId) {
        int at = key(subnetId).indexOf("/subnets/");
        return at < 0 ? null : subnetId.substring(0, at);
    }

    /** {@code /subscriptions/S/resourceGroups/RG}, the scope of a resource group. */
    static String resourceGroupScope(String subscriptionId, String resourceGroup) {
        return "/subscriptions/" + subscriptionId + "/resourceGroups/" + resourceGroup;
    }
}
