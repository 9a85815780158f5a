package org.kubenetmigrate.planner.rules;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.kubenetmigrate.planner.model.AzureValue;
import org.kubenetmigrate.planner.model.KubernetesVersion;
import org.kubenetmigrate.planner.model.NetworkPolicy;

/**
 * A network policy engine must be off before the plugin update (https://learn.microsoft.com/azure/aks/update-azure-cni;
 * kubenet + Calico blocked by the RP since the release of 2023-11-28). The plan disables it and re-enables an engine
 * afterwards, but AKS rejects Calico and Azure NPM uninstall below Kubernetes 1.30 (release notes 2026-05-29), so below
 * that it blocks. The uninstall and the re-install each reimage every node
 * (https://learn.microsoft.com/azure/aks/node-disruption-policy).
 */
public final class NetworkPolicyRule implements Rule {
    static final int UNINSTALL_MIN_MINOR = 30;

    @Override
    public String id() {
        return "network-policy";
    }

    @Override
    public String reference() {
        return Sources.UPDATE_AZURE_CNI;
    }

    @Override
    public String description() {
        return "A Calico or Azure network policy engine must be disabled before the update (and re-enabled after), which AKS refuses below Kubernetes 1.30; each step reimages every node.";
    }

    @Override
    public Set<Severity> severities() {
        return EnumSet.of(Severity.BLOCKER, Severity.ACTION);
    }

    @Override
    public List<String> sources() {
        return List.of(Sources.UPDATE_AZURE_CNI, Sources.release("2023-11-28"), Sources.release("2026-05-29"), Sources.NODE_DISRUPTION_POLICY);
    }

    @Override
    public RuleOutcome evaluate(ClusterContext context) {
        Optional<AzureValue<NetworkPolicy>> engine = context.cluster().network().policyEngine();
        if (engine.isEmpty()) {
            return RuleOutcome.pass();
        }
        String afterwards = context.options().ciliumDataplane() ? "Cilium"
                : Reimages.restoresEngine(context.cluster(), context.options()) ? engine.get().text()
                : "no engine (dual-stack Overlay supports neither Calico nor Azure NPM; see dual-stack)";
        Optional<KubernetesVersion> version = context.cluster().controlPlaneVersion();
        if (version.isEmpty() || version.get().isBelow(1, UNINSTALL_MIN_MINOR)) {
            return RuleOutcome.of(finding(Severity.BLOCKER,
                    "network policy engine " + engine.get() + " must be removed before the update, and AKS rejects"
                            + " its uninstall on Kubernetes " + version.map(KubernetesVersion::toString).orElse("(unknown)")
                            + " (below 1.30)",
                    "Upgrade the cluster to Kubernetes 1.30 or later first; the plan then disables " + engine.get()
                            + " before the plugin update and re-enables " + afterwards + " after it"));
        }
        return RuleOutcome.of(finding(Severity.ACTION,
                "network policy engine " + engine.get() + " is enabled; the plan disables it before the plugin update"
                        + " and re-enables " + afterwards + " after the rollout. The uninstall and the re-install"
                        + " each reimage every node like the plugin update does, so the plan runs "
                        + Reimages.describe(context.cluster(), context.options()) + ", and NetworkPolicies are NOT"
                        + " enforced from the uninstall until the last of them",
                "Review which policies protect what, schedule a window where an unenforced gap is acceptable, or"
                        + " scale sensitive workloads down for it"));
    }
}
