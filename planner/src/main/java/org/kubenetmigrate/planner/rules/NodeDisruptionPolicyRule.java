package org.kubenetmigrate.planner.rules;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.kubenetmigrate.planner.model.ManagedCluster;
import org.kubenetmigrate.planner.text.AzCommand;

/**
 * Node Disruption Policy (AKS preview, release notes 2026-07-17): with {@code Block} AKS rejects the updates that
 * reimage nodes, and with {@code AllowDuringMaintenanceWindow} it rejects them outside the
 * {@code aksManagedNodeOSUpgradeSchedule} window. The migration's policy uninstall, Overlay update and Cilium or
 * policy re-install all reimage every node. Microsoft's table names "Azure CNI to Azure CNI Overlay", not kubenet;
 * this rule assumes the kubenet update is gated too (the conservative side, UNCONFIRMED). A cluster whose input has
 * no policy is taken as {@code Allow}, the documented default; precheck reads it live.
 */
public final class NodeDisruptionPolicyRule implements Rule {
    static final String BLOCK = "Block";
    static final String DURING_WINDOW = "AllowDuringMaintenanceWindow";
    static final String ALLOW = "Allow";

    @Override
    public String id() {
        return "node-disruption-policy";
    }

    @Override
    public String reference() {
        return Sources.NODE_DISRUPTION_POLICY;
    }

    @Override
    public List<String> sources() {
        return List.of(Sources.NODE_DISRUPTION_POLICY, Sources.USE_NODE_DISRUPTION_POLICY, Sources.release("2026-07-17"));
    }

    @Override
    public String description() {
        return "The Node Disruption Policy (preview): Block rejects the reimaging updates of the migration, and"
                + " AllowDuringMaintenanceWindow rejects them outside the node OS maintenance window.";
    }

    @Override
    public Set<Severity> severities() {
        return EnumSet.of(Severity.BLOCKER, Severity.ACTION);
    }

    @Override
    public RuleOutcome evaluate(ClusterContext context) {
        ManagedCluster cluster = context.cluster();
        String policy = cluster.nodeDisruptionPolicy();
        if (policy == null || ALLOW.equalsIgnoreCase(policy)) {
            return RuleOutcome.pass();
        }
        String allow = "Set Allow for the migration and restore it afterwards (" + Sources.USE_NODE_DISRUPTION_POLICY
                + "): " + AzCommand.aks("update", cluster.resourceGroup(), cluster.name())
                .arg("--node-disruption-policy", "Allow") + " (aks-preview extension)";
        if (BLOCK.equalsIgnoreCase(policy)) {
            return RuleOutcome.of(finding(Severity.BLOCKER, "Node Disruption Policy is Block: AKS rejects the"
                    + " updates that reimage nodes, and the network policy uninstall, the Overlay update and the policy"
                    + " engine or Cilium afterwards all reimage every node (" + Sources.NODE_DISRUPTION_POLICY + ")",
                    allow));
        }
        if (DURING_WINDOW.equalsIgnoreCase(policy)) {
            return RuleOutcome.of(finding(Severity.ACTION, "Node Disruption Policy is AllowDuringMaintenanceWindow:"
                    + " AKS rejects the reimaging updates of this migration outside the aksManagedNodeOSUpgradeSchedule"
                    + " maintenance window (without such a window it allows them at any time)",
                    "Run the migration inside the window (" + AzCommand.az("aks", "maintenanceconfiguration", "show")
                            .arg("-g", cluster.resourceGroup()).arg("--cluster-name", cluster.name())
                            .arg("--name", "aksManagedNodeOSUpgradeSchedule") + "), or: " + allow));
        }
        return RuleOutcome.of(finding(Severity.ACTION, "Node Disruption Policy is \"" + policy + "\", a value this"
                + " tool does not know: AKS may reject the reimaging updates of this migration",
                "Check it: " + AzCommand.aks("show", cluster.resourceGroup(), cluster.name())
                        .arg("--query", "nodeDisruptionProfile") + "; or: " + allow));
    }
}
