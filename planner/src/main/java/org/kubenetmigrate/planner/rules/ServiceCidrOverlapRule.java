package org.kubenetmigrate.planner.rules;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.kubenetmigrate.planner.cidr.IpPrefix;
import org.kubenetmigrate.planner.model.NodeNetwork;
import org.kubenetmigrate.planner.model.Subnet;
import org.kubenetmigrate.planner.model.TargetIpam;
import org.kubenetmigrate.planner.model.VirtualNetwork;
import org.kubenetmigrate.planner.text.AzCommand;

/**
 * The RP has rejected updates of clusters whose service CIDR overlaps a subnet of the VNet
 * (ServiceCidrOverlapExistingSubnetsCidr, https://github.com/Azure/AKS/issues/3551; service CIDR rules in
 * https://learn.microsoft.com/azure/aks/concepts-network-azure-cni-overlay). The migration does not change the
 * service CIDR, so a WARNING: the update may hit the same validation.
 */
public final class ServiceCidrOverlapRule implements Rule {

    @Override
    public String id() {
        return "service-cidr-overlap";
    }

    @Override
    public String reference() {
        return Sources.SERVICE_CIDR_OVERLAP_ISSUE;
    }

    @Override
    public String description() {
        return "The service CIDR overlaps no subnet of the cluster's virtual network.";
    }

    @Override
    public Set<Severity> severities() {
        return EnumSet.of(Severity.WARNING);
    }

    @Override
    public List<String> sources() {
        return List.of(Sources.SERVICE_CIDR_OVERLAP_ISSUE, Sources.OVERLAY_CONCEPTS);
    }

    /** Applies to the in-place update and to a new Pod Subnet cluster alike. */
    @Override
    public Set<TargetIpam> targets() {
        return EnumSet.allOf(TargetIpam.class);
    }

    @Override
    public RuleOutcome evaluate(ClusterContext context) {
        NodeNetwork network = context.network();
        List<String> overlaps = new ArrayList<>();
        List<String> deletes = new ArrayList<>();
        for (IpPrefix service : context.cluster().network().allServiceCidrs()) {
            for (VirtualNetwork vnet : network.virtualNetworks()) {
                for (Subnet subnet : vnet.subnets()) {
                    for (IpPrefix prefix : subnet.addressPrefixes()) {
                        if (prefix.overlaps(service)) {
                            overlaps.add("service CIDR " + service + " overlaps subnet " + subnet.name() + " "
                                    + prefix + " of " + vnet.name());
                            String delete = AzCommand.az("network", "vnet", "subnet", "delete")
                                    .arg("-g", vnet.resourceGroup()).arg("--vnet-name", vnet.name())
                                    .arg("-n", subnet.name()).render();
                            if (!deletes.contains(delete)) {
                                deletes.add(delete);
                            }
                        }
                    }
                }
            }
        }
        RuleOutcome outcome = RuleOutcome.pass();
        if (!overlaps.isEmpty()) {
            outcome = RuleOutcome.of(finding(Severity.WARNING,
                    String.join("; ", overlaps) + "; AKS has rejected updates of such clusters with"
                            + " ServiceCidrOverlapExistingSubnetsCidr, and the Overlay update may be one of them",
                    "The migration keeps the service CIDR. If an overlapping subnet is unused, delete it before the"
                            + " update (" + String.join("; ", deletes) + "); otherwise be ready for the update to be"
                            + " rejected and for a new cluster whose service CIDR lies outside the virtual network"));
        }
        if (!network.vnetKnown()) {
            outcome = outcome.plus(RuleOutcome.unverified(unverified(network.vnetGap().orElse(""), Severity.WARNING)));
        }
        return outcome;
    }
}
