package org.kubenetmigrate.planner.rules;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.kubenetmigrate.planner.model.InClusterCheck;
import org.kubenetmigrate.planner.model.InClusterState.WorkloadRef;
import org.kubenetmigrate.planner.model.InClusterState;

/**
 * The reimage drains every node (https://learn.microsoft.com/azure/aks/update-azure-cni), so a Deployment or
 * StatefulSet with one replica is down while its pod is rescheduled. kube-system is left out: AKS manages what runs
 * there.
 */
public final class SingleReplicaWorkloadsRule extends InClusterRule {
    static final int TOP_NAMESPACES = 3;

    @Override
    public String id() {
        return InClusterCheck.SINGLE_REPLICA_WORKLOADS;
    }

    @Override
    public String reference() {
        return Sources.UPDATE_AZURE_CNI;
    }

    @Override
    public String description() {
        return "Deployments and StatefulSets with one replica, which are down while their pod moves during the reimage (in-cluster).";
    }

    @Override
    public Set<Severity> severities() {
        return EnumSet.of(Severity.INFO);
    }

    @Override
    Severity couldBe(ClusterContext context) {
        return Severity.INFO;
    }

    @Override
    RuleOutcome judge(ClusterContext context, InClusterState state) {
        List<WorkloadRef> single = state.singleReplicaWorkloads().stream()
                .filter(w -> !"kube-system".equals(w.namespace()))
                .toList();
        if (single.isEmpty()) {
            return RuleOutcome.pass();
        }
        Map<String, Long> byNamespace = single.stream()
                .collect(Collectors.groupingBy(WorkloadRef::namespace, Collectors.counting()));
        String top = byNamespace.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP_NAMESPACES)
                .map(e -> e.getKey() + " (" + e.getValue() + ")")
                .collect(Collectors.joining(", "));
        Map<String, Long> byKind = single.stream()
                .sorted(Comparator.comparing(WorkloadRef::kind))
                .collect(Collectors.groupingBy(WorkloadRef::kind, LinkedHashMap::new, Collectors.counting()));
        String kinds = byKind.entrySet().stream().map(e -> e.getValue() + " " + e.getKey() + (e.getValue() == 1 ? "" : "s"))
                .collect(Collectors.joining(", "));
        return RuleOutcome.of(finding(Severity.INFO,
                single.size() + " workloads run a single replica (" + kinds + "; kube-system not counted) and are"
                        + " interrupted while their node is drained and reimaged; most in " + top,
                "Scale the ones that matter to two or more replicas (with a PodDisruptionBudget that allows one"
                        + " disruption) for the migration window, or accept the interruption"));
    }
}
