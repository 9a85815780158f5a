package org.kubenetmigrate.planner.rules;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.kubenetmigrate.planner.model.ClusterIdentity;
import org.kubenetmigrate.planner.model.ManagedCluster;
import org.kubenetmigrate.planner.text.AzCommand;

/**
 * Detaching the kubenet route table needs a user-assigned control plane identity; system-assigned is not supported
 * (https://learn.microsoft.com/azure/aks/update-azure-cni, callout added 2026-03-12). An ACTION when the user gave an
 * identity for the plan to assign.
 */
public final class IdentityTypeRule implements Rule {

    @Override
    public String id() {
        return "identity-type";
    }

    @Override
    public String reference() {
        return Sources.UPDATE_AZURE_CNI;
    }

    @Override
    public String description() {
        return "The control plane identity must be user-assigned, which removing the kubenet route table needs.";
    }

    @Override
    public Set<Severity> severities() {
        return EnumSet.of(Severity.BLOCKER, Severity.ACTION);
    }

    @Override
    public List<String> sources() {
        return List.of(Sources.UPDATE_AZURE_CNI, Sources.USER_ASSIGNED_IDENTITY);
    }

    @Override
    public RuleOutcome evaluate(ClusterContext context) {
        ClusterIdentity identity = context.cluster().identity() == null ? ClusterIdentity.NONE : context.cluster().identity();
        if (identity.isUserAssigned()) {
            return RuleOutcome.pass();
        }
        ManagedCluster cluster = context.cluster();
        String problem = "control plane identity is " + identity.describe() + "; removing the kubenet route table"
                + " during the update needs a user-assigned managed identity (system-assigned is not supported)";
        String assign = context.options().assignIdentity();
        if (assign != null) {
            return RuleOutcome.of(finding(Severity.ACTION,
                    problem + "; the plan assigns " + assign + " before the plugin update",
                    "The plan runs " + AzCommand.aks("update", cluster.resourceGroup(), cluster.name())
                            .flag("--enable-managed-identity").arg("--assign-identity", assign) + ". Before that, give the"
                            + " identity write access (e.g. Network Contributor) to the node subnet and its route"
                            + " table, since it is the identity that removes the route table"));
        }
        return RuleOutcome.of(finding(Severity.BLOCKER, problem,
                "Create a user-assigned identity and assign it: " + AzCommand.az("identity", "create")
                        .arg("-g", cluster.resourceGroup()).placeholder("-n", "<identity-name>") + "; "
                        + AzCommand.aks("update", cluster.resourceGroup(), cluster.name())
                        .flag("--enable-managed-identity").placeholder("--assign-identity", "<identity-resource-id>")
                        + ". Or pass"
                        + " --assign-identity <identity-resource-id> so the plan assigns it"));
    }
}
