package org.kubenetmigrate.planner.azure;

import com.azure.resourcemanager.containerservice.fluent.models.ManagedClusterInner;
import com.azure.resourcemanager.containerservice.models.ManagedClusterAgentPoolProfile;
import com.azure.resourcemanager.network.fluent.models.SubnetInner;
import com.azure.resourcemanager.network.fluent.models.VirtualNetworkInner;
import com.azure.resourcemanager.resources.models.Subscription;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.kubenetmigrate.planner.inventory.Inventory;
import org.kubenetmigrate.planner.inventory.InventoryException;
import org.kubenetmigrate.planner.inventory.InventoryProgress;
import org.kubenetmigrate.planner.inventory.Scope;
import org.kubenetmigrate.planner.inventory.Snapshot;
import org.kubenetmigrate.planner.inventory.Snapshot.FailedSubscription;
import org.kubenetmigrate.planner.inventory.Snapshot.UnverifiedRead;
import org.kubenetmigrate.planner.model.SurroundingType;

/**
 * The live inventory. The fleet scan asks Resource Graph three questions, each answered in pages of 1,000 rows:
 * the managed clusters in scope, the virtual networks and the route tables of the subscriptions they use; of those
 * it keeps the VNets holding node subnets (or sitting in an AKS node resource group) and the route tables on them.
 * Resources the clusters reference but Resource Graph did not return (it can lag, and it silently drops what the
 * identity may not read) are read through ARM, so a 403 becomes a named permission gap rather than a silent hole.
 * A single cluster is read deeply through ARM alone, fresh, with its ETag.
 */
public final class AzureInventory implements Inventory {
    static final String CLUSTERS = "Resources | where type =~ 'microsoft.containerservice/managedclusters' | order by id asc";
    static final String VNETS = "Resources | where type =~ 'microsoft.network/virtualnetworks' | order by id asc";
    static final String ROUTE_TABLES = "Resources | where type =~ 'microsoft.network/routetables' | order by id asc";
    static final String SECURITY_GROUPS = "Resources | where type =~ 'microsoft.network/networksecuritygroups' | order by id asc";
    static final String LAG_NOTE = "Resource Graph can lag recent changes by minutes: this fleet view may be slightly"
            + " stale; plan re-reads the cluster live through ARM, and nothing is changed from this view.";

    private final AzureSession session;
    private final Clock clock;

    public AzureInventory(AzureSession session, Clock clock) {
        this.session = session;
        this.clock = clock;
    }

    @Override
    public Snapshot fleet(Scope scope, InventoryProgress progress) throws InventoryException {
        Run run = new Run(scope, progress);
        try {
            return run.fleet();
        } catch (RuntimeException e) {
            throw failure(e, "the fleet inventory failed");
        } finally {
            progress.finish();
        }
    }

    @Override
    public Snapshot cluster(String nameOrId, Scope scope, InventoryProgress progress) throws InventoryException {
        Run run = new Run(scope, progress);
        try {
            return run.cluster(nameOrId.trim());
        } catch (RuntimeException e) {
            throw failure(e, "reading cluster " + nameOrId + " failed");
        } finally {
            progress.finish();
        }
    }

    private static InventoryException failure(RuntimeException e, String what) {
        if (Failures.isSignIn(e)) {
            return new InventoryException(InventoryException.Kind.SIGN_IN, "Azure sign-in failed: "
                    + Failures.oneLine(Failures.signInMessage(e)), e);
        }
        return new InventoryException(InventoryException.Kind.AZURE, what + ": " + Failures.describe(e), e);
    }

    /** The state of one read. */
    private final class Run {
        private final Scope scope;
        private final InventoryProgress progress;
        private final List<Snapshot.Query> queries = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();
        private final List<UnverifiedRead> unverified = new ArrayList<>();
        private final Map<SurroundingType, Set<String>> typesRead = new LinkedHashMap<>();
        private final Map<String, String> failed = new LinkedHashMap<>();
        private final GraphQueries graph;
        private final ArmReads arm = new ArmReads(session);
        private int armRequests;
        private int armFound;

        Run(Scope scope, InventoryProgress progress) {
            this.scope = scope;
            this.progress = progress;
            this.graph = new GraphQueries(session, queries, notes);
        }

        Snapshot fleet() throws InventoryException {
            progress.phase("subscriptions", -1);
            Set<String> visible = visibleSubscriptions();
            List<String> inScope = scope.managementGroup() != null ? List.of()
                    : scope.allVisible() ? List.copyOf(visible) : scope.subscriptions();
            if (scope.managementGroup() == null && inScope.isEmpty()) {
                throw new InventoryException(InventoryException.Kind.AZURE,
                        "the signed-in identity can see no subscriptions (give --subscription or check its role assignments)", null);
            }

            progress.phase("managed clusters (Resource Graph)", -1);
            List<JsonNode> clusters = scope.managementGroup() != null
                    ? graph.byManagementGroup(CLUSTERS, scope.managementGroup(), progress)
                    : graph.bySubscriptions(CLUSTERS, inScope, failed, progress);
            failed.keySet().forEach(s -> progress.note("subscription " + s + " could not be read: " + failed.get(s)));

            References refs = References.of(clusters);
            Set<String> networkSubscriptions = new LinkedHashSet<>();
            inScope.forEach(s -> networkSubscriptions.add(RawJson.key(s)));
            clusters.forEach(c -> networkSubscriptions.add(RawJson.key(RawJson.subscriptionOf(RawJson.id(c)))));
            refs.subscriptions().stream().filter(visible::contains).forEach(networkSubscriptions::add);
            failed.keySet().forEach(s -> networkSubscriptions.remove(RawJson.key(s)));

            progress.phase("virtual networks (Resource Graph)", -1);
            List<JsonNode> vnets = refs.keepVirtualNetworks(
                    graph.bySubscriptions(VNETS, List.copyOf(networkSubscriptions), failed, progress));
            vnets.addAll(fetchMissingVirtualNetworks(refs, vnets));
            refs.addRouteTablesOf(vnets);
            refs.subscriptions().stream().filter(visible::contains).forEach(networkSubscriptions::add);
            failed.keySet().forEach(s -> networkSubscriptions.remove(RawJson.key(s)));

            progress.phase("route tables (Resource Graph)", -1);
            List<JsonNode> tables = refs.keepRouteTables(
                    graph.bySubscriptions(ROUTE_TABLES, List.copyOf(networkSubscriptions), failed, progress));
            tables.addAll(fetchMissingRouteTables(refs, tables));

            progress.phase("network security groups (Resource Graph)", -1);
            List<String> nsgSubscriptions = List.copyOf(networkSubscriptions);
            List<JsonNode> nsgs = refs.keepSecurityGroups(
                    graph.bySubscriptions(SECURITY_GROUPS, nsgSubscriptions, failed, progress));
            nsgs.addAll(fetchMissingSecurityGroups(refs, nsgs));
            nsgSubscriptions.stream().filter(s -> !failed.containsKey(s)).forEach(s -> covered(
                    SurroundingType.NETWORK_SECURITY_GROUPS, s));

            List<JsonNode> around = readAround(refs.lockSubscriptions().stream()
                    .filter(s -> visible.contains(RawJson.key(s)) && !skipFailedSubscription(s)).toList(),
                    refs.usageScopes().stream().filter(u -> !skipFailedSubscription(u.get(0))).toList());

            if (armRequests > 0) {
                queries.add(new Snapshot.Query("arm", "reads of referenced resources missing from Resource Graph's"
                        + " results", armRequests, armFound));
            }
            if (armFound > 0) {
                notes.add(armFound + " referenced resource(s) were missing from Resource Graph's results and were read"
                        + " through ARM instead (Resource Graph lags, or the resource is outside the scope)");
            }
            notes.add(0, LAG_NOTE);
            List<JsonNode> resources = new ArrayList<>(clusters);
            resources.addAll(vnets);
            resources.addAll(tables);
            resources.addAll(nsgs);
            resources.addAll(around);
            List<String> read = new ArrayList<>(networkSubscriptions);
            return snapshot(read, resources);
        }

        Snapshot cluster(String nameOrId) throws InventoryException {
            String id = nameOrId.startsWith("/") ? nameOrId : lookUp(nameOrId);
            progress.phase("cluster " + RawJson.lastName(id) + " (ARM)", -1);
            ArmReads.Read<ManagedClusterInner> cluster;
            try {
                cluster = counted(() -> arm.cluster(id));
            } catch (RuntimeException e) {
                if (Failures.isNotFound(e)) {
                    throw new InventoryException(InventoryException.Kind.NOT_FOUND, "no managed cluster " + id
                            + " (404 from Azure Resource Manager)", e);
                }
                if (Failures.isForbidden(e)) {
                    throw new InventoryException(InventoryException.Kind.AZURE, "cannot read cluster " + id + ": "
                            + Failures.describe(e) + "; the identity lacks "
                            + Failures.missingAction(e, ArmReads.CLUSTER_READ), e);
                }
                throw e;
            }
            List<JsonNode> resources = new ArrayList<>();
            resources.add(cluster.raw());
            resources.addAll(tryRead(id + "/agentPools", ArmReads.AGENT_POOL_READ, () -> arm.agentPools(id)));

            ManagedClusterInner inner = cluster.model();
            List<String> subnetIds = new ArrayList<>();
            for (ManagedClusterAgentPoolProfile pool : inner.agentPoolProfiles() == null
                    ? List.<ManagedClusterAgentPoolProfile>of() : inner.agentPoolProfiles()) {
                if (pool.vnetSubnetId() != null && !pool.vnetSubnetId().isBlank()) {
                    subnetIds.add(pool.vnetSubnetId());
                }
            }
            List<VirtualNetworkInner> vnets = new ArrayList<>();
            boolean managed = subnetIds.isEmpty();
            if (managed && inner.nodeResourceGroup() != null) {
                String sub = RawJson.subscriptionOf(id);
                String scopeId = RawJson.resourceGroupScope(sub, inner.nodeResourceGroup());
                List<JsonNode> raw = tryRead(scopeId, ArmReads.VNET_READ, () -> arm.virtualNetworksIn(sub, inner.nodeResourceGroup()));
                resources.addAll(raw);
                for (JsonNode vnet : raw) {
                    vnets.add(counted(() -> arm.virtualNetwork(RawJson.id(vnet))).model());
                }
            }
            for (String vnetId : GraphQueries.distinct(subnetIds.stream().map(RawJson::parentVnet)
                    .filter(v -> v != null).toList())) {
                List<ArmReads.Read<VirtualNetworkInner>> read = tryRead(vnetId, ArmReads.VNET_READ,
                        () -> List.of(arm.virtualNetwork(vnetId)));
                read.forEach(r -> {
                    resources.add(r.raw());
                    vnets.add(r.model());
                });
            }
            Set<String> nodeSubnets = new LinkedHashSet<>();
            subnetIds.forEach(s -> nodeSubnets.add(RawJson.key(s)));
            List<String> tableIds = new ArrayList<>();
            for (VirtualNetworkInner vnet : vnets) {
                for (SubnetInner subnet : vnet.subnets() == null ? List.<SubnetInner>of() : vnet.subnets()) {
                    boolean node = managed || (subnet.id() != null && nodeSubnets.contains(RawJson.key(subnet.id())));
                    if (node && subnet.routeTable() != null && subnet.routeTable().id() != null) {
                        tableIds.add(subnet.routeTable().id());
                    }
                }
            }
            for (String tableId : GraphQueries.distinct(tableIds)) {
                resources.addAll(tryRead(tableId, ArmReads.ROUTE_TABLE_READ, () -> List.of(arm.routeTable(tableId).raw())));
            }
            List<String> nsgIds = new ArrayList<>();
            for (VirtualNetworkInner vnet : vnets) {
                for (SubnetInner subnet : vnet.subnets() == null ? List.<SubnetInner>of() : vnet.subnets()) {
                    boolean node = managed || (subnet.id() != null && nodeSubnets.contains(RawJson.key(subnet.id())));
                    if (node && subnet.networkSecurityGroup() != null && subnet.networkSecurityGroup().id() != null) {
                        nsgIds.add(subnet.networkSecurityGroup().id());
                    }
                }
            }
            Set<String> nsgSeen = new LinkedHashSet<>();
            for (String nsgId : GraphQueries.distinct(nsgIds)) {
                nsgSeen.add(RawJson.key(nsgId));
                resources.addAll(tryRead(nsgId, ArmReads.NSG_READ, () -> List.of(arm.networkSecurityGroup(nsgId))));
            }
            String sub = RawJson.subscriptionOf(id);
            if (inner.nodeResourceGroup() != null) {
                String rgScope = RawJson.resourceGroupScope(sub, inner.nodeResourceGroup());
                int gaps = unverified.size();
                List<JsonNode> inNodeRg = tryRead(rgScope, ArmReads.NSG_READ,
                        () -> arm.networkSecurityGroupsIn(sub, inner.nodeResourceGroup()));
                inNodeRg.stream().filter(n -> nsgSeen.add(RawJson.key(RawJson.id(n)))).forEach(resources::add);
                if (unverified.size() == gaps) {
                    covered(SurroundingType.NETWORK_SECURITY_GROUPS, sub);
                }
            }
            Set<String> lockSubscriptions = new LinkedHashSet<>();
            lockSubscriptions.add(sub);
            subnetIds.forEach(s -> lockSubscriptions.add(RawJson.subscriptionOf(s)));
            tableIds.forEach(t -> lockSubscriptions.add(RawJson.subscriptionOf(t)));
            List<List<String>> usageScopes = inner.location() == null ? List.of()
                    : List.of(List.of(sub, inner.location().replace(" ", "").toLowerCase(java.util.Locale.ROOT)));
            resources.addAll(readAround(GraphQueries.distinct(List.copyOf(lockSubscriptions)), usageScopes));
            queries.add(new Snapshot.Query("arm", "deep read of " + id, armRequests, resources.size()));
            return snapshot(List.of(RawJson.subscriptionOf(id)), resources);
        }

        /** The cluster's id from its name, through Resource Graph over the scope. */
        private String lookUp(String name) throws InventoryException {
            if (!name.matches("[A-Za-z0-9_.-]+")) {
                throw new InventoryException(InventoryException.Kind.NOT_FOUND, "'" + name
                        + "' is neither a cluster name nor an ARM id", null);
            }
            String query = "Resources | where type =~ 'microsoft.containerservice/managedclusters' | where name =~ '"
                    + name + "' | order by id asc";
            progress.phase("finding cluster " + name + " (Resource Graph)", -1);
            List<JsonNode> rows;
            if (scope.managementGroup() != null) {
                rows = graph.byManagementGroup(query, scope.managementGroup(), progress);
            } else {
                List<String> subs = scope.allVisible() ? List.copyOf(visibleSubscriptions()) : scope.subscriptions();
                rows = graph.bySubscriptions(query, subs, failed, progress);
            }
            if (rows.size() == 1) {
                return RawJson.id(rows.get(0));
            }
            String unreadable = failed.isEmpty() ? "" : " (" + failed.size() + " subscription(s) could not be searched)";
            if (rows.isEmpty()) {
                throw new InventoryException(InventoryException.Kind.NOT_FOUND, "no cluster named '" + name + "' in "
                        + scope.describe() + unreadable, null);
            }
            throw new InventoryException(InventoryException.Kind.NOT_FOUND, "cluster name '" + name + "' matches "
                    + rows.size() + " clusters; pass the ARM id instead: "
                    + String.join(", ", rows.stream().map(RawJson::id).toList()), null);
        }

        private Set<String> visibleSubscriptions() {
            Set<String> subs = new LinkedHashSet<>();
            for (Subscription s : session.resources().subscriptions().list()) {
                subs.add(RawJson.key(s.subscriptionId()));
            }
            queries.add(new Snapshot.Query("arm", "GET /subscriptions", 1, subs.size()));
            return subs;
        }

        private List<JsonNode> fetchMissingVirtualNetworks(References refs, List<JsonNode> found) {
            List<Supplier<List<JsonNode>>> reads = new ArrayList<>();
            for (String vnetId : refs.missingVirtualNetworks(found)) {
                if (!skipFailedSubscription(vnetId)) {
                    reads.add(() -> tryRead(vnetId, ArmReads.VNET_READ, () -> List.of(arm.virtualNetwork(vnetId).raw())));
                }
            }
            for (String rgScope : refs.missingNodeResourceGroups(found)) {
                if (!skipFailedSubscription(rgScope)) {
                    String sub = RawJson.subscriptionOf(rgScope);
                    String rg = RawJson.resourceGroupOf(rgScope);
                    reads.add(() -> {
                        List<JsonNode> vnets = tryRead(rgScope, ArmReads.VNET_READ, () -> arm.virtualNetworksIn(sub, rg));
                        if (vnets.isEmpty() && unverified.stream().noneMatch(u -> rgScope.equalsIgnoreCase(u.resourceId()))) {
                            addGap(rgScope, "no virtual network in the node resource group", null);
                        }
                        return vnets;
                    });
                }
            }
            return parallel(reads);
        }

        private List<JsonNode> fetchMissingRouteTables(References refs, List<JsonNode> found) {
            List<Supplier<List<JsonNode>>> reads = new ArrayList<>();
            for (String tableId : refs.missingRouteTables(found)) {
                if (!skipFailedSubscription(tableId)) {
                    reads.add(() -> tryRead(tableId, ArmReads.ROUTE_TABLE_READ, () -> List.of(arm.routeTable(tableId).raw())));
                }
            }
            return parallel(reads);
        }

        /**
         * Locks of each subscription (one list call each, all scopes in it) and compute usages of each
         * (subscription, region); a failed read becomes an unverified entry naming the type, not a missing resource.
         */
        private List<JsonNode> readAround(List<String> lockSubscriptions, List<List<String>> usageScopes) {
            List<Supplier<List<JsonNode>>> reads = new ArrayList<>();
            for (String sub : lockSubscriptions) {
                reads.add(() -> readType(SurroundingType.LOCKS, sub, () -> arm.locks(sub)));
            }
            for (List<String> scope : usageScopes) {
                reads.add(() -> readType(SurroundingType.COMPUTE_USAGES, scope.get(0),
                        () -> List.of(arm.usages(scope.get(0), scope.get(1)))));
            }
            return parallel(reads, "resource locks and compute usages (ARM)");
        }

        /** A read of every resource of a type in a subscription; success records the type as read there. */
        private List<JsonNode> readType(SurroundingType type, String subscription, Supplier<List<JsonNode>> read) {
            try {
                List<JsonNode> result = counted(read);
                armFound += result.size();
                if (type != SurroundingType.COMPUTE_USAGES) {
                    covered(type, subscription);
                }
                return result;
            } catch (RuntimeException e) {
                if (Failures.isSignIn(e)) {
                    throw e;
                }
                String missing = Failures.isForbidden(e) ? Failures.missingAction(e, type.readAction()) : null;
                synchronized (this) {
                    unverified.add(new UnverifiedRead("/subscriptions/" + subscription, type.armType(),
                            Failures.describe(e), missing));
                }
                progress.note("cannot read " + type.label() + " of subscription " + subscription + ": "
                        + Failures.describe(e) + (missing == null ? "" : " (the identity lacks " + missing + ")"));
                return List.of();
            }
        }

        private synchronized void covered(SurroundingType type, String subscription) {
            typesRead.computeIfAbsent(type, t -> new LinkedHashSet<>()).add(RawJson.key(subscription));
        }

        private List<JsonNode> fetchMissingSecurityGroups(References refs, List<JsonNode> found) {
            List<Supplier<List<JsonNode>>> reads = new ArrayList<>();
            for (String nsgId : refs.missingSecurityGroups(found)) {
                if (!skipFailedSubscription(nsgId)) {
                    reads.add(() -> tryRead(nsgId, ArmReads.NSG_READ, () -> List.of(arm.networkSecurityGroup(nsgId))));
                }
            }
            return parallel(reads);
        }

        /** Resources in a subscription that failed entirely are covered by that failure; no point asking again. */
        private boolean skipFailedSubscription(String id) {
            String sub = RawJson.subscriptionOf(id);
            return failed.keySet().stream().anyMatch(s -> s.equalsIgnoreCase(sub));
        }

        /** Runs ARM reads on a few threads; the bulkhead in {@link Resilience} bounds them. */
        private List<JsonNode> parallel(List<Supplier<List<JsonNode>>> reads) {
            return parallel(reads, "resources missing from Resource Graph (ARM)");
        }

        private List<JsonNode> parallel(List<Supplier<List<JsonNode>>> reads, String phase) {
            if (reads.isEmpty()) {
                return new ArrayList<>();
            }
            progress.phase(phase, reads.size());
            ExecutorService pool = Executors.newFixedThreadPool(Math.min(reads.size(), session.settings().concurrentReads()));
            try {
                List<Future<List<JsonNode>>> futures = new ArrayList<>();
                reads.forEach(r -> futures.add(pool.submit(r::get)));
                List<JsonNode> result = new ArrayList<>();
                long done = 0;
                for (Future<List<JsonNode>> f : futures) {
                    result.addAll(f.get());
                    progress.advance(++done);
                }
                return result;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            } finally {
                pool.shutdownNow();
            }
        }

        /**
         * A read whose 403 or 404 (or any failure other than sign-in) becomes an unverified entry: a gap is a
         * finding, not a crash.
         */
        private <T> List<T> tryRead(String id, String action, Supplier<List<T>> read) {
            try {
                List<T> result = counted(read);
                armFound += result.size();
                return result;
            } catch (RuntimeException e) {
                if (Failures.isSignIn(e)) {
                    throw e;
                }
                if (Failures.isForbidden(e)) {
                    String missing = Failures.missingAction(e, action);
                    addGap(id, Failures.describe(e), missing);
                    progress.note("permission gap: cannot read " + id + " (the identity lacks " + missing + ")");
                } else if (Failures.isNotFound(e)) {
                    addGap(id, "404 not found", null);
                } else {
                    addGap(id, Failures.describe(e), null);
                    progress.note("cannot read " + id + ": " + Failures.describe(e));
                }
                return List.of();
            }
        }

        private <T> T counted(Supplier<T> read) {
            synchronized (this) {
                armRequests++;
            }
            return read.get();
        }

        private synchronized void addGap(String id, String reason, String action) {
            unverified.add(new UnverifiedRead(id, null, reason, action));
        }

        private Snapshot snapshot(List<String> subscriptions, List<JsonNode> resources) {
            List<FailedSubscription> failures = new ArrayList<>();
            failed.forEach((s, e) -> failures.add(new FailedSubscription(s, e)));
            List<Snapshot.TypeRead> types = new ArrayList<>();
            typesRead.forEach((type, subs) -> types.add(new Snapshot.TypeRead(type.armType(), List.copyOf(subs))));
            Snapshot.Metadata metadata = new Snapshot.Metadata(clock.instant(), session.target().cloud(),
                    session.environment().getResourceManagerEndpoint(), scope, subscriptions, queries, unverified,
                    failures, notes, types);
            return new Snapshot(metadata, resources);
        }
    }
}
