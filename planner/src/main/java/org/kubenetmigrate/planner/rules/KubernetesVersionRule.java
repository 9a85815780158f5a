package org.kubenetmigrate.planner.rules;

import java.util.Optional;
import org.kubenetmigrate.planner.model.KubernetesVersion;

/** kubenet → Overlay needs Kubernetes 1.27 or later (D1 since 2025-11-26; 1.22 before, H1: the newer, stricter one). */
public final class KubernetesVersionRule implements Rule {
    static final int MIN_MAJOR = 1;
    static final int MIN_MINOR = 27;

    @Override
    public String id() {
        return "kubernetes-version";
    }

    @Override
    public String reference() {
        return Sources.UPDATE_AZURE_CNI;
    }

    @Override
    public RuleOutcome evaluate(ClusterContext context) {
        Optional<KubernetesVersion> version = context.cluster().controlPlaneVersion();
        if (version.isEmpty()) {
            return RuleOutcome.unverified(unverified("the cluster's Kubernetes version is missing or unreadable",
                    Severity.BLOCKER));
        }
        if (!version.get().isBelow(MIN_MAJOR, MIN_MINOR)) {
            return RuleOutcome.pass();
        }
        return RuleOutcome.of(finding(Severity.BLOCKER,
                "control plane runs Kubernetes " + version.get() + "; the Overlay update needs 1.27 or later",
                "Upgrade the control plane and node pools to a supported version of 1.30 or later (1.30 also lets"
                        + " a network policy engine be uninstalled): az aks upgrade -g "
                        + context.cluster().resourceGroup() + " -n " + context.cluster().name()
                        + " --kubernetes-version <version>"));
    }
}
