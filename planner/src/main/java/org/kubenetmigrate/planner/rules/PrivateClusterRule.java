package org.kubenetmigrate.planner.rules;

import java.util.EnumSet;
import java.util.Set;
import org.kubenetmigrate.planner.model.ManagedCluster;
import org.kubenetmigrate.planner.model.TargetIpam;
import org.kubenetmigrate.planner.text.AzCommand;

/**
 * Private clusters: no migration-specific blocker is documented
 * (https://learn.microsoft.com/azure/aks/private-clusters), but the in-cluster checks need a way to reach the private
 * API server.
 */
public final class PrivateClusterRule implements Rule {

    @Override
    public String id() {
        return "private-cluster";
    }

    @Override
    public String reference() {
        return Sources.PRIVATE_CLUSTERS;
    }

    @Override
    public String description() {
        return "Private clusters: no documented blocker, but in-cluster checks need a path to the private API server.";
    }

    @Override
    public Set<Severity> severities() {
        return EnumSet.of(Severity.INFO);
    }

    /** Applies to the in-place update and to a new Pod Subnet cluster alike. */
    @Override
    public Set<TargetIpam> targets() {
        return EnumSet.allOf(TargetIpam.class);
    }

    @Override
    public RuleOutcome evaluate(ClusterContext context) {
        ManagedCluster cluster = context.cluster();
        if (!cluster.privateCluster()) {
            return RuleOutcome.pass();
        }
        return RuleOutcome.of(finding(Severity.INFO,
                "cluster is private: the in-cluster checks (ip-masq-agent ConfigMaps, node reimage via NodeNetworkConfigs)"
                        + " need line of sight to the private API server; no migration-specific blocker is documented"
                        + " for private clusters (unconfirmed)",
                "Run the in-cluster checks from a network that reaches the API server, or through run-command: "
                        + AzCommand.aks("command invoke", cluster.resourceGroup(), cluster.name())
                        .arg("--command", "kubectl get nnc -A")));
    }
}
