package org.kubenetmigrate.planner.rules;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.kubenetmigrate.planner.model.KubernetesVersion;
import org.kubenetmigrate.planner.text.AzCommand;

/**
 * kubenet → Overlay needs Kubernetes 1.27 or later (https://learn.microsoft.com/azure/aks/update-azure-cni since
 * 2025-11-26; it said 1.22 before: the newer, stricter one is taken).
 */
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
    public String description() {
        return "The control plane runs Kubernetes 1.27 or later, the minimum for the Overlay update.";
    }

    @Override
    public Set<Severity> severities() {
        return EnumSet.of(Severity.BLOCKER);
    }

    @Override
    public List<String> sources() {
        return List.of(Sources.UPDATE_AZURE_CNI, Sources.SUPPORTED_VERSIONS);
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
                        + " a network policy engine be uninstalled): "
                        + AzCommand.aks("upgrade", context.cluster().resourceGroup(), context.cluster().name())
                        .placeholder("--kubernetes-version", "<version>")));
    }
}
