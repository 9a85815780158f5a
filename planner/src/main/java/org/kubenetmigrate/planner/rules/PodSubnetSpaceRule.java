package org.kubenetmigrate.planner.rules;

import java.util.EnumSet;
import java.util.Set;
import org.kubenetmigrate.planner.model.TargetIpam;
import org.kubenetmigrate.planner.sizing.PodSubnetSizing;

/**
 * A new Pod Subnet cluster needs a node subnet and a pod subnet of the computed sizes inside the VNet (D7, D8, D9;
 * sizes include Azure's 5 reserved addresses per subnet, D2). Without free room the blue/green plan cannot place them.
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
        if (sizing.noRoomReason() == null) {
            return RuleOutcome.pass();
        }
        return RuleOutcome.of(finding(Severity.BLOCKER,
                sizing.noRoomReason() + " (needed: node subnet /" + sizing.nodeSubnet().prefixLength() + " for "
                        + sizing.nodes() + " nodes, pod subnet /" + sizing.dynamicPodSubnet().prefixLength()
                        + " for dynamic allocation or /" + sizing.staticBlockPodSubnet().prefixLength()
                        + " for static block allocation)",
                "Add an address space to the virtual network (az network vnet update --address-prefixes …) or place"
                        + " the new cluster in another virtual network, then re-plan"));
    }
}
