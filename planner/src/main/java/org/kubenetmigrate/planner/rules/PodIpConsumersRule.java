package org.kubenetmigrate.planner.rules;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.kubenetmigrate.planner.cidr.CidrFormatException;
import org.kubenetmigrate.planner.cidr.IpPrefix;
import org.kubenetmigrate.planner.model.AddressHolder;
import org.kubenetmigrate.planner.model.ArmId;
import org.kubenetmigrate.planner.model.Fleet;
import org.kubenetmigrate.planner.model.Peering;
import org.kubenetmigrate.planner.model.Route;
import org.kubenetmigrate.planner.model.RouteTable;
import org.kubenetmigrate.planner.model.VirtualNetwork;

/**
 * Overlay pod IPs are unreachable from outside the cluster's nodes. What reaches pods directly today (kubenet routes
 * the pod CIDR in the VNet) loses them for good after the update: route tables of other subnets in the cluster's
 * virtual network or in networks peered with it that send traffic into the pod CIDR, load balancer and Application
 * Gateway backend pools holding pod IPs, and Azure Firewall network rules or NAT rules whose destination or target is
 * a pod IP, each in the node network or a network peered with it. Route tables on any cluster's node subnets are not
 * consumers: they are that cluster's own pod routes. Rules kept in a Firewall Policy are not read.
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
        return "Route tables of other subnets, load balancer and Application Gateway backend pools and Azure Firewall"
                + " rules (peered networks included) that send traffic to pod IPs: they lose the pods on Overlay.";
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
            for (Peering peering : vnet.peerings()) {
                if (peering.remoteVirtualNetworkId() != null) {
                    related.add(peering.remoteVirtualNetworkId());
                }
            }
        }
        Set<ArmId> clusterSubnets = fleet.clusterSubnets();
        List<String> consumers = new ArrayList<>();
        for (RouteTable table : fleet.routeTablesOnVirtualNetworks(related)) {
            // Usually the cluster's own table, the only one in its network: plain loops, no stream per cluster.
            if (onAny(table.subnetIds(), clusterSubnets)) {
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
        for (AddressHolder holder : fleet.addressHoldersOnVirtualNetworks(related)) {
            List<String> held = new ArrayList<>();
            for (AddressHolder.Entry entry : holder.entries()) {
                if (inPodCidr(entry.address(), podCidr)) {
                    held.add(entry.place() + " " + entry.address());
                }
            }
            if (!held.isEmpty()) {
                consumers.add(holder.kind().label() + " " + holder.name() + " holds pod IPs of pod CIDR " + podCidr
                        + " (" + String.join("; ", held) + ")");
            }
        }
        if (consumers.isEmpty()) {
            return RuleOutcome.pass();
        }
        return RuleOutcome.of(finding(Severity.WARNING, String.join("; ", consumers)
                        + "; on Overlay pod IPs are unreachable from outside the cluster's nodes",
                "Move these consumers to a Kubernetes Service (internal load balancer) or ingress before the update,"
                        + " then remove the routes and point the backend pools and firewall rules at the Service;"
                        + " firewall rules kept in a Firewall Policy, and consumers outside the input, are not read"
                        + " by this tool"));
    }

    private static boolean onAny(List<ArmId> subnets, Set<ArmId> clusterSubnets) {
        for (ArmId subnet : subnets) {
            if (clusterSubnets.contains(subnet)) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when an address or prefix as written lies in the pod CIDR. Firewall rules may hold "*", ranges or
     * service tags: those are not pod IPs as such and are skipped.
     */
    private static boolean inPodCidr(String address, IpPrefix podCidr) {
        String text = address.contains("/") ? address : address + (address.contains(":") ? "/128" : "/32");
        try {
            IpPrefix prefix = IpPrefix.parse(text);
            return prefix.overlaps(podCidr);
        } catch (CidrFormatException e) {
            return false;
        }
    }
}
