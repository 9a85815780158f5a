package org.kubenetmigrate.planner.rules;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.kubenetmigrate.planner.model.AgentPool;
import org.kubenetmigrate.planner.model.ManagedCluster;
import org.kubenetmigrate.planner.text.AzCommand;

/**
 * Azure CNI Overlay does not support VM availability sets, only scale sets
 * (https://learn.microsoft.com/azure/aks/concepts-network-azure-cni-overlay), and AKS no longer supports availability
 * sets since 30 September 2025 (https://learn.microsoft.com/azure/aks/availability-sets-on-aks). A pool whose
 * {@code type} is missing is not assumed to be a scale set: real {@code az aks create} output from 2019 omits it on an
 * availability-set pool, so the check is unverified for it.
 */
public final class AvailabilitySetPoolRule implements Rule {

    @Override
    public String id() {
        return "availability-set-pool";
    }

    @Override
    public String reference() {
        return Sources.OVERLAY_CONCEPTS;
    }

    @Override
    public List<String> sources() {
        return List.of(Sources.OVERLAY_CONCEPTS, "https://learn.microsoft.com/azure/aks/availability-sets-on-aks");
    }

    @Override
    public String description() {
        return "Node pools on VM availability sets, which Overlay does not support; a pool whose type is missing from"
                + " the input is unverified, not taken for a scale set.";
    }

    @Override
    public Set<Severity> severities() {
        return EnumSet.of(Severity.BLOCKER);
    }

    @Override
    public RuleOutcome evaluate(ClusterContext context) {
        ManagedCluster cluster = context.cluster();
        List<String> pools = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (AgentPool pool : cluster.agentPools()) {
            if (pool.isAvailabilitySet()) {
                pools.add(pool.name());
            }
            if (pool.typeUnknown()) {
                unknown.add(pool.name());
            }
        }
        RuleOutcome outcome = RuleOutcome.pass();
        if (!pools.isEmpty()) {
            outcome = RuleOutcome.of(finding(Severity.BLOCKER,
                    "node pool(s) " + String.join(", ", pools) + " run on VM availability sets; Azure CNI Overlay"
                            + " supports only virtual machine scale set pools",
                    "An availability-set pool cannot be updated to Overlay in place. Move the workloads to a new"
                            + " cluster whose pools are virtual machine scale sets (blue/green), e.g. az aks create ..."
                            + " --vm-set-type VirtualMachineScaleSets --network-plugin azure --network-plugin-mode"
                            + " overlay"));
        }
        if (!unknown.isEmpty()) {
            outcome = outcome.plus(RuleOutcome.unverified(unverified("node pool(s) " + String.join(", ", unknown)
                    + " have no type in the input (old az output omits it on availability-set pools); read it with"
                    + " " + AzCommand.nodepool("show", cluster.resourceGroup(), cluster.name())
                    .placeholder("-n", "<pool>").arg("--query", "type")
                    + ", or list the availability sets of node resource group " + cluster.nodeResourceGroup() + " ("
                    + AzCommand.az("vm", "availability-set", "list").arg("-g", cluster.nodeResourceGroup()) + ")",
                    Severity.BLOCKER)));
        }
        return outcome;
    }
}
