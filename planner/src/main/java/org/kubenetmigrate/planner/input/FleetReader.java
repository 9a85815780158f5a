package org.kubenetmigrate.planner.input;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.kubenetmigrate.planner.inventory.Snapshot;
import org.kubenetmigrate.planner.model.AccessGap;
import org.kubenetmigrate.planner.model.AddressHolder;
import org.kubenetmigrate.planner.model.ArmId;
import org.kubenetmigrate.planner.model.ComputeUsages;
import org.kubenetmigrate.planner.model.EffectiveRouteTable;
import org.kubenetmigrate.planner.model.Fleet;
import org.kubenetmigrate.planner.model.InputConflict;
import org.kubenetmigrate.planner.model.InputMetadata;
import org.kubenetmigrate.planner.model.ManagedCluster;
import org.kubenetmigrate.planner.model.NetworkSecurityGroup;
import org.kubenetmigrate.planner.model.ResourceLock;
import org.kubenetmigrate.planner.model.RouteTable;
import org.kubenetmigrate.planner.model.SourceRef;
import org.kubenetmigrate.planner.model.SurroundingType;
import org.kubenetmigrate.planner.model.Surroundings;
import org.kubenetmigrate.planner.model.VirtualNetwork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads Azure's own JSON into a {@link Fleet}: ARM GET/list responses, {@code az aks|network ... show/list} output
 * and {@code az graph query -o json} results, in any mix. Resources of other types are skipped; the first
 * occurrence of an ARM id is kept, in sorted file order, and a later copy that differs in what a rule reads becomes
 * an {@link InputConflict} (the assessment judges both). Any problem stops the read with an {@link InputException}
 * naming the file and the JSON pointer of the offending value.
 */
public final class FleetReader {
    private static final Logger LOG = LoggerFactory.getLogger(FleetReader.class);

    /**
     * @param paths files, or directories searched recursively for files ending in {@code .json}
     */
    public Fleet read(List<Path> paths) throws InputException {
        return readInput(paths).fleet();
    }

    /**
     * The fleet and what the reports say about where it came from: the files read, when their content was captured
     * (a {@code generatedAt} timestamp at the root of a file where there is one, else the file's modification time)
     * and what limits the input (saved pages of longer listings, skipped and repeated resources).
     */
    public FleetInput readInput(List<Path> paths) throws InputException {
        List<Path> files = InputFiles.collect(paths);
        // Files are parsed on all cores; the merge below runs in sorted file order, so "first occurrence wins" and
        // the error reported (that of the first bad file) are the same as in a sequential read. Fewer files than
        // cores (one big export) leave cores idle: then each file is also parsed ahead of its mapping.
        boolean parseAhead = files.size() < Runtime.getRuntime().availableProcessors();
        List<FileContent> contents = files.parallelStream().map(file -> readFile(file, parseAhead)).toList();
        Accumulator fleet = new Accumulator();
        Instant oldest = null;
        Instant newest = null;
        int stamped = 0;
        for (FileContent content : contents) {
            if (content.error() != null) {
                throw content.error();
            }
            Instant captured = content.generatedAt();
            if (captured != null) {
                stamped++;
            } else {
                captured = content.modified();
            }
            if (captured != null) {
                oldest = oldest == null || captured.isBefore(oldest) ? captured : oldest;
                newest = newest == null || captured.isAfter(newest) ? captured : newest;
            }
            fleet.add(content);
        }
        String basis = stamped == 0 ? "file modification time"
                : stamped == files.size() ? "generatedAt recorded in the input"
                : "generatedAt recorded in the input where present, else file modification time";
        List<String> notes = new ArrayList<>(fleet.notes);
        if (fleet.skipped > 0) {
            notes.add(fleet.skipped + " resource(s) of other types skipped");
        }
        if (fleet.duplicates > 0) {
            notes.add(fleet.duplicates + " resource(s) read more than once; the first occurrence in sorted file order"
                    + " was kept" + (fleet.conflicts.isEmpty() ? "" : ", and " + fleet.conflicts.size() + " of them"
                    + " differ: the clusters they touch are judged on both copies (see input-conflict)"));
        }
        List<String> missing = new ArrayList<>(fleet.missing);
        if (fleet.clusters.isEmpty()) {
            missing.add(noCluster(paths, files.size(), fleet));
        }
        InputMetadata metadata = new InputMetadata(paths.stream().map(Path::toString).toList(), files.size(),
                oldest, newest, basis, notes, missing);
        return new FleetInput(fleet.toFleet(), metadata);
    }

    /** Input without a single managed cluster is almost always the wrong folder or export; say what is there. */
    private static String noCluster(List<Path> paths, int files, Accumulator fleet) {
        String where = paths.stream().map(Path::toString).collect(java.util.stream.Collectors.joining(", "));
        List<String> found = new ArrayList<>();
        if (!fleet.virtualNetworks.isEmpty()) {
            found.add(fleet.virtualNetworks.size() + " virtual network(s)");
        }
        if (!fleet.routeTables.isEmpty()) {
            found.add(fleet.routeTables.size() + " route table(s)");
        }
        if (fleet.skipped > 0) {
            found.add(fleet.skipped + " resource(s) of other types");
        }
        return "no managed cluster (Microsoft.ContainerService/managedClusters) in " + where + ": " + files
                + " file(s) hold " + (found.isEmpty() ? "no Azure resources" : String.join(", ", found))
                + "; export the clusters (az aks list -o json, or a Resource Graph query) into it";
    }

    /**
     * What one file holds, read on its own so that files can be read in parallel: its resources in file order, or
     * the problem that stopped the read.
     */
    private record FileContent(Instant generatedAt, Instant modified, List<Object> resources, List<String> notes,
                               List<String> missing, int skipped, List<AccessGap> accessGaps,
                               Surroundings.Builder typesRead, InputException error) {
    }

    private static FileContent readFile(Path file, boolean parseAhead) {
        String name = file.toString();
        try {
            FileContent streamed = streamedArray(name, file, parseAhead);
            return streamed != null ? streamed : content(name, InputFiles.parse(file), modified(file));
        } catch (InputException e) {
            return new FileContent(null, null, List.of(), List.of(), List.of(), 0, List.of(), null, e);
        }
    }

    /**
     * A file holding a bare array of resources, read one resource at a time (a 200 MB export would otherwise be a tree
     * of several times its size), exactly as {@link #content} reads it; null when the file is not such an array, or
     * is one of the lists read as a whole (effective routes, a usage list that names no subscription). With
     * {@code parseAhead}, the elements after the first are parsed on a thread of their own ({@link ElementsAhead}).
     */
    private static FileContent streamedArray(String name, Path file, boolean parseAhead) throws InputException {
        try (InputFiles.ArrayElements elements = InputFiles.ArrayElements.open(file)) {
            if (elements == null) {
                return null;
            }
            JsonNode first = elements.next();
            if (first == null) {
                return arrayContent(name, file, null, elements);
            }
            JsonNode probe = JsonNodeFactory.instance.arrayNode().add(first);
            if (EffectiveRouteTableReader.looksLike(probe) || looksLikeUnplacedUsageList(probe)) {
                return null;
            }
            if (!parseAhead) {
                return arrayContent(name, file, first, elements);
            }
            try (ElementsAhead ahead = ElementsAhead.start(name, elements)) {
                return arrayContent(name, file, first, ahead);
            }
        }
    }

    /** The resources of a bare array, {@code first} and then the rest of {@code elements}. */
    private static FileContent arrayContent(String name, Path file, JsonNode first, InputFiles.Elements elements)
            throws InputException {
        List<Object> resources = new ArrayList<>();
        RetainedStrings strings = new RetainedStrings();
        int skipped = 0;
        int index = 0;
        for (JsonNode node = first; node != null; node = elements.next(), index++) {
            Object read = readResource(JsonFields.of(name, "/" + index, node, strings));
            if (read == null) {
                skipped++;
            } else {
                resources.add(read);
            }
        }
        return new FileContent(null, modified(file), resources, new ArrayList<>(), new ArrayList<>(), skipped,
                new ArrayList<>(), new Surroundings.Builder(), null);
    }

    private static FileContent content(String name, JsonNode root, Instant modified) throws InputException {
        List<String> notes = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        List<AccessGap> gaps = new ArrayList<>();
        Surroundings.Builder typesRead = new Surroundings.Builder();
        if (!isSnapshot(root) && EffectiveRouteTableReader.looksLike(root)) {
            EffectiveRouteTable table = EffectiveRouteTableReader.read(JsonFields.of(name, "", root), root);
            return new FileContent(generatedAt(root), modified, List.of(table), notes, missing, 0, gaps, typesRead,
                    null);
        }
        if (!isSnapshot(root) && looksLikeUnplacedUsageList(root)) {
            notes.add(name + ": a compute usage list that names neither its subscription nor its region was not read;"
                    + " see docs/guide/input.md for the form that names them");
            return new FileContent(generatedAt(root), modified, List.of(), notes, missing, 0, gaps, typesRead, null);
        }
        Optional<PlacedList> placed = isSnapshot(root) ? Optional.empty() : PlacedList.of(name, root);
        placed.ifPresent(list -> typesRead.cover(list.type(), list.subscriptionId()));
        List<JsonNodeAt> entries = isSnapshot(root) ? snapshotEntries(name, root, gaps, typesRead)
                : placed.isPresent() ? entriesOf(name, root, "value") : resources(name, root, missing);
        List<Object> resources = new ArrayList<>();
        RetainedStrings strings = new RetainedStrings();
        int skipped = 0;
        for (JsonNodeAt resource : entries) {
            Object read = readResource(JsonFields.of(name, resource.pointer(), resource.node(), strings));
            if (read == null) {
                skipped++;
            } else {
                resources.add(read);
            }
        }
        return new FileContent(generatedAt(root), modified, resources, notes, missing, skipped, gaps, typesRead,
                null);
    }

    /**
     * {@code az vm list-usage} output, or Azure's usage list saved as is: entries with {@code currentValue},
     * {@code limit} and {@code name.value} but no id, so nothing says which subscription and region they count.
     */
    private static boolean looksLikeUnplacedUsageList(JsonNode root) {
        JsonNode list = root.isArray() ? root : root.isObject() && !root.has("id") ? root.get("value") : null;
        if (list == null || !list.isArray() || list.isEmpty()) {
            return false;
        }
        JsonNode first = list.get(0);
        return first.isObject() && first.has("currentValue") && first.has("limit") && !first.has("id");
    }

    /**
     * Reads one JSON document held in memory, such as a live ARM response, exactly as a file with that content
     * would be read; {@code source} names it in error messages (e.g. {@code "GET /subscriptions/…"}).
     */
    public Fleet read(String source, JsonNode document) throws InputException {
        Accumulator fleet = new Accumulator();
        fleet.add(content(source, document, null));
        return fleet.toFleet();
    }

    /**
     * Reads a snapshot written by {@code inventory} (or held in memory by a live run): its resources go through the
     * same readers as any file, and its unverified reads become the fleet's {@link AccessGap}s.
     *
     * @param name what to call the snapshot in messages (its file name, or "(live)")
     */
    public Fleet readSnapshot(String name, JsonNode root) throws InputException {
        return read(name, root);
    }

    /** A snapshot is recognised by its {@code snapshotVersion} key, which no Azure response has. */
    static boolean isSnapshot(JsonNode root) {
        return root.isObject() && root.has(Snapshot.VERSION_KEY);
    }

    private static List<JsonNodeAt> snapshotEntries(String name, JsonNode root, List<AccessGap> gaps,
                                                    Surroundings.Builder typesRead) throws InputException {
        JsonFields snapshot = JsonFields.of(name, "", root);
        Integer version = snapshot.integer(Snapshot.VERSION_KEY);
        if (version == null || version != Snapshot.VERSION) {
            throw snapshot.error(Snapshot.VERSION_KEY, "unsupported snapshot version " + version
                    + " (this version of kubenet-migrate reads version " + Snapshot.VERSION + ")");
        }
        JsonFields metadata = snapshot.object("metadata");
        for (JsonFields read : metadata.objects("typesRead")) {
            Optional<SurroundingType> type = SurroundingType.ofArmType(read.requiredString("type"));
            if (type.isPresent()) {
                for (String subscription : read.strings("subscriptions")) {
                    typesRead.cover(type.get(), subscription);
                }
            }
        }
        for (JsonFields gap : metadata.objects("unverified")) {
            ArmId scope = gap.armId("resourceId");
            Optional<SurroundingType> type = SurroundingType.ofArmType(String.valueOf(gap.string("check")));
            if (scope != null && type.isPresent()) {
                // A type that could not be read in a subscription; the subscription's other resources are fine.
                typesRead.gap(new Surroundings.TypeGap(type.get(), scope.subscriptionId(), gap.requiredString("reason"),
                        gap.string("missingAction")));
            } else if (scope != null) {
                gaps.add(new AccessGap(scope, gap.requiredString("reason"), gap.string("missingAction")));
            }
        }
        for (JsonFields failed : metadata.objects("subscriptionsFailed")) {
            String subscription = failed.requiredString("subscriptionId");
            String error = failed.string("error");
            LOG.warn("{}: subscription {} could not be read: {}; its clusters are missing from this input",
                    name, subscription, error);
            gaps.add(new AccessGap(ArmId.of("/subscriptions/" + subscription),
                    "subscription could not be read: " + error, null));
        }
        if (!root.has("resources") || !root.get("resources").isArray()) {
            throw snapshot.error("resources", "expected an array of resources");
        }
        return entries(root.get("resources"), "/resources");
    }

    /** A snapshot written by a tool may say when it was taken; that beats the file's modification time. */
    private static Instant generatedAt(JsonNode root) {
        JsonNode value = root.isObject() ? root.get("generatedAt") : null;
        if (value == null && root.isObject() && root.path("metadata").isObject()) {
            value = root.get("metadata").get("generatedAt");
        }
        if (value == null || !value.isTextual()) {
            return null;
        }
        try {
            return Instant.parse(value.asText());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Instant modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            return null;
        }
    }

    /** The resource as a model record, or null when it is of a type the tool does not read. */
    private static Object readResource(JsonFields resource) throws InputException {
        String declared = ResourceType.declaredType(resource);
        Optional<ResourceType> type = ResourceType.of(declared);
        if (type.isEmpty()) {
            LOG.debug("{}: {}: skipping resource of type {}", resource.file(), pointerText(resource.pointer()),
                    declared == null ? "(none)" : declared);
            return null;
        }
        return switch (type.get()) {
            case MANAGED_CLUSTER -> ManagedClusterReader.read(resource);
            case VIRTUAL_NETWORK -> VirtualNetworkReader.read(resource);
            case ROUTE_TABLE -> RouteTableReader.read(resource);
            case LOCK -> LockReader.read(resource);
            case NETWORK_SECURITY_GROUP -> NetworkSecurityGroupReader.read(resource);
            case LOAD_BALANCER -> AddressHolderReader.read(resource, AddressHolder.Kind.LOAD_BALANCER);
            case APPLICATION_GATEWAY -> AddressHolderReader.read(resource, AddressHolder.Kind.APPLICATION_GATEWAY);
            case AZURE_FIREWALL -> AddressHolderReader.read(resource, AddressHolder.Kind.FIREWALL);
            case COMPUTE_USAGES -> ComputeUsagesReader.read(resource);
            case EFFECTIVE_ROUTE_TABLE, SCALE_SET_EFFECTIVE_ROUTE_TABLE -> EffectiveRouteTableReader.read(resource, null);
        };
    }

    /**
     * The resources in one file: the document itself, the entries of a bare array, of an ARM list
     * ({@code {"value": [...]}}) or of a Resource Graph result ({@code {"data": [...], "count": ..}}).
     */
    private static List<JsonNodeAt> resources(String file, JsonNode root, List<String> missing)
            throws InputException {
        if (root.isArray()) {
            return entries(root, "");
        }
        if (!root.isObject()) {
            throw new InputException(file, "", "expected an object or an array, found " + JsonFields.describe(root));
        }
        boolean isResource = root.has("id") || root.has("type") || root.has("properties");
        if (!isResource && root.has("value")) {
            warnIfPaged(file, root, "nextLink", missing);
            return entriesOf(file, root, "value");
        }
        if (!isResource && root.has("data")) {
            warnIfPaged(file, root, "skip_token", missing);
            warnIfPaged(file, root, "$skipToken", missing);
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

    /**
     * A saved page of a longer listing is readable, but the fleet it describes is incomplete: clusters on the other
     * pages were never checked, so the input is marked as missing data (a gate fails on it).
     */
    private static void warnIfPaged(String file, JsonNode root, String continuationKey, List<String> missing) {
        JsonNode token = root.get(continuationKey);
        if (token != null && !token.isNull() && !token.asText().isBlank()) {
            LOG.debug("{}: has \"{}\": one page of a longer result", file, continuationKey);
            missing.add(file + ": has \"" + continuationKey + "\": it is one page of a longer result; the resources"
                    + " on the other pages are missing (export every page, e.g. az graph query --first 1000 with"
                    + " --skip-token, or az aks list, which follows nextLink)");
        }
    }

    private static String pointerText(String pointer) {
        return pointer.isEmpty() ? "(document root)" : pointer;
    }

    private record JsonNodeAt(String pointer, JsonNode node) {
    }

    /**
     * A subscription's whole list of locks or network security groups kept with its request path as {@code id}
     * (ARM's list answer, or {@code az lock list} / {@code az network nsg list} output wrapped as
     * {@code {"id": "/subscriptions/<s>/providers/Microsoft.Authorization/locks", "value": [...]}}), the way a
     * snapshot keeps a usage list. It says the subscription was read in full, so an empty {@code value} means none:
     * the one way a file input can say "no locks", which a bare {@code []} cannot.
     */
    private record PlacedList(SurroundingType type, String subscriptionId) {
        private static final java.util.regex.Pattern PATH = java.util.regex.Pattern.compile(
                "(?i)/subscriptions/([^/]+)/providers/([^/]+/[^/]+)/?");

        static Optional<PlacedList> of(String file, JsonNode root) throws InputException {
            if (!root.isObject() || !root.path("id").isTextual() || !root.has("value")) {
                return Optional.empty();
            }
            java.util.regex.Matcher m = PATH.matcher(root.get("id").asText().trim());
            if (!m.matches()) {
                return Optional.empty();
            }
            Optional<SurroundingType> type = SurroundingType.ofArmType(m.group(2))
                    .filter(t -> t == SurroundingType.LOCKS || t == SurroundingType.NETWORK_SECURITY_GROUPS);
            if (type.isEmpty()) {
                return Optional.empty();
            }
            String subscription = m.group(1);
            JsonNode value = root.get("value");
            if (!value.isArray()) {
                throw new InputException(file, "/value", "expected an array, found " + JsonFields.describe(value));
            }
            for (int i = 0; i < value.size(); i++) {
                String id = value.get(i).path("id").asText("");
                if (!id.toLowerCase(Locale.ROOT).startsWith("/subscriptions/" + subscription.toLowerCase(Locale.ROOT)
                        + "/")) {
                    throw new InputException(file, "/value/" + i + "/id", "not in subscription " + subscription
                            + " named by the list's id: " + (id.isEmpty() ? "(none)" : id));
                }
            }
            return Optional.of(new PlacedList(type.get(), subscription));
        }
    }

    /** The fleet being built, with the first source of each ARM id so that a repeat is dropped and reported once. */
    private static final class Accumulator {
        private final List<ManagedCluster> clusters = new ArrayList<>();
        private final List<VirtualNetwork> virtualNetworks = new ArrayList<>();
        private final List<RouteTable> routeTables = new ArrayList<>();
        private final List<AccessGap> accessGaps = new ArrayList<>();
        private final List<FileContent> typesRead = new ArrayList<>();
        private final Surroundings.Builder surroundings = new Surroundings.Builder();
        private final Map<ArmId, SourceRef> firstSeen = new HashMap<>();
        private final Map<ArmId, Record> firstCopy = new HashMap<>();
        private final List<InputConflict> conflicts = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();
        private final List<String> missing = new ArrayList<>();
        private int skipped;
        private int duplicates;

        /**
         * True the first time an id is seen. A repeat is expected (a Resource Graph export next to
         * {@code az aks show} output), so an identical one is reported at INFO; one that differs in what a rule
         * reads is a conflict the report names. Resources are fully read before this check, so a broken repeat still
         * stops the read.
         */
        boolean isFirst(ArmId id, Record resource, SourceRef source) {
            SourceRef first = firstSeen.putIfAbsent(id, source);
            if (first == null) {
                firstCopy.put(id, resource);
                return true;
            }
            duplicates++;
            InputConflict conflict = InputConflict.between(id, firstCopy.get(id), first, resource, source);
            if (conflict == null) {
                LOG.info("{}: duplicate of {} read from {}; keeping the first", source.describe(), id, first.describe());
            } else {
                LOG.warn("{}", conflict.describe());
                conflicts.add(conflict);
            }
            return false;
        }

        /**
         * True the first time an id is seen, for what surrounds clusters (locks, network security groups, usages):
         * a repeat is counted, and the first copy kept.
         */
        boolean isFirst(ArmId id, SourceRef source) {
            SourceRef first = firstSeen.putIfAbsent(id, source);
            if (first == null) {
                return true;
            }
            duplicates++;
            LOG.info("{}: duplicate of {} read from {}; keeping the first", source.describe(), id, first.describe());
            return false;
        }

        void add(FileContent content) {
            notes.addAll(content.notes());
            missing.addAll(content.missing());
            skipped += content.skipped();
            accessGaps.addAll(content.accessGaps());
            typesRead.add(content);
            content.resources().forEach(this::add);
        }

        void add(Object resource) {
            if (resource instanceof ManagedCluster cluster && isFirst(cluster.id(), cluster, cluster.source())) {
                clusters.add(cluster);
            } else if (resource instanceof VirtualNetwork network && isFirst(network.id(), network, network.source())) {
                virtualNetworks.add(network);
            } else if (resource instanceof RouteTable table && isFirst(table.id(), table, table.source())) {
                routeTables.add(table);
            } else if (resource instanceof ResourceLock lock && isFirst(lock.id(), lock.source())) {
                surroundings.add(lock);
            } else if (resource instanceof NetworkSecurityGroup nsg && isFirst(nsg.id(), nsg.source())) {
                surroundings.add(nsg);
            } else if (resource instanceof ComputeUsages usages && isFirst(ArmId.of("/subscriptions/"
                    + usages.subscriptionId() + "/providers/Microsoft.Compute/locations/"
                    + Surroundings.normalLocation(usages.location()) + "/usages"), usages.source())) {
                surroundings.add(usages);
            } else if (resource instanceof AddressHolder holder && isFirst(holder.id(), holder.source())) {
                surroundings.add(holder);
            } else if (resource instanceof EffectiveRouteTable table) {
                surroundings.add(table);
            }
        }

        Fleet toFleet() {
            for (FileContent content : typesRead) {
                surroundings.merge(content.typesRead());
            }
            return new Fleet(clusters, virtualNetworks, routeTables, accessGaps, conflicts, surroundings.build());
        }
    }
}
