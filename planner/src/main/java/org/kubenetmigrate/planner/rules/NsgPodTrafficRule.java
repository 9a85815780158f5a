package org.kubenetmigrate.planner.rules;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.kubenetmigrate.planner.cidr.IpFamily;
import org.kubenetmigrate.planner.cidr.IpPrefix;
import org.kubenetmigrate.planner.model.ArmId;
import org.kubenetmigrate.planner.model.ManagedCluster;
import org.kubenetmigrate.planner.model.NetworkSecurityGroup;
import org.kubenetmigrate.planner.model.NodeNetwork;
import org.kubenetmigrate.planner.model.Peering;
import org.kubenetmigrate.planner.model.SecurityRule;
import org.kubenetmigrate.planner.model.Subnet;
import org.kubenetmigrate.planner.model.SurroundingType;
import org.kubenetmigrate.planner.model.Surroundings;
import org.kubenetmigrate.planner.model.VirtualNetwork;

/**
 * Overlay pod traffic is not encapsulated and subnet NSG rules apply to it; AKS never changes NSGs. Node to pod and
 * pod to pod traffic on the target pod CIDR must be allowed (all ports and protocols) in both directions by the NSGs
 * of the node subnets and by the AKS-managed NSG of the node resource group (applied to the node NICs). Rules are
 * evaluated as Azure does: lowest priority number first, the first matching rule decides, Azure's default rules last.
 *
 * <p>A deny that matches part of that traffic before an allow that matches all of it is a BLOCKER. When the pod
 * CIDR changes, rules naming the old one are a WARNING. Unconfirmed: whether the Overlay pod CIDR belongs to the
 * {@code VirtualNetwork} service tag. Clusters created on Overlay work with Azure's default rules, whose allow is
 * VirtualNetwork to VirtualNetwork, so the tag is taken to include it; Microsoft does not say so.
 */
public final class NsgPodTrafficRule implements Rule {

    @Override
    public String id() {
        return "nsg-pod-traffic";
    }

    @Override
    public String reference() {
        return Sources.OVERLAY_CONCEPTS;
    }

    @Override
    public String description() {
        return "Network security group rules on the node subnets or node NICs that deny node-to-pod or pod-to-pod"
                + " traffic on the target pod CIDR, or that name the old pod CIDR when it changes.";
    }

    @Override
    public Set<Severity> severities() {
        return EnumSet.of(Severity.BLOCKER, Severity.WARNING);
    }

    @Override
    public RuleOutcome evaluate(ClusterContext context) {
        ManagedCluster cluster = context.cluster();
        NodeNetwork network = context.network();
        Surroundings around = context.fleet().surroundings();
        IpPrefix current = context.sizing().podCidr().current();
        IpPrefix target = context.sizing().podCidr().proposed() != null ? context.sizing().podCidr().proposed() : current;
        List<Unverified> unknown = new ArrayList<>();
        if (!network.vnetKnown()) {
            unknown.add(unverified("the node subnets' network security groups are unknown because "
                    + network.vnetGap().orElse(""), Severity.BLOCKER));
        }
        if (target == null) {
            unknown.add(unverified("there is no target pod CIDR to check network security group rules against",
                    Severity.WARNING));
            return new RuleOutcome(List.of(), unknown);
        }
        // Which NSGs apply, and where.
        Map<NetworkSecurityGroup, String> applied = new LinkedHashMap<>();
        for (Subnet subnet : network.nodeSubnets().values()) {
            ArmId nsgId = subnet.networkSecurityGroupId();
            if (nsgId == null) {
                continue;
            }
            Optional<NetworkSecurityGroup> nsg = context.fleet().networkSecurityGroup(nsgId);
            if (nsg.isPresent()) {
                applied.putIfAbsent(nsg.get(), "node subnet " + subnet.name());
            } else {
                String why = context.fleet().accessGap(nsgId).map(g -> g.describe("it"))
                        .or(() -> around.missing(SurroundingType.NETWORK_SECURITY_GROUPS, nsgId.subscriptionId()))
                        .orElse("it is not in the input although its subscription's network security groups were read");
                SurroundingType absent = context.fleet().accessGap(nsgId).isPresent() ? null
                        : around.ifNotInInput(SurroundingType.NETWORK_SECURITY_GROUPS, nsgId.subscriptionId());
                unknown.add(unverified("network security group " + nsgId.name() + " of node subnet " + subnet.name()
                        + " is unknown: " + why, Severity.BLOCKER, absent));
            }
        }
        if (cluster.nodeResourceGroup() != null) {
            Optional<String> missing = around.missing(SurroundingType.NETWORK_SECURITY_GROUPS, cluster.subscriptionId());
            if (missing.isPresent()) {
                unknown.add(unverified("the AKS-managed network security group of the node NICs (node resource group "
                        + cluster.nodeResourceGroup() + ") is unknown: " + missing.get(), Severity.WARNING,
                        around.ifNotInInput(SurroundingType.NETWORK_SECURITY_GROUPS, cluster.subscriptionId())));
            } else {
                context.fleet().networkSecurityGroupsIn(cluster.subscriptionId(), cluster.nodeResourceGroup())
                        .forEach(n -> applied.putIfAbsent(n, "the node NICs (AKS-managed)"));
            }
        }
        List<IpPrefix> nodes = network.nodeSubnets().values().stream().flatMap(s -> s.addressPrefixes().stream())
                .filter(p -> p.family() == IpFamily.IPV4).toList();
        Tags tags = new Tags(virtualNetworkTag(network, target));
        List<String> denied = new ArrayList<>();
        List<String> partly = new ArrayList<>();
        List<String> oldCidr = new ArrayList<>();
        boolean changes = current != null && !current.equals(target);
        for (Map.Entry<NetworkSecurityGroup, String> entry : applied.entrySet()) {
            NetworkSecurityGroup nsg = entry.getKey();
            Set<String> hits = new LinkedHashSet<>();
            Set<String> partial = new LinkedHashSet<>();
            for (SecurityRule.Direction direction : SecurityRule.Direction.values()) {
                List<SecurityRule> order = nsg.evaluationOrder(direction);
                firstDeny(order, List.of(target), List.of(target), tags).ifPresent(r -> (blocksAll(r) ? hits : partial)
                        .add(describe(r) + " denies pod-to-pod traffic"));
                if (!nodes.isEmpty()) {
                    firstDeny(order, nodes, List.of(target), tags).ifPresent(r -> (blocksAll(r) ? hits : partial)
                            .add(describe(r) + " denies node-to-pod traffic"));
                }
            }
            String where = "network security group " + nsg.name() + " on " + entry.getValue() + ": ";
            if (!hits.isEmpty()) {
                denied.add(where + String.join(", ", hits));
            }
            if (!partial.isEmpty()) {
                partly.add(where + String.join(", ", partial));
            }
            if (changes) {
                for (SecurityRule rule : nsg.securityRules()) {
                    if (names(rule, current)) {
                        oldCidr.add(nsg.name() + "/" + rule.name());
                    }
                }
            }
        }
        RuleOutcome outcome = new RuleOutcome(List.of(), unknown);
        if (!denied.isEmpty()) {
            outcome = outcome.plus(RuleOutcome.of(finding(Severity.BLOCKER, String.join("; ", denied)
                            + " on pod CIDR " + target + "; Overlay pod traffic is not encapsulated and subnet and NIC"
                            + " rules apply to it",
                    "Before the update, add allow rules (all ports and protocols, both directions) for node subnet to"
                            + " pod CIDR " + target + " and pod CIDR to pod CIDR, with a lower priority number than the"
                            + " deny; AKS does not change network security groups")));
        }
        if (!partly.isEmpty()) {
            outcome = outcome.plus(RuleOutcome.of(finding(Severity.WARNING, String.join("; ", partly)
                            + " on some ports or protocols of pod CIDR " + target + " (or for members of an application security"
                            + " group)",
                    "Check that the pods need none of the denied ports; otherwise allow them for pod CIDR " + target
                            + " with a lower priority number than the deny")));
        }
        if (!oldCidr.isEmpty()) {
            outcome = outcome.plus(RuleOutcome.of(finding(Severity.WARNING, "rules " + String.join(", ", oldCidr)
                            + " name the current pod CIDR " + current + ", which changes to " + target,
                    "Update these rules to pod CIDR " + target + " (and remove the old range once the update is done)")));
        }
        return outcome;
    }

    /**
     * The ranges the {@code VirtualNetwork} tag stands for here: the virtual networks' address spaces, peered address
     * spaces and (unconfirmed, see the class comment) the Overlay pod CIDR.
     */
    private static List<IpPrefix> virtualNetworkTag(NodeNetwork network, IpPrefix podCidr) {
        List<IpPrefix> tag = new ArrayList<>();
        for (VirtualNetwork vnet : network.virtualNetworks()) {
            tag.addAll(vnet.addressSpace());
            for (Peering peering : vnet.peerings()) {
                tag.addAll(peering.remoteAddressSpace());
            }
        }
        tag.add(podCidr);
        return tag;
    }

    /**
     * The rule that denies the traffic before a rule allows all of it: the first deny of every port and protocol, else
     * the first deny of some ports or protocols; empty when an allow of all of it comes first.
     */
    static Optional<SecurityRule> firstDeny(List<SecurityRule> order, List<IpPrefix> sources,
                                            List<IpPrefix> destinations, Tags tags) {
        Optional<SecurityRule> partial = Optional.empty();
        for (SecurityRule rule : order) {
            if (rule.access() == SecurityRule.Access.ALLOW) {
                if (rule.allTraffic() && !rule.applicationSecurityGroups()
                        && tags.coversAll(rule.sourcePrefixes(), sources)
                        && tags.coversAll(rule.destinationPrefixes(), destinations)) {
                    return partial;
                }
            } else if (rule.applicationSecurityGroups()
                    || (tags.touches(rule.sourcePrefixes(), sources) && tags.touches(rule.destinationPrefixes(), destinations))) {
                if (rule.allTraffic() && !rule.applicationSecurityGroups()) {
                    return Optional.of(rule);
                }
                partial = partial.isPresent() ? partial : Optional.of(rule);
            }
        }
        return partial;
    }

    /** A deny of every port and protocol, on addresses (an application security group's members are not known). */
    private static boolean blocksAll(SecurityRule rule) {
        return rule.allTraffic() && !rule.applicationSecurityGroups();
    }

    private static boolean names(SecurityRule rule, IpPrefix podCidr) {
        List<String> all = new ArrayList<>(rule.sourcePrefixes());
        all.addAll(rule.destinationPrefixes());
        for (String text : all) {
            Optional<IpPrefix> prefix = Tags.parse(text);
            if (prefix.isPresent() && prefix.get().length() > 0 && prefix.get().overlaps(podCidr)) {
                return true;
            }
        }
        return false;
    }

    private static String describe(SecurityRule rule) {
        return "rule " + rule.name() + " (priority " + rule.priority() + ", " + rule.direction().name().toLowerCase()
                + ")";
    }

    /** How the address prefixes of a rule resolve: {@code *}, CIDRs and addresses, and the VirtualNetwork tag. */
    record Tags(List<IpPrefix> virtualNetwork) {

        static Optional<IpPrefix> parse(String text) {
            String t = text.trim();
            if (t.isEmpty() || !(Character.isDigit(t.charAt(0)) || t.contains(":"))) {
                return Optional.empty();
            }
            try {
                return Optional.of(t.contains("/") ? IpPrefix.parse(t) : IpPrefix.parseHost(t));
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        }

        /** The ranges a prefix stands for; empty for tags other than VirtualNetwork (Internet, AzureLoadBalancer…). */
        List<IpPrefix> resolve(String text) {
            String t = text.trim();
            if (t.equals("*") || t.equalsIgnoreCase("Any")) {
                return List.of(IpPrefix.parse("0.0.0.0/0"));
            }
            if (t.equalsIgnoreCase("VirtualNetwork")) {
                return virtualNetwork;
            }
            return parse(t).map(List::of).orElse(List.of());
        }

        boolean coversAll(List<String> ruleSide, List<IpPrefix> traffic) {
            List<IpPrefix> ranges = ruleSide.isEmpty() ? resolve("*")
                    : ruleSide.stream().flatMap(p -> resolve(p).stream()).toList();
            return traffic.stream().allMatch(t -> ranges.stream().anyMatch(r -> r.family() == t.family() && r.contains(t)));
        }

        boolean touches(List<String> ruleSide, List<IpPrefix> traffic) {
            List<IpPrefix> ranges = ruleSide.isEmpty() ? resolve("*")
                    : ruleSide.stream().flatMap(p -> resolve(p).stream()).toList();
            return traffic.stream().anyMatch(t -> ranges.stream().anyMatch(r -> r.family() == t.family() && r.overlaps(t)));
        }
    }
}
