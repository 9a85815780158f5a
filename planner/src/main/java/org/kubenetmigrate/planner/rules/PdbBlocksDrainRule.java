package org.kubenetmigrate.planner.rules;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.kubenetmigrate.planner.model.InClusterCheck;
import org.kubenetmigrate.planner.model.InClusterState.DisruptionBudget;
import org.kubenetmigrate.planner.model.InClusterState;

/**
 * The Overlay update reimages every node pool at once, draining nodes as an upgrade does
 * (https://learn.microsoft.com/azure/aks/update-azure-cni); a PodDisruptionBudget that allows no disruption makes the
 * drain fail with UpgradeFailed "Cannot evict pod as it would violate the pod's disruption budget"
 * (https://learn.microsoft.com/azure/aks/upgrade-options). Budgets that cover no pod block nothing and are skipped.
 * The network policy uninstall and re-install and the Cilium step drain every node the same way.
 */
public final class PdbBlocksDrainRule extends InClusterRule {
    static final int LISTED = 10;

    @Override
    public String id() {
        return InClusterCheck.PDB_BLOCKS_DRAIN;
    }

    @Override
    public String reference() {
        return Sources.POD_DRAIN_FAILURE;
    }

    @Override
    public String description() {
        return "PodDisruptionBudgets that allow no disruption, which fail the drain of every reimage the plan runs (in-cluster).";
    }

    @Override
    public Set<Severity> severities() {
        return EnumSet.of(Severity.WARNING);
    }

    @Override
    public List<String> sources() {
        return List.of(Sources.POD_DRAIN_FAILURE, Sources.UPGRADE_OPTIONS, Sources.NODE_DISRUPTION_POLICY);
    }

    @Override
    Severity couldBe(ClusterContext context) {
        return Severity.WARNING;
    }

    @Override
    RuleOutcome judge(ClusterContext context, InClusterState state) {
        List<String> blocking = state.disruptionBudgets().stream()
                .filter(b -> b.disruptionsAllowed() <= 0 && b.expectedPods() > 0)
                .map(PdbBlocksDrainRule::describe)
                .toList();
        if (blocking.isEmpty()) {
            return RuleOutcome.pass();
        }
        return RuleOutcome.of(finding(Severity.WARNING,
                blocking.size() + " PodDisruptionBudget" + (blocking.size() == 1 ? "" : "s")
                        + " allow no disruption now: " + listed(blocking, LISTED) + ". Every node pool is reimaged"
                        + " at once and each node is drained first: a node running such a pod cannot be drained, so"
                        + " the rollout stalls and can fail with UpgradeFailed (Cannot evict pod as it would violate"
                        + " the pod's disruption budget). The plan drains every node " + Reimages.steps(
                        context.cluster(), context.options()).size() + " time(s): "
                        + Reimages.describe(context.cluster(), context.options()),
                "Before the update, let each budget lose one pod (lower minAvailable, raise maxUnavailable) or scale"
                        + " its workload up so one pod can go, and restore it after the rollout; or decide on the"
                        + " pools' undrainable-node behaviour (Cordon) beforehand"));
    }

    private static String describe(DisruptionBudget b) {
        String workload = b.workload() == null ? "no Deployment/StatefulSet matches " + b.selector() : b.workload();
        return b.qualifiedName() + " (" + workload + "; " + b.budget() + ", " + b.expectedPods() + " pod"
                + (b.expectedPods() == 1 ? "" : "s") + ")";
    }
}
