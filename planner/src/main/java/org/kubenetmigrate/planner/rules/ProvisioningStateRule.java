package org.kubenetmigrate.planner.rules;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.kubenetmigrate.planner.model.AgentPool;
import org.kubenetmigrate.planner.model.ManagedCluster;
import org.kubenetmigrate.planner.model.ProvisioningState;
import org.kubenetmigrate.planner.text.AzCommand;

/**
 * The update must start from a settled, running cluster: the RP blocks PATCH in non-terminal provisioning states
 * (release notes 2023-11-05, https://github.com/Azure/AKS/issues/3986) and the procedure of
 * https://learn.microsoft.com/azure/aks/update-azure-cni updates a running cluster. A missing state is treated as
 * unknown, never as Succeeded.
 */
public final class ProvisioningStateRule implements Rule {

    @Override
    public String id() {
        return "provisioning-state";
    }

    @Override
    public String reference() {
        return Sources.UPDATE_AZURE_CNI;
    }

    @Override
    public String description() {
        return "The cluster and every node pool are in provisioningState Succeeded and the cluster is running.";
    }

    @Override
    public Set<Severity> severities() {
        return EnumSet.of(Severity.BLOCKER);
    }

    @Override
    public List<String> sources() {
        return List.of(Sources.UPDATE_AZURE_CNI, "https://github.com/Azure/AKS/issues/3986");
    }

    @Override
    public RuleOutcome evaluate(ClusterContext context) {
        ManagedCluster cluster = context.cluster();
        List<String> problems = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        if (cluster.provisioningState() == null) {
            missing.add("the cluster's provisioningState");
        } else if (!cluster.provisioningState().is(ProvisioningState.SUCCEEDED)) {
            problems.add("cluster provisioningState is " + cluster.provisioningState());
        }
        if (cluster.isStopped()) {
            problems.add("cluster is stopped (powerState " + cluster.powerState() + ")");
        }
        for (AgentPool pool : cluster.agentPools()) {
            if (pool.provisioningState() == null) {
                missing.add("provisioningState of pool " + pool.name());
            } else if (!pool.provisioningState().is(ProvisioningState.SUCCEEDED)) {
                problems.add("pool " + pool.name() + " provisioningState is " + pool.provisioningState());
            }
        }
        RuleOutcome outcome = RuleOutcome.pass();
        if (!problems.isEmpty()) {
            String rg = cluster.resourceGroup();
            outcome = RuleOutcome.of(finding(Severity.BLOCKER,
                    String.join("; ", problems) + ": the update needs the cluster and every pool Succeeded and the"
                            + " cluster running, else another operation is in flight or has failed",
                    "Wait for running operations to finish (" + AzCommand.aks("show", rg, cluster.name())
                            .arg("--query", "provisioningState") + "); reconcile a Failed cluster with a no-change"
                            + " update (" + AzCommand.aks("update", rg, cluster.name()) + ") and a Failed pool with "
                            + AzCommand.nodepool("update", rg, cluster.name()).placeholder("-n", "<pool>")
                            + "; start a stopped cluster with " + AzCommand.aks("start", rg, cluster.name())
                            + "; then assess again"));
        }
        if (!missing.isEmpty()) {
            outcome = outcome.plus(RuleOutcome.unverified(unverified(
                    "not in the input: " + String.join(", ", missing), Severity.BLOCKER)));
        }
        return outcome;
    }
}
