package org.kubenetmigrate.planner.rules;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.kubenetmigrate.planner.model.InClusterCheck;
import org.kubenetmigrate.planner.model.InClusterState;

/**
 * Every node is reimaged by the Overlay update (https://learn.microsoft.com/azure/aks/update-azure-cni) and must come
 * back Ready on the new network for the migration to be judged a success. A node that is not Ready before the start
 * cannot be told apart from one the migration broke, so this tool treats it as a blocker (the tool's own
 * conservative policy, not an AKS rejection).
 */
public final class NodesNotReadyRule extends InClusterRule {
    static final int LISTED = 10;

    @Override
    public String id() {
        return InClusterCheck.NODES_NOT_READY;
    }

    @Override
    public String reference() {
        return Sources.UPDATE_AZURE_CNI;
    }

    @Override
    public String description() {
        return "Every node is Ready before the update (in-cluster).";
    }

    @Override
    public Set<Severity> severities() {
        return EnumSet.of(Severity.BLOCKER);
    }

    @Override
    Severity couldBe(ClusterContext context) {
        return Severity.BLOCKER;
    }

    @Override
    RuleOutcome judge(ClusterContext context, InClusterState state) {
        List<String> notReady = state.nodes().stream()
                .filter(n -> !n.ready())
                .map(n -> n.name() + " (" + n.condition() + ")")
                .toList();
        if (notReady.isEmpty()) {
            return RuleOutcome.pass();
        }
        return RuleOutcome.of(finding(Severity.BLOCKER,
                notReady.size() + " of " + state.nodes().size() + " nodes are not Ready: " + listed(notReady, LISTED)
                        + ". The update reimages every node; a node unhealthy before it cannot be told apart from one"
                        + " the migration broke",
                "Repair or remove these nodes first (kubectl describe node NAME; az aks nodepool ... to scale or"
                        + " reimage), then check again"));
    }
}
