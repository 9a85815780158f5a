package org.kubenetmigrate.planner.rules;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.kubenetmigrate.planner.cidr.IpPrefix;
import org.kubenetmigrate.planner.model.InClusterCheck;
import org.kubenetmigrate.planner.model.InClusterState;
import org.kubenetmigrate.planner.model.InClusterState.IpBlock;
import org.kubenetmigrate.planner.model.InClusterState.NetworkPolicyInfo;

/**
 * With {@code --dataplane cilium}: Cilium "network policies can't use ipBlock to allow access to node or pod IPs"
 * (even {@code 0.0.0.0/0} does not reach them) and "network policies aren't applied to pods using host networking"
 * (https://learn.microsoft.com/azure/aks/azure-cni-powered-by-cilium, 2026-08-11). Both hold with an unchanged pod
 * CIDR, and Cilium enforces only after every node is reimaged. Policies that rely on either behave differently on
 * Cilium than on Calico or Azure NPM: a WARNING naming them.
 */
public final class CiliumLimitsRule extends InClusterRule {
    static final int LISTED = 10;

    @Override
    public String id() {
        return InClusterCheck.CILIUM_LIMITS;
    }

    @Override
    public String reference() {
        return Sources.CILIUM;
    }

    @Override
    public String description() {
        return "With --dataplane cilium: NetworkPolicies whose ipBlock covers node or pod IPs, and policies that"
                + " select host-network pods, which Cilium does not enforce as written (in-cluster).";
    }

    @Override
    public Set<Severity> severities() {
        return EnumSet.of(Severity.WARNING);
    }

    @Override
    boolean applies(ClusterContext context) {
        return context.options().ciliumDataplane();
    }

    @Override
    Severity couldBe(ClusterContext context) {
        return Severity.WARNING;
    }

    @Override
    RuleOutcome judge(ClusterContext context, InClusterState state) {
        List<IpPrefix> nodeRanges = context.network().nodeSubnets().values().stream()
                .flatMap(s -> s.addressPrefixes().stream()).toList();
        IpPrefix podCidr = context.sizing().podCidr().proposed() != null ? context.sizing().podCidr().proposed()
                : context.sizing().podCidr().current();
        List<String> blocks = new ArrayList<>();
        for (NetworkPolicyInfo policy : state.networkPolicies()) {
            for (IpBlock block : policy.ipBlocks()) {
                List<String> covers = covered(block, nodeRanges, podCidr);
                if (!covers.isEmpty()) {
                    blocks.add(policy.qualifiedName() + " (" + block.direction() + " " + block.cidr() + " covers "
                            + String.join(" and ", covers) + ")");
                }
            }
        }
        List<String> hostNetwork = state.hostNetworkPolicies().stream()
                .map(p -> p.qualifiedName() + " (selects " + listed(p.pods(), 3) + ")").toList();
        if (blocks.isEmpty() && hostNetwork.isEmpty()) {
            return RuleOutcome.pass();
        }
        List<String> parts = new ArrayList<>();
        if (!blocks.isEmpty()) {
            parts.add(blocks.size() + " NetworkPolicy ipBlock" + (blocks.size() == 1 ? " covers" : "s cover")
                    + " node or pod IPs, which Cilium never lets an ipBlock reach (even 0.0.0.0/0): "
                    + listed(blocks, LISTED));
        }
        if (!hostNetwork.isEmpty()) {
            parts.add(hostNetwork.size() + (hostNetwork.size() == 1 ? " NetworkPolicy selects" : " NetworkPolicies select")
                    + " host-network pods, to which Cilium applies no policy: " + listed(hostNetwork, LISTED));
        }
        if (nodeRanges.isEmpty()) {
            parts.add("the node subnets are not in the input, so ipBlocks were checked against the pod CIDR only");
        }
        return RuleOutcome.of(finding(Severity.WARNING,
                "on the Cilium data plane " + String.join("; ", parts),
                "Before enable-cilium, rewrite ipBlock rules meant for pods or nodes as podSelector/namespaceSelector"
                        + " rules (or Cilium's node/entity selectors), and protect host-network pods another way"
                        + " (NSG rules, or no host networking); or keep the current engine (no --dataplane cilium)"));
    }

    /** What of the node ranges and the pod CIDR the block matches, e.g. ["node subnet 10.240.0.0/22"]. */
    static List<String> covered(IpBlock block, List<IpPrefix> nodeRanges, IpPrefix podCidr) {
        IpPrefix cidr = IpBlockPodCidrRule.lenient(block.cidr());
        if (cidr == null) {
            return List.of();
        }
        List<IpPrefix> except = block.except().stream().map(IpBlockPodCidrRule::lenient)
                .filter(e -> e != null && e.family() == cidr.family()).toList();
        List<String> covers = new ArrayList<>();
        for (IpPrefix node : nodeRanges) {
            if (node.family() == cidr.family() && IpBlockPodCidrRule.match(cidr, except, node) != IpBlockPodCidrRule.Match.NONE) {
                covers.add("node subnet " + node);
            }
        }
        if (podCidr != null && podCidr.family() == cidr.family()
                && IpBlockPodCidrRule.match(cidr, except, podCidr) != IpBlockPodCidrRule.Match.NONE) {
            covers.add("pod CIDR " + podCidr);
        }
        return covers;
    }
}
