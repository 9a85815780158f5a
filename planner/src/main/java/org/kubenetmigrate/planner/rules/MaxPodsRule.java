package org.kubenetmigrate.planner.rules;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.kubenetmigrate.planner.model.AgentPool;
import org.kubenetmigrate.planner.model.ManagedCluster;
import org.kubenetmigrate.planner.model.TargetIpam;
import org.kubenetmigrate.planner.sizing.AzureLimits;
import org.kubenetmigrate.planner.text.AzCommand;

/**
 * maxPods is fixed at pool creation (https://learn.microsoft.com/azure/aks/create-node-pools); the migration documents
 * no change, so pools keep their kubenet value (effect UNCONFIRMED, assumed unchanged); Overlay allows up to 250 per
 * node on new pools (https://learn.microsoft.com/azure/aks/concepts-network-ip-address-planning).
 */
public final class MaxPodsRule implements Rule {
    static final int OVERLAY_MAX_PODS = 250;

    @Override
    public String id() {
        return "max-pods";
    }

    @Override
    public String reference() {
        return Sources.NODE_POOLS;
    }

    @Override
    public String description() {
        return "Each pool keeps its maxPods through the update; Overlay would allow more on new pools.";
    }

    @Override
    public Set<Severity> severities() {
        return EnumSet.of(Severity.INFO);
    }

    @Override
    public List<String> sources() {
        return List.of(Sources.NODE_POOLS, Sources.IP_PLANNING);
    }

    /** Applies to the in-place update and to a new Pod Subnet cluster alike. */
    @Override
    public Set<TargetIpam> targets() {
        return EnumSet.allOf(TargetIpam.class);
    }

    @Override
    public RuleOutcome evaluate(ClusterContext context) {
        ManagedCluster cluster = context.cluster();
        List<String> pools = new ArrayList<>(cluster.agentPools().size());
        for (AgentPool pool : cluster.agentPools()) {
            pools.add(describe(pool));
        }
        return RuleOutcome.of(finding(Severity.INFO,
                "pods per node: " + (pools.isEmpty() ? "no pools in the input" : String.join(", ", pools))
                        + "; pools keep their maxPods through the migration (fixed at pool creation), and Overlay"
                        + " allows up to " + OVERLAY_MAX_PODS + " only on new pools",
                "For more pods per node after the migration, add pools with a higher --max-pods ("
                        + AzCommand.nodepool("add", cluster.resourceGroup(), cluster.name()).placeholder("-n", "<pool>")
                        .arg("--max-pods", String.valueOf(OVERLAY_MAX_PODS)) + "), move the workloads and delete the old"
                        + " pools; Overlay pods take no VNet addresses, so maxPods no longer sizes the subnet"));
    }

    private static String describe(AgentPool pool) {
        return pool.name() + " " + (pool.maxPods() == null
                ? AzureLimits.KUBENET_DEFAULT_MAX_PODS + " (kubenet default)" : pool.maxPods().toString());
    }
}
