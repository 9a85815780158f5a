package org.kubenetmigrate.planner.rules;

import java.util.Optional;
import org.kubenetmigrate.planner.model.KubernetesVersion;

/**
 * A network policy engine must be off before the plugin update (D1; kubenet + Calico blocked by the RP,
 * C1:2023-11-28). The plan disables it and re-enables an engine afterwards, but AKS rejects Calico and Azure NPM
 * uninstall below Kubernetes 1.30 (C1:2026-05-29), so below that it blocks.
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
    public RuleOutcome evaluate(ClusterContext context) {
        Optional<String> engine = context.cluster().network().policyEngine();
        if (engine.isEmpty()) {
            return RuleOutcome.pass();
        }
        String afterwards = context.options().ciliumDataplane() ? "Cilium" : engine.get();
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
                        + " and re-enables " + afterwards + " after the rollout. NetworkPolicies are NOT enforced"
                        + " between those steps (for the whole node reimage)",
                "Review which policies protect what, schedule a window where an unenforced gap is acceptable, or"
                        + " scale sensitive workloads down for it"));
    }
}
