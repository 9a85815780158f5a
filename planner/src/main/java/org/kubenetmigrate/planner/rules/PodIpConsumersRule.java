package org.kubenetmigrate.planner.rules;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.kubenetmigrate.planner.cidr.IpPrefix;
import org.kubenetmigrate.planner.model.ArmId;
import org.kubenetmigrate.planner.model.Fleet;
import org.kubenetmigrate.planner.model.Peering;
import org.kubenetmigrate.planner.model.Route;
import org.kubenetmigrate.planner.model.RouteTable;
import org.kubenetmigrate.planner.model.VirtualNetwork;

/**
 * Overlay pod IPs are unreachable from outside the cluster's nodes. Route tables of other subnets in the cluster's
 * virtual network or in networks peered with it that send traffic into the pod CIDR show consumers that reach pods
 * directly today (kubenet routes the pod CIDR in the VNet); after the update they lose the pods for good. Route
 * tables on any cluster's node subnets are not consumers: they are that cluster's own pod routes. Load balancer and
 * Application Gateway backend pools and firewall rules holding pod IPs are not read.
 */
public final class PodIpConsumersRule implements Rule {

    @Override
    public String id() {
        return "pod-ip-consumers";
    }

    @Override
    public String reference() {
        return Sources.UPDATE_AZURE_CNI;
    }

    @Override
    public String description() {
        return "Route tables of other subnets (peered networks included) with routes into the pod CIDR: what sends"
                + " traffic to pod IPs from outside the cluster loses it on Overlay.";
    }

    @Override
    public Set<Severity> severities() {
        return EnumSet.of(Severity.WARNING);
    }

    @Override
    public RuleOutcome evaluate(ClusterContext context) {
        IpPrefix podCidr = context.sizing().podCidr().current();
        if (podCidr == null || !context.network().vnetKnown()) {
            return RuleOutcome.pass();
        }
        Fleet fleet = context.fleet();
        Set<ArmId> related = new LinkedHashSet<>();
        for (VirtualNetwork vnet : context.network().virtualNetworks()) {
            related.add(vnet.id());
            vnet.peerings().stream().map(Peering::remoteVirtualNetworkId).filter(id -> id != null).forEach(related::add);
        }
        Set<ArmId> clusterSubnets = fleet.clusterSubnets();
        List<String> consumers = new ArrayList<>();
        for (RouteTable table : fleet.routeTables()) {
            if (table.subnetIds().stream().anyMatch(clusterSubnets::contains)) {
                continue;
            }
            List<ArmId> subnets = table.subnetIds().stream()
                    .filter(s -> s.parentVirtualNetwork().map(related::contains).orElse(false)).toList();
            if (subnets.isEmpty()) {
                continue;
            }
            List<String> routes = new ArrayList<>();
            for (Route route : table.routes()) {
                if (route.prefix() != null && route.prefix().length() > 0 && route.prefix().overlaps(podCidr)) {
                    routes.add(route.name() + " " + route.addressPrefix() + " → " + route.nextHopType()
                            + (route.nextHopIpAddress() == null ? "" : " " + route.nextHopIpAddress()));
                }
            }
            if (!routes.isEmpty()) {
                consumers.add("route table " + table.name() + " on subnet(s) "
                        + String.join(", ", subnets.stream().map(ArmId::name).toList()) + " routes into pod CIDR "
                        + podCidr + " (" + String.join("; ", routes) + ")");
            }
        }
        if (consumers.isEmpty()) {
            return RuleOutcome.pass();
        }
        return RuleOutcome.of(finding(Severity.WARNING, String.join("; ", consumers)
                        + "; on Overlay pod IPs are unreachable from outside the cluster's nodes",
                "Move these consumers to a Kubernetes Service (internal load balancer) or ingress before the update and"
                        + " remove the routes afterwards; also check load balancer and Application Gateway backend"
                        + " pools and firewall rules that hold pod IPs (not read by this tool)"));
    }
}
