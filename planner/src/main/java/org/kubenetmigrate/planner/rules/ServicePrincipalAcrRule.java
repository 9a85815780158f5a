package org.kubenetmigrate.planner.rules;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.kubenetmigrate.planner.model.ClusterIdentity;
import org.kubenetmigrate.planner.model.ManagedCluster;
import org.kubenetmigrate.planner.text.AzCommand;

/**
 * A cluster on a service principal must move to a managed identity for the migration (see identity-type). After that
 * switch, "update your cluster with --attach-acr … Otherwise, you won't be able to pull from ACR after the update",
 * and "kubelet continues using a service principal until you also upgrade your node pool"
 * (https://learn.microsoft.com/azure/aks/user-assigned-managed-identity, 2026-07-02). The input does not show which
 * registries the cluster pulls from, so the finding names the command: a WARNING.
 */
public final class ServicePrincipalAcrRule implements Rule {

    @Override
    public String id() {
        return "service-principal-acr";
    }

    @Override
    public String reference() {
        return Sources.USER_ASSIGNED_IDENTITY;
    }

    @Override
    public String description() {
        return "Clusters on a service principal: after the switch to a managed identity, image pulls from Azure"
                + " Container Registry need the registry attached again (--attach-acr).";
    }

    @Override
    public Set<Severity> severities() {
        return EnumSet.of(Severity.WARNING);
    }

    @Override
    public RuleOutcome evaluate(ClusterContext context) {
        ManagedCluster cluster = context.cluster();
        ClusterIdentity identity = cluster.identity() == null ? ClusterIdentity.NONE : cluster.identity();
        if (!identity.isServicePrincipal()) {
            return RuleOutcome.pass();
        }
        return RuleOutcome.of(finding(Severity.WARNING,
                "the cluster runs on service principal " + identity.servicePrincipalClientId() + ": after the switch"
                        + " to a managed identity that the migration needs, pulls from Azure Container Registry fail"
                        + " until the registry is attached again, and kubelet keeps the service principal until its"
                        + " node pool is upgraded (the migration's reimage is expected to do that; not documented)",
                "Right after the identity switch, attach every registry the cluster pulls from: "
                        + AzCommand.aks("update", cluster.resourceGroup(), cluster.name())
                        .placeholder("--attach-acr", "<acr-name-or-resource-id>") + " (list today's AcrPull assignments of the service"
                        + " principal: " + AzCommand.az("role", "assignment", "list")
                        .arg("--assignee", identity.servicePrincipalClientId()).flag("--all")
                        .arg("--query", "[?roleDefinitionName=='AcrPull'].scope").arg("-o", "tsv") + "). Also check the service"
                        + " principal's secret has not expired: AKS checks credentials before every upgrade"));
    }
}
