package org.kubenetmigrate.planner.rules;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.kubenetmigrate.planner.model.AgentPool;
import org.kubenetmigrate.planner.model.ManagedCluster;
import org.kubenetmigrate.planner.text.AzCommand;

/**
 * A stopped node pool while the cluster runs. "Stopped node pools can be upgraded"
 * (https://learn.microsoft.com/azure/aks/start-stop-nodepools, 2026-08-13), but what the one-way Overlay update does to
 * a pool with no running nodes, and whether its nodes come back on Overlay when started, is UNCONFIRMED: a WARNING.
 * A stopped cluster is the provisioning-state rule's.
 */
public final class StoppedPoolRule implements Rule {

    @Override
    public String id() {
        return "stopped-pool";
    }

    @Override
    public String reference() {
        return Sources.START_STOP_NODE_POOLS;
    }

    @Override
    public String description() {
        return "Node pools that are stopped (powerState Stopped) while the cluster runs; how the Overlay update treats"
                + " them is not documented.";
    }

    @Override
    public Set<Severity> severities() {
        return EnumSet.of(Severity.WARNING);
    }

    @Override
    public RuleOutcome evaluate(ClusterContext context) {
        ManagedCluster cluster = context.cluster();
        if (cluster.isStopped()) {
            return RuleOutcome.pass();
        }
        List<AgentPool> stopped = cluster.agentPools().stream().filter(AgentPool::isStopped).toList();
        if (stopped.isEmpty()) {
            return RuleOutcome.pass();
        }
        List<String> names = stopped.stream().map(p -> p.name() + (p.mode() == null ? "" : " (" + p.mode() + ")"))
                .toList();
        return RuleOutcome.of(finding(Severity.WARNING,
                "node pool(s) " + String.join(", ", names) + " are stopped while the cluster runs: the Overlay update"
                        + " reimages every pool at once, and what it does to a pool without running nodes (and whether"
                        + " its nodes come back on Overlay when started) is not documented",
                "Start the pool before the migration so it is reimaged with the others ("
                        + AzCommand.nodepool("start", cluster.resourceGroup(), cluster.name())
                        .arg("-n", stopped.get(0).name()) + "), or delete it if it is no longer needed; starting it adds its"
                        + " nodes to the surge and subnet sizing"));
    }
}
