package org.kubenetmigrate.planner.rules;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.kubenetmigrate.planner.model.ArmId;

/**
 * With a BYO subnet, Overlay uses the subnet, VNet and VNet resource group names as node labels, so each must be at
 * most 63 characters (https://learn.microsoft.com/azure/aks/concepts-network-azure-cni-overlay; validated by the RP
 * since the release of 2023-11-28). Read from the pools' subnet ids, no VNet data needed.
 */
public final class NameLengthRule implements Rule {
    static final int MAX_LENGTH = 63;

    @Override
    public String id() {
        return "name-length";
    }

    @Override
    public String reference() {
        return Sources.OVERLAY_CONCEPTS;
    }

    @Override
    public String description() {
        return "The names of a BYO node subnet, its virtual network and resource group are at most 63 characters each.";
    }

    @Override
    public Set<Severity> severities() {
        return EnumSet.of(Severity.BLOCKER);
    }

    @Override
    public List<String> sources() {
        return List.of(Sources.OVERLAY_CONCEPTS, Sources.release("2023-11-28"));
    }

    @Override
    public RuleOutcome evaluate(ClusterContext context) {
        Set<String> tooLong = new LinkedHashSet<>();
        boolean subnetOnly = true;
        for (ArmId subnetId : context.cluster().nodeSubnetIds()) {
            String subnet = subnetId.name();
            String vnet = subnetId.parentVirtualNetwork().map(ArmId::name).orElse("");
            String group = subnetId.resourceGroup();
            if (subnet.length() > MAX_LENGTH) {
                tooLong.add(describe("subnet", subnet));
            }
            if (vnet.length() > MAX_LENGTH) {
                tooLong.add(describe("virtual network", vnet));
                subnetOnly = false;
            }
            if (group.length() > MAX_LENGTH) {
                tooLong.add(describe("virtual network resource group", group));
                subnetOnly = false;
            }
        }
        if (tooLong.isEmpty()) {
            return RuleOutcome.pass();
        }
        List<String> parts = new ArrayList<>(tooLong);
        String remediation = "Azure resources cannot be renamed. " + (subnetOnly
                ? "Create a subnet with a name of at most 63 characters in the same virtual network (az network vnet"
                        + " subnet create ...), associate the cluster's route table with it, add node pools on it"
                        + " (az aks nodepool add ... --vnet-subnet-id <new-subnet-id>), move the workloads and"
                        + " delete the old pools"
                : "A cluster cannot move to another virtual network, so a virtual network or resource group name"
                        + " this long means a new cluster (blue/green) in a network whose names are at most 63"
                        + " characters");
        return RuleOutcome.of(finding(Severity.BLOCKER,
                String.join("; ", parts) + ": Overlay uses these names as node labels, which allow at most "
                        + MAX_LENGTH + " characters",
                remediation));
    }

    private static String describe(String what, String name) {
        return what + " name '" + name + "' has " + name.length() + " characters";
    }
}
