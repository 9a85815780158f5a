package org.kubenetmigrate.planner.input;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.kubenetmigrate.planner.model.ArmId;
import org.kubenetmigrate.planner.model.EffectiveRouteTable;
import org.kubenetmigrate.planner.model.EffectiveRouteTable.EffectiveRoute;

/**
 * Maps the answer of {@code POST …/networkInterfaces/{nic}/effectiveRouteTable}, which is also what
 * {@code az network nic show-effective-route-table -o json} prints: {@code {"value":[{"source":…,"state":…,
 * "addressPrefix":[…],"nextHopType":…,"nextHopIpAddress":[…]}]}}. It carries no id; a snapshot adds the NIC's.
 */
final class EffectiveRouteTableReader {
    private EffectiveRouteTableReader() {
    }

    /** True for a document shaped like an effective route table: a list of routes with a source and a next hop type. */
    static boolean looksLike(JsonNode root) {
        JsonNode value = root.isObject() ? root.get("value") : root;
        if (value == null || !value.isArray() || value.isEmpty()) {
            return false;
        }
        JsonNode first = value.get(0);
        return first.isObject() && first.has("nextHopType") && first.has("source") && !first.has("id")
                && first.path("addressPrefix").isArray();
    }

    static EffectiveRouteTable read(JsonFields resource, JsonNode root) throws InputException {
        ArmId nic = null;
        List<JsonFields> entries;
        if (root.isArray()) {
            entries = new ArrayList<>();
            for (int i = 0; i < root.size(); i++) {
                entries.add(JsonFields.of(resource.file(), "/" + i, root.get(i)));
            }
        } else {
            ArmId id = resource.armId("id");
            if (id != null) {
                String value = id.value();
                int at = id.key().lastIndexOf("/effectiveroutetable");
                nic = ArmId.of(at > 0 ? value.substring(0, at) : value);
            }
            entries = resource.objects("value");
        }
        List<EffectiveRoute> routes = new ArrayList<>();
        for (JsonFields entry : entries) {
            routes.add(new EffectiveRoute(entry.string("source"), entry.string("state"), entry.strings("addressPrefix"),
                    entry.string("nextHopType")));
        }
        return new EffectiveRouteTable(nic, routes, resource.source());
    }
}
