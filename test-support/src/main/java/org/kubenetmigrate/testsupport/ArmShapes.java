package org.kubenetmigrate.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Turns the JSON families a user exports (ARM bodies, {@code az ... -o json}, Resource Graph rows) back into what
 * ARM itself returns, so the fake can be loaded from the example fleet: fields under {@code properties}, nested
 * subnets, peerings and routes likewise, and no Resource Graph / az additions at the top.
 */
public final class ArmShapes {
    private static final Set<String> ENVELOPE = Set.of("id", "name", "type", "location", "tags", "identity", "sku",
            "etag", "zones", "extendedlocation", "kind", "managedby", "plan", "systemdata");
    private static final Set<String> ADDED = Set.of("resourcegroup", "subscriptionid", "tenantid");
    private static final Map<String, String> TYPES = Map.of(
            "microsoft.containerservice/managedclusters", "Microsoft.ContainerService/managedClusters",
            "microsoft.network/virtualnetworks", "Microsoft.Network/virtualNetworks",
            "microsoft.network/routetables", "Microsoft.Network/routeTables",
            "microsoft.network/networksecuritygroups", "Microsoft.Network/networkSecurityGroups",
            "microsoft.authorization/locks", "Microsoft.Authorization/locks");
    /** Stored as written: a usage list with its request path as id (Azure's answer has none). */
    static final String USAGES = "microsoft.compute/locations/usages";
    private static final List<String> NESTED = List.of("subnets", "virtualNetworkPeerings", "routes", "securityRules",
            "defaultSecurityRules");

    private ArmShapes() {
    }

    /**
     * Every managed cluster, virtual network, route table, network security group and lock under {@code folder},
     * ARM-shaped, and the compute usage lists as written.
     */
    public static List<ObjectNode> load(Path folder) {
        List<ObjectNode> result = new ArrayList<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                for (JsonNode resource : entries(Json.read(file))) {
                    String type = resource.path("type").asText().toLowerCase(Locale.ROOT);
                    if (TYPES.containsKey(type)) {
                        result.add(armShaped((ObjectNode) resource));
                    } else if (type.equals(USAGES)) {
                        result.add(((ObjectNode) resource).deepCopy());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return result;
    }

    private static List<JsonNode> entries(JsonNode root) {
        List<JsonNode> list = new ArrayList<>();
        // A document with an id is one resource even when it holds a "value" list (a usage list kept with its path).
        JsonNode array = root.isArray() ? root : root.has("id") ? null : root.has("value") ? root.get("value")
                : root.has("data") ? root.get("data") : null;
        if (array == null) {
            list.add(root);
        } else {
            array.forEach(list::add);
        }
        return list;
    }

    /** One resource in ARM's shape. */
    public static ObjectNode armShaped(ObjectNode resource) {
        ObjectNode arm = Json.object();
        ObjectNode props = resource.has("properties") ? ((ObjectNode) resource.get("properties")).deepCopy() : Json.object();
        Iterator<Map.Entry<String, JsonNode>> fields = resource.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            String key = f.getKey().toLowerCase(Locale.ROOT);
            if (key.equals("properties") || ADDED.contains(key)) {
                continue;
            }
            if (ENVELOPE.contains(key)) {
                arm.set(key.equals("etag") ? f.getKey() : f.getKey(), f.getValue().deepCopy());
            } else {
                props.set(f.getKey(), f.getValue().deepCopy());
            }
        }
        String type = arm.path("type").asText();
        if (TYPES.containsKey(type.toLowerCase(Locale.ROOT))) {
            arm.put("type", TYPES.get(type.toLowerCase(Locale.ROOT)));
        }
        for (String nested : NESTED) {
            JsonNode list = props.get(nested);
            if (list != null && list.isArray()) {
                ArrayNode shaped = Json.array();
                list.forEach(n -> shaped.add(n.isObject() && n.has("id") && !isReference((ObjectNode) n)
                        ? armShaped((ObjectNode) n) : n));
                props.set(nested, shaped);
            }
        }
        arm.set("properties", props);
        return arm;
    }

    /** A bare {@code {"id": ...}} (a route table's subnet association) stays as it is. */
    private static boolean isReference(ObjectNode node) {
        return node.size() == 1;
    }
}
