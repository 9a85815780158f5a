package org.kubenetmigrate.planner.input;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kubenetmigrate.planner.inventory.Snapshot;
import org.kubenetmigrate.planner.model.AccessGap;
import org.kubenetmigrate.planner.model.ArmId;
import org.kubenetmigrate.planner.model.Fleet;
import org.kubenetmigrate.planner.model.ManagedCluster;
import org.kubenetmigrate.planner.model.RouteTable;
import org.kubenetmigrate.planner.model.SourceRef;
import org.kubenetmigrate.planner.model.VirtualNetwork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads Azure's own JSON into a {@link Fleet}: ARM GET/list responses, {@code az aks|network ... show/list} output
 * and {@code az graph query -o json} results, in any mix. Resources of other types are skipped; the first
 * occurrence of an ARM id wins, in sorted file order. Any problem stops the read with an {@link InputException}
 * naming the file and the JSON pointer of the offending value. A snapshot written by {@code inventory} is read
 * the same way: its resources through the same readers, its unverified reads as the fleet's access gaps.
 */
public final class FleetReader {
    private static final Logger LOG = LoggerFactory.getLogger(FleetReader.class);

    /**
     * @param paths files, or directories searched recursively for files ending in {@code .json}
     */
    public Fleet read(List<Path> paths) throws InputException {
        Accumulator fleet = new Accumulator();
        for (Path file : InputFiles.collect(paths)) {
            String name = file.toString();
            JsonNode root = InputFiles.parse(file);
            if (isSnapshot(root)) {
                readSnapshot(name, root, fleet);
                continue;
            }
            for (JsonNodeAt resource : resources(name, root)) {
                readResource(JsonFields.of(name, resource.pointer(), resource.node()), fleet);
            }
        }
        return fleet.toFleet();
    }

    /**
     * Reads one JSON document held in memory, such as a live ARM response, exactly as a file with that content
     * would be read; {@code source} names it in error messages (e.g. {@code "GET /subscriptions/…"}).
     */
    public Fleet read(String source, JsonNode document) throws InputException {
        Accumulator fleet = new Accumulator();
        for (JsonNodeAt resource : resources(source, document)) {
            readResource(JsonFields.of(source, resource.pointer(), resource.node()), fleet);
        }
        return fleet.toFleet();
    }

    /**
     * Reads a snapshot written by {@code inventory} (or held in memory by a live run): its resources go through the
     * same readers as any file, and its unverified reads become the fleet's {@link AccessGap}s.
     *
     * @param name what to call the snapshot in messages (its file name, or "(live)")
     */
    public Fleet readSnapshot(String name, JsonNode root) throws InputException {
        Accumulator fleet = new Accumulator();
        readSnapshot(name, root, fleet);
        return fleet.toFleet();
    }

    /** A snapshot is recognised by its {@code snapshotVersion} key, which no Azure response has. */
    static boolean isSnapshot(JsonNode root) {
        return root.isObject() && root.has(Snapshot.VERSION_KEY);
    }

    private static void readSnapshot(String name, JsonNode root, Accumulator fleet) throws InputException {
        JsonFields snapshot = JsonFields.of(name, "", root);
        Integer version = snapshot.integer(Snapshot.VERSION_KEY);
        if (version == null || version != Snapshot.VERSION) {
            throw snapshot.error(Snapshot.VERSION_KEY, "unsupported snapshot version " + version
                    + " (this version of kubenet-migrate reads version " + Snapshot.VERSION + ")");
        }
        JsonFields metadata = snapshot.object("metadata");
        for (JsonFields gap : metadata.objects("unverified")) {
            ArmId scope = gap.armId("resourceId");
            if (scope != null) {
                fleet.accessGaps.add(new AccessGap(scope, gap.requiredString("reason"), gap.string("missingAction")));
            }
        }
        for (JsonFields failed : metadata.objects("subscriptionsFailed")) {
            String subscription = failed.requiredString("subscriptionId");
            String error = failed.string("error");
            LOG.warn("{}: subscription {} could not be read: {}; its clusters are missing from this input",
                    name, subscription, error);
            fleet.accessGaps.add(new AccessGap(ArmId.of("/subscriptions/" + subscription),
                    "subscription could not be read: " + error, null));
        }
        if (!root.has("resources") || !root.get("resources").isArray()) {
            throw snapshot.error("resources", "expected an array of resources");
        }
        for (JsonNodeAt resource : entries(root.get("resources"), "/resources")) {
            readResource(JsonFields.of(name, resource.pointer(), resource.node()), fleet);
        }
    }

    private static void readResource(JsonFields resource, Accumulator fleet) throws InputException {
        String declared = ResourceType.declaredType(resource);
        Optional<ResourceType> type = ResourceType.of(declared);
        if (type.isEmpty()) {
            LOG.debug("{}: {}: skipping resource of type {}", resource.file(), pointerText(resource.pointer()),
                    declared == null ? "(none)" : declared);
            return;
        }
        switch (type.get()) {
            case MANAGED_CLUSTER -> {
                ManagedCluster cluster = ManagedClusterReader.read(resource);
                if (fleet.isFirst(cluster.id(), cluster.source())) {
                    fleet.clusters.add(cluster);
                }
            }
            case VIRTUAL_NETWORK -> {
                VirtualNetwork network = VirtualNetworkReader.read(resource);
                if (fleet.isFirst(network.id(), network.source())) {
                    fleet.virtualNetworks.add(network);
                }
            }
            case ROUTE_TABLE -> {
                RouteTable table = RouteTableReader.read(resource);
                if (fleet.isFirst(table.id(), table.source())) {
                    fleet.routeTables.add(table);
                }
            }
        }
    }

    /**
     * The resources in one file: the document itself, the entries of a bare array, of an ARM list
     * ({@code {"value": [...]}}) or of a Resource Graph result ({@code {"data": [...], "count": ..}}).
     */
    private static List<JsonNodeAt> resources(String file, JsonNode root) throws InputException {
        if (root.isArray()) {
            return entries(root, "");
        }
        if (!root.isObject()) {
            throw new InputException(file, "", "expected an object or an array, found " + JsonFields.describe(root));
        }
        boolean isResource = root.has("id") || root.has("type") || root.has("properties");
        if (!isResource && root.has("value")) {
            warnIfPaged(file, root, "nextLink");
            return entriesOf(file, root, "value");
        }
        if (!isResource && root.has("data")) {
            warnIfPaged(file, root, "skip_token");
            warnIfPaged(file, root, "$skipToken");
            return entriesOf(file, root, "data");
        }
        return List.of(new JsonNodeAt("", root));
    }

    private static List<JsonNodeAt> entriesOf(String file, JsonNode root, String key) throws InputException {
        JsonNode list = root.get(key);
        if (!list.isArray()) {
            throw new InputException(file, "/" + key, "expected an array, found " + JsonFields.describe(list));
        }
        return entries(list, "/" + key);
    }

    private static List<JsonNodeAt> entries(JsonNode array, String pointer) {
        List<JsonNodeAt> result = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            result.add(new JsonNodeAt(pointer + "/" + i, array.get(i)));
        }
        return result;
    }

    /** A saved page of a longer listing is readable, but the fleet it describes is incomplete; say so. */
    private static void warnIfPaged(String file, JsonNode root, String continuationKey) {
        JsonNode token = root.get(continuationKey);
        if (token != null && !token.isNull() && !token.asText().isBlank()) {
            LOG.warn("{}: has \"{}\": it is one page of a longer result, resources on other pages are missing",
                    file, continuationKey);
        }
    }

    private static String pointerText(String pointer) {
        return pointer.isEmpty() ? "(document root)" : pointer;
    }

    private record JsonNodeAt(String pointer, JsonNode node) {
    }

    /** The fleet being built, with the first source of each ARM id so that a repeat is dropped and reported once. */
    private static final class Accumulator {
        private final List<ManagedCluster> clusters = new ArrayList<>();
        private final List<VirtualNetwork> virtualNetworks = new ArrayList<>();
        private final List<RouteTable> routeTables = new ArrayList<>();
        private final List<AccessGap> accessGaps = new ArrayList<>();
        private final Map<ArmId, SourceRef> firstSeen = new HashMap<>();

        /**
         * True the first time an id is seen. A repeat is expected (a Resource Graph export next to
         * {@code az aks show} output), so it is reported at INFO rather than treated as an error. Resources are
         * fully read before this check, so a broken repeat still stops the read.
         */
        boolean isFirst(ArmId id, SourceRef source) {
            SourceRef first = firstSeen.putIfAbsent(id, source);
            if (first != null) {
                LOG.info("{}: duplicate of {} read from {}; keeping the first", source.describe(), id, first.describe());
            }
            return first == null;
        }

        Fleet toFleet() {
            return new Fleet(clusters, virtualNetworks, routeTables, accessGaps);
        }
    }
}
