package org.kubenetmigrate.executor.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.kubenetmigrate.executor.azure.ObservedCluster;
import org.kubenetmigrate.executor.azure.RawResource;
import org.kubenetmigrate.planner.input.FleetReader;
import org.kubenetmigrate.planner.input.InputException;
import org.kubenetmigrate.planner.model.ArmId;
import org.kubenetmigrate.planner.model.Fleet;
import org.kubenetmigrate.planner.model.ManagedCluster;
import org.kubenetmigrate.planner.model.RouteTable;
import org.kubenetmigrate.planner.model.Subnet;
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
        return new LiveNetwork(new Fleet(List.of(cluster), vnets, tables), raw);
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
