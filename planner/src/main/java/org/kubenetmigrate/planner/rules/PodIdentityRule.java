package org.kubenetmigrate.planner.rules;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.kubenetmigrate.planner.model.ManagedCluster;
import org.kubenetmigrate.planner.text.AzCommand;

/**
 * Pod identity (aad-pod-identity) clusters failed to migrate until the RP fix of the release of 2024-04-28; the add-on
 * is deprecated in favour of workload identity, so removing it first also removes the risk.
 */
public final class PodIdentityRule implements Rule {

    @Override
    public String id() {
        return "pod-identity";
    }

    @Override
    public String reference() {
        return Sources.release("2024-04-28");
    }

    @Override
    public String description() {
        return "The deprecated pod identity add-on, with which migrations failed until the 2024-04-28 release.";
    }

    @Override
    public Set<Severity> severities() {
        return EnumSet.of(Severity.WARNING);
    }

    @Override
    public List<String> sources() {
        return List.of(Sources.release("2024-04-28"));
    }

    @Override
    public RuleOutcome evaluate(ClusterContext context) {
        ManagedCluster cluster = context.cluster();
        if (!cluster.podIdentityEnabled()) {
            return RuleOutcome.pass();
        }
        return RuleOutcome.of(finding(Severity.WARNING,
                "pod identity (aad-pod-identity) is enabled: kubenet → Overlay migrations of such clusters failed"
                        + " until the RP fix released on 2024-04-28, and pod identity is deprecated",
                "Move the workloads to Microsoft Entra Workload ID and disable pod identity before the update ("
                        + AzCommand.aks("update", cluster.resourceGroup(), cluster.name()).flag("--disable-pod-identity")
                        + ", aks-preview extension); if it must stay, rehearse the update on a"
                        + " non-production cluster with pod identity first"));
    }
}
