package org.kubenetmigrate.planner.rules;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.kubenetmigrate.planner.model.InClusterCheck;
import org.kubenetmigrate.planner.model.InClusterState;

/**
 * AKS blocks the Overlay migration while a custom ip-masq-agent configuration exists in kube-system (release notes
 * of 2025-01-30, https://github.com/Azure/AKS/releases/tag/2025-01-30); custom non-masquerade ranges break
 * connectivity on Overlay, and only AKS's own {@code azure-ip-masq-agent-config-reconciled} should exist
 * (https://learn.microsoft.com/azure/aks/update-azure-cni). An ACTION when the plan may back the ConfigMaps up and
 * delete them ({@code --remove-ip-masq-config}).
 *
 * <p>The ConfigMap is visible only inside the cluster, so without in-cluster checks this rule is unverified, not
 * passed: the cluster is INCOMPLETE, never READY.
 */
public final class IpMasqAgentConfigRule extends InClusterRule {

    @Override
    public String id() {
        return InClusterCheck.IP_MASQ_AGENT_CONFIG;
    }

    @Override
    public String reference() {
        return Sources.UPDATE_AZURE_CNI;
    }

    @Override
    public String description() {
        return "A custom ip-masq-agent ConfigMap in kube-system, which makes AKS reject the update; unverified (never passed) when in-cluster checks did not run.";
    }

    @Override
    public Set<Severity> severities() {
        return EnumSet.of(Severity.BLOCKER, Severity.ACTION);
    }

    @Override
    public List<String> sources() {
        return List.of(Sources.UPDATE_AZURE_CNI, Sources.release("2025-01-30"));
    }

    @Override
    Severity couldBe(ClusterContext context) {
        return context.options().removeIpMasqConfig() ? Severity.ACTION : Severity.BLOCKER;
    }

    @Override
    Severity couldBeWhenNotRun(ClusterContext context) {
        return couldBe(context);
    }

    @Override
    String notRunReason() {
        return notRunReason("whether a custom ip-masq-agent ConfigMap exists in kube-system, which makes AKS reject"
                + " the update (release notes 2025-01-30)");
    }

    @Override
    RuleOutcome judge(ClusterContext context, InClusterState state) {
        List<String> custom = state.ipMasqConfigMaps().stream()
                .filter(c -> !c.reconciled())
                .map(c -> "kube-system/" + c.name())
                .toList();
        if (custom.isEmpty()) {
            return RuleOutcome.pass();
        }
        String names = String.join(", ", custom);
        String problem = "custom ip-masq-agent configuration " + names + ": AKS rejects the Overlay migration while"
                + " one exists (changelog 2025-01-30), and custom non-masquerade ranges break pod connectivity on"
                + " Overlay (" + Sources.UPDATE_AZURE_CNI + ")";
        if (context.options().removeIpMasqConfig()) {
            return RuleOutcome.of(finding(Severity.ACTION,
                    problem + "; the plan saves it to the run directory and deletes it (remove-ip-masq-config)",
                    "Check what it configured (nonMasqueradeCIDRs) still holds on Overlay, where pod traffic to"
                            + " anything outside the pod CIDR leaves with the node's IP. The backup re-creates it"
                            + " if a step before the point of no return fails"));
        }
        return RuleOutcome.of(finding(Severity.BLOCKER, problem,
                "Only " + InClusterState.IpMasqConfigMap.RECONCILED_NAME + " (AKS's own) may remain. Save and delete"
                        + " the others: kubectl -n kube-system get configmap NAME -o yaml > NAME.yaml &&"
                        + " kubectl -n kube-system delete configmap NAME; or re-plan with --remove-ip-masq-config so"
                        + " the plan does it, with a backup"));
    }
}
