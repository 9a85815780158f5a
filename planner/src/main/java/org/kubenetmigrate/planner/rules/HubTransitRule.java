package org.kubenetmigrate.planner.rules;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.kubenetmigrate.planner.cidr.IpPrefix;
import org.kubenetmigrate.planner.model.ArmId;
import org.kubenetmigrate.planner.model.EffectiveRouteTable;
import org.kubenetmigrate.planner.model.EffectiveRouteTable.EffectiveRoute;
import org.kubenetmigrate.planner.model.Fleet;
import org.kubenetmigrate.planner.model.NodeNetwork;
import org.kubenetmigrate.planner.model.Peering;
import org.kubenetmigrate.planner.model.Route;
import org.kubenetmigrate.planner.model.RouteTable;
import org.kubenetmigrate.planner.model.SurroundingType;
import org.kubenetmigrate.planner.model.VirtualNetwork;

/**
 * The pod CIDR must not overlap networks reached through ExpressRoute or VPN, and AKS does not check it. When the
 * node network uses a gateway (a peering with {@code useRemoteGateways}, or a node-subnet route to a virtual network
 * gateway) the ranges behind it appear in no address space of the input. A node NIC's effective routes show them
 * (routes whose source is {@code VirtualNetworkGateway}); without those, or ranges given with {@code --avoid}, the
 * check is unverified.
 */
public final class HubTransitRule implements Rule {

    @Override
    public String id() {
        return "hub-transit";
    }

    @Override
    public String reference() {
        return Sources.OVERLAY_CONCEPTS;
    }

    @Override
    public String description() {
        return "A node network that reaches on-premises through a gateway: the gateway-learned ranges (from a node"
                + " NIC's effective routes) must not overlap the target pod CIDR.";
    }

    @Override
    public Set<Severity> severities() {
        return EnumSet.of(Severity.ACTION);
    }

    @Override
    public RuleOutcome evaluate(ClusterContext context) {
        NodeNetwork network = context.network();
        IpPrefix podCidr = context.sizing().podCidr().proposed() != null ? context.sizing().podCidr().proposed()
                : context.sizing().podCidr().current();
        List<String> transit = transit(network);
        if (transit.isEmpty() || podCidr == null) {
            return RuleOutcome.pass();
        }
        List<EffectiveRouteTable> tables = effectiveRoutes(network, context.fleet());
        if (tables.isEmpty()) {
            if (!context.options().avoid().isEmpty()) {
                // The operator named the ranges behind the gateway; pod-cidr-overlap checks the pod CIDR against them.
                return RuleOutcome.pass();
            }
            return RuleOutcome.unverified(unverified(String.join("; ", transit) + ": on-premises ranges behind the"
                    + " gateway are not in the input and may overlap pod CIDR " + podCidr + "; add the output of `"
                    + SurroundingType.EFFECTIVE_ROUTES.export() + "` for a node NIC, or pass those ranges with --avoid",
                    Severity.ACTION));
        }
        Set<String> overlapping = new LinkedHashSet<>();
        for (EffectiveRouteTable table : tables) {
            for (EffectiveRoute route : table.routes()) {
                if (!route.fromGateway() || "Invalid".equalsIgnoreCase(route.state())) {
                    continue;
                }
                for (String text : route.addressPrefixes()) {
                    Optional<IpPrefix> prefix = NsgPodTrafficRule.Tags.parse(text);
                    if (prefix.isPresent() && prefix.get().length() > 0 && prefix.get().overlaps(podCidr)) {
                        overlapping.add(text);
                    }
                }
            }
        }
        if (overlapping.isEmpty()) {
            return RuleOutcome.pass();
        }
        return RuleOutcome.of(finding(Severity.ACTION, "pod CIDR " + podCidr + " overlaps " + String.join(", ",
                        overlapping) + ", learned from the virtual network gateway (" + String.join("; ", transit)
                        + "); pods could not reach those on-premises addresses",
                "Choose a pod CIDR outside them: run plan with --avoid " + String.join(" --avoid ", overlapping)
                        + " (or --pod-cidr)"));
    }

    /** Why the node network reaches ranges through a gateway, empty when it does not. */
    private static List<String> transit(NodeNetwork network) {
        List<String> reasons = new ArrayList<>();
        for (VirtualNetwork vnet : network.virtualNetworks()) {
            for (Peering peering : vnet.peerings()) {
                if (peering.useRemoteGateways()) {
                    reasons.add("virtual network " + vnet.name() + " uses the gateway of "
                            + (peering.remoteVirtualNetworkId() == null ? peering.name()
                            : peering.remoteVirtualNetworkId().name()) + " (peering " + peering.name()
                            + ", useRemoteGateways)");
                }
            }
        }
        for (RouteTable table : network.routeTables()) {
            for (Route route : table.routes()) {
                if ("VirtualNetworkGateway".equalsIgnoreCase(route.nextHopType())) {
                    reasons.add("route " + route.name() + " " + route.addressPrefix() + " in " + table.name()
                            + " goes to the virtual network gateway");
                }
            }
        }
        return reasons;
    }

    /**
     * The effective routes of a node NIC: tables whose own address space (the VnetLocal routes) is exactly that of a
     * node virtual network and of no other virtual network in the input, since the output names no NIC.
     */
    private static List<EffectiveRouteTable> effectiveRoutes(NodeNetwork network, Fleet fleet) {
        List<EffectiveRouteTable> found = new ArrayList<>();
        for (EffectiveRouteTable table : fleet.surroundings().effectiveRoutes()) {
            Set<String> space = new LinkedHashSet<>(table.virtualNetworkPrefixes());
            if (space.isEmpty()) {
                continue;
            }
            List<ArmId> matching = fleet.virtualNetworks().stream()
                    .filter(v -> new LinkedHashSet<>(v.addressSpace().stream().map(IpPrefix::toString).toList())
                            .equals(space))
                    .map(VirtualNetwork::id).toList();
            boolean mine = network.virtualNetworks().stream().anyMatch(v -> matching.contains(v.id()));
            if (mine && matching.size() == 1) {
                found.add(table);
            }
        }
        return found;
    }
}
