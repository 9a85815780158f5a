package org.kubenetmigrate.executor.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.kubenetmigrate.executor.azure.ObservedCluster;
import org.kubenetmigrate.executor.azure.RawResource;
import org.kubenetmigrate.planner.input.FleetReader;
import org.kubenetmigrate.planner.input.InputException;
import org.kubenetmigrate.planner.model.ArmId;
import org.kubenetmigrate.planner.model.Fleet;
import org.kubenetmigrate.planner.model.ManagedCluster;
import org.kubenetmigrate.planner.model.NodeNetwork;
import org.kubenetmigrate.planner.model.RouteTable;
import org.kubenetmigrate.planner.model.Subnet;
import org.kubenetmigrate.planner.model.SurroundingType;
import org.kubenetmigrate.planner.model.Surroundings;
import org.kubenetmigrate.planner.model.VirtualNetwork;
import org.kubenetmigrate.planner.plan.ApiVersions;

/**
 * Live ARM JSON read through the planner's own input readers, so that the executor judges live state exactly as
 * the planner judged the exported state (same model, same fingerprint, same rules).
 */
public final class LiveModel {
    private LiveModel() {
    }

    /** The planner's model of a live cluster. */
    public static ManagedCluster cluster(ObservedCluster observed) throws StepStop {
        return cluster(observed.json(), "live GET " + observed.id());
    }

    /** The planner's model of a cluster body read live, e.g. with what a preview api-version adds. */
    public static ManagedCluster cluster(JsonNode json) throws StepStop {
        return cluster(json, "live GET " + json.path("id").asText());
    }

    static ManagedCluster cluster(JsonNode json, String source) throws StepStop {
        try {
            Fleet fleet = new FleetReader().read(source, json);
            if (fleet.clusters().size() != 1) {
                throw StepStop.failed(source + ": expected one managed cluster, found " + fleet.clusters().size());
            }
            return fleet.clusters().get(0);
        } catch (InputException e) {
            throw StepStop.failed("cannot read the cluster ARM returned: " + e.getMessage());
        }
    }

    /**
     * The cluster's node network as the rules need it: its virtual networks and the route tables of its node
     * subnets, read live. A network resource ARM does not find is left out, which the rules report as unverified.
     */
    public static LiveNetwork network(Reads ctx, ManagedCluster cluster) throws StepStop {
        List<VirtualNetwork> vnets = new ArrayList<>();
        List<ArmId> subnetIds = cluster.nodeSubnetIds();
        if (subnetIds.isEmpty()) {
            if (cluster.nodeResourceGroup() != null) {
                String path = "/subscriptions/" + cluster.subscriptionId() + "/resourceGroups/"
                        + cluster.nodeResourceGroup() + "/providers/Microsoft.Network/virtualNetworks";
                Optional<RawResource> list = ctx.read(path, ApiVersions.NETWORK);
                if (list.isPresent()) {
                    vnets.addAll(read(list.get(), path).virtualNetworks());
                }
            }
        } else {
            Set<ArmId> vnetIds = new LinkedHashSet<>();
            subnetIds.forEach(s -> s.parentVirtualNetwork().ifPresent(vnetIds::add));
            for (ArmId id : vnetIds) {
                Optional<RawResource> vnet = ctx.read(id.value(), ApiVersions.NETWORK);
                if (vnet.isPresent()) {
                    vnets.addAll(read(vnet.get(), id.value()).virtualNetworks());
                }
            }
        }
        Set<ArmId> tableIds = new LinkedHashSet<>();
        for (VirtualNetwork vnet : vnets) {
            for (Subnet subnet : vnet.subnets()) {
                if (subnet.routeTableId() != null) {
                    tableIds.add(subnet.routeTableId());
                }
            }
        }
        List<RouteTable> tables = new ArrayList<>();
        List<JsonNode> raw = new ArrayList<>();
        for (ArmId id : tableIds) {
            Optional<RawResource> table = ctx.read(id.value(), ApiVersions.NETWORK);
            if (table.isPresent()) {
                tables.addAll(read(table.get(), id.value()).routeTables());
                raw.add(table.get().json());
            }
        }
        Fleet network = new Fleet(List.of(cluster), vnets, tables);
        return new LiveNetwork(network.withSurroundings(surroundings(ctx, cluster, network)), raw);
    }

    /**
     * What the rules check around the cluster, read live: the NSGs of the node subnets and of the node resource
     * group, every lock of the subscriptions holding the cluster and its network (one list each, all scopes), and
     * the compute usages of its region. A list that answers counts as read in full, so an empty one means none.
     */
    static Surroundings surroundings(Reads ctx, ManagedCluster cluster, Fleet network) throws StepStop {
        Surroundings.Builder around = new Surroundings.Builder();
        NodeNetwork nodes = NodeNetwork.resolve(cluster, network);
        Set<ArmId> nsgIds = new LinkedHashSet<>();
        nodes.nodeSubnets().values().stream().map(Subnet::networkSecurityGroupId).filter(id -> id != null)
                .forEach(nsgIds::add);
        for (ArmId id : nsgIds) {
            Optional<RawResource> nsg = ctx.read(id.value(), ApiVersions.NETWORK);
            if (nsg.isPresent()) {
                around.addAll(read(nsg.get(), id.value()).surroundings());
            }
        }
        if (cluster.nodeResourceGroup() != null) {
            String path = "/subscriptions/" + cluster.subscriptionId() + "/resourceGroups/" + cluster.nodeResourceGroup()
                    + "/providers/Microsoft.Network/networkSecurityGroups";
            Optional<RawResource> list = ctx.read(path, ApiVersions.NETWORK);
            if (list.isPresent()) {
                around.addAll(read(list.get(), path).surroundings());
                around.cover(SurroundingType.NETWORK_SECURITY_GROUPS, cluster.subscriptionId());
            }
        }
        Set<String> subscriptions = new LinkedHashSet<>();
        subscriptions.add(cluster.subscriptionId().toLowerCase(Locale.ROOT));
        network.virtualNetworks().forEach(v -> subscriptions.add(v.id().subscriptionId().toLowerCase(Locale.ROOT)));
        network.routeTables().forEach(t -> subscriptions.add(t.id().subscriptionId().toLowerCase(Locale.ROOT)));
        for (String subscription : subscriptions) {
            String path = "/subscriptions/" + subscription + "/providers/Microsoft.Authorization/locks";
            Optional<RawResource> locks = ctx.read(path, ApiVersions.LOCKS);
            if (locks.isPresent()) {
                around.addAll(read(locks.get(), path).surroundings());
                around.cover(SurroundingType.LOCKS, subscription);
            }
        }
        if (cluster.location() != null) {
            String region = Surroundings.normalLocation(cluster.location());
            String path = "/subscriptions/" + cluster.subscriptionId() + "/providers/Microsoft.Compute/locations/"
                    + region + "/usages";
            Optional<RawResource> usages = ctx.read(path, ApiVersions.COMPUTE_USAGES);
            if (usages.isPresent()) {
                // Azure's answer names neither subscription nor region: keep it with its path, as a snapshot does.
                JsonNode answer = usages.get().json();
                ObjectNode placed = answer.isObject() ? ((ObjectNode) answer).deepCopy()
                        : JsonNodeFactory.instance.objectNode();
                placed.put("id", path).put("type", SurroundingType.COMPUTE_USAGES.armType());
                try {
                    around.addAll(new FleetReader().read("live GET " + path, placed).surroundings());
                } catch (InputException e) {
                    throw StepStop.failed("cannot read what ARM returned: " + e.getMessage());
                }
            }
        }
        return around.build();
    }

    /** A GET of a network resource or collection, with the caller's retry rules; empty on 404. */
    @FunctionalInterface
    public interface Reads {
        Optional<RawResource> read(String path, String apiVersion) throws StepStop;
    }

    /**
     * The live node network.
     *
     * @param fleet the cluster with its virtual networks and route tables, as the rules read them
     * @param routeTableJson the route tables as ARM returned them, in the order of {@code fleet.routeTables()}
     */
    public record LiveNetwork(Fleet fleet, List<JsonNode> routeTableJson) {
        public LiveNetwork {
            routeTableJson = List.copyOf(routeTableJson);
        }
    }

    static Fleet read(RawResource resource, String path) throws StepStop {
        try {
            return new FleetReader().read("live GET " + path, resource.json());
        } catch (InputException e) {
            throw StepStop.failed("cannot read what ARM returned: " + e.getMessage());
        }
    }

    /**
     * The cluster body with {@code networkPolicy} made explicit: ARM may leave out {@code "none"} (UNCONFIRMED
     * which it does after a policy uninstall), and the fingerprint must not count that as a change.
     */
    static JsonNode normalized(JsonNode json) {
        JsonNode copy = json.deepCopy();
        JsonNode np = copy.path("properties").path("networkProfile");
        if (np instanceof ObjectNode profile && (!profile.hasNonNull("networkPolicy"))) {
            profile.put("networkPolicy", "none");
        }
        return copy;
    }
}
