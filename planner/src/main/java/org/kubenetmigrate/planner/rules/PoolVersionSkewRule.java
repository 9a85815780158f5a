package org.kubenetmigrate.planner.rules;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.kubenetmigrate.planner.model.AgentPool;
import org.kubenetmigrate.planner.model.KubernetesVersion;
import org.kubenetmigrate.planner.model.ManagedCluster;
import org.kubenetmigrate.planner.text.AzCommand;

/**
 * Node pools may trail the control plane by up to three minor versions
 * (https://learn.microsoft.com/azure/aks/supported-kubernetes-versions, 2026-08-05). The minimums the migration needs,
 * 1.27 for the Overlay update (https://learn.microsoft.com/azure/aks/update-azure-cni) and 1.30 for uninstalling
 * Calico or Azure NPM (release notes 2026-05-29, https://github.com/Azure/AKS/releases/tag/2026-05-29), are stated for
 * the cluster; whether AKS also checks pool versions is UNCONFIRMED. A pool below them while the control plane passes
 * is a WARNING (the control plane itself is kubernetes-version's and network-policy's).
 */
public final class PoolVersionSkewRule implements Rule {

    @Override
    public String id() {
        return "pool-version-skew";
    }

    @Override
    public String reference() {
        return Sources.SUPPORTED_VERSIONS;
    }

    @Override
    public List<String> sources() {
        return List.of(Sources.SUPPORTED_VERSIONS, Sources.UPDATE_AZURE_CNI, Sources.release("2026-05-29"));
    }

    @Override
    public String description() {
        return "Node pools below Kubernetes 1.27 (or below 1.30 with a network policy engine) while the control plane"
                + " meets those minimums.";
    }

    @Override
    public Set<Severity> severities() {
        return EnumSet.of(Severity.WARNING);
    }

    @Override
    public RuleOutcome evaluate(ClusterContext context) {
        ManagedCluster cluster = context.cluster();
        Optional<KubernetesVersion> controlPlane = cluster.controlPlaneVersion();
        boolean engine = cluster.network().policyEngine().isPresent();
        int minimum = engine ? NetworkPolicyRule.UNINSTALL_MIN_MINOR : KubernetesVersionRule.MIN_MINOR;
        if (controlPlane.isEmpty() || controlPlane.get().isBelow(1, minimum)) {
            return RuleOutcome.pass();
        }
        List<String> behind = new ArrayList<>();
        for (AgentPool pool : cluster.agentPools()) {
            Optional<KubernetesVersion> version = PoolVersions.own(pool);
            if (version.isPresent() && version.get().isBelow(1, minimum)) {
                behind.add(pool.name() + " (" + version.get() + ")");
            }
        }
        if (behind.isEmpty()) {
            return RuleOutcome.pass();
        }
        String why = engine ? "1.30, below which AKS rejects uninstalling " + cluster.network().policyEngine().get()
                : "1.27, the minimum for the Overlay update";
        return RuleOutcome.of(finding(Severity.WARNING,
                "node pool(s) " + String.join(", ", behind) + " run below " + why + ", while the control plane runs "
                        + controlPlane.get() + "; the minimums are documented for the cluster, and whether AKS checks"
                        + " pool versions too is not documented",
                "Upgrade the pools to the control plane's version first: "
                        + AzCommand.nodepool("upgrade", cluster.resourceGroup(), cluster.name())
                        .placeholder("-n", "<pool>").arg("--kubernetes-version", controlPlane.get().toString())));
    }
}
