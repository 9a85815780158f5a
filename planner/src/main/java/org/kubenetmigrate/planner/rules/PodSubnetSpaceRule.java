package org.kubenetmigrate.planner.rules;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.kubenetmigrate.planner.model.TargetIpam;
import org.kubenetmigrate.planner.sizing.PodSubnetSizing;

/**
 * A new Pod Subnet cluster needs a node subnet and a pod subnet of the computed sizes inside the VNet
 * (https://learn.microsoft.com/azure/aks/concepts-network-ip-address-planning; sizes include Azure's 5 reserved
 * addresses per subnet). Without free room the blue/green plan cannot place them. Proposals avoid the service CIDR
 * the new cluster reuses, the old cluster's pod CIDR and the reserved ranges.
 */
public final class PodSubnetSpaceRule implements Rule {

    @Override
    public String id() {
        return "pod-subnet-space";
    }

    @Override
    public String reference() {
        return Sources.IP_PLANNING;
    }

    @Override
    public String description() {
        return "For --target pod-subnet: the virtual network has free room for the new node and pod subnets, clear of the reused service CIDR, the old pod CIDR and reserved ranges.";
    }

    @Override
    public Set<Severity> severities() {
        return EnumSet.of(Severity.BLOCKER, Severity.WARNING);
    }

    @Override
    public List<String> sources() {
        return List.of(Sources.IP_PLANNING, Sources.SERVICE_CIDR_OVERLAP_ISSUE, Sources.STATIC_BLOCK_ALLOCATION);
    }

    @Override
    public Set<TargetIpam> targets() {
        return EnumSet.of(TargetIpam.POD_SUBNET);
    }

    @Override
    public RuleOutcome evaluate(ClusterContext context) {
        PodSubnetSizing sizing = context.sizing().podSubnet();
        if (sizing == null) {
            return RuleOutcome.pass();
        }
        if (!context.network().managedVnet() && !context.network().vnetKnown()) {
            return RuleOutcome.unverified(unverified(context.network().vnetGap().orElse("the virtual network is unknown"),
                    Severity.BLOCKER));
        }
        RuleOutcome beyond = !sizing.staticBlockRecommended() ? RuleOutcome.pass() : RuleOutcome.of(finding(
                Severity.WARNING,
                "the new cluster may run " + sizing.pods() + " pods (" + sizing.nodes() + " nodes × maxPods "
                        + sizing.maxPods() + "), beyond the about 65k pods dynamic IP allocation is limited to by an"
                        + " Azure address mapping limit",
                "Use static block allocation for the new cluster (pod subnet /"
                        + sizing.staticBlockPodSubnet().prefixLength() + ", at most /12, Kubernetes 1.28 or later: "
                        + Sources.STATIC_BLOCK_ALLOCATION + "), or lower maxPods on the new pools"));
        if (sizing.noRoomReason() == null) {
            return beyond;
        }
        return beyond.plus(RuleOutcome.of(finding(Severity.BLOCKER,
                sizing.noRoomReason() + " (needed: node subnet /" + sizing.nodeSubnet().prefixLength() + " for "
                        + sizing.nodes() + " nodes, pod subnet /" + sizing.dynamicPodSubnet().prefixLength()
                        + " for dynamic allocation or /" + sizing.staticBlockPodSubnet().prefixLength()
                        + " for static block allocation)",
                "Add an address space to the virtual network (az network vnet update --address-prefixes …) or place"
                        + " the new cluster in another virtual network, then re-plan")));
    }
}
