package org.kubenetmigrate.planner.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.kubenetmigrate.planner.model.AzureValue;
import org.kubenetmigrate.planner.model.ManagedCluster;
import org.kubenetmigrate.planner.model.MigrationOptions;
import org.kubenetmigrate.planner.model.NetworkPolicy;

/**
 * The plan steps that reimage every node of the cluster. Not only the plugin update: uninstalling a network policy
 * engine and installing one (Calico or Azure NPM, either way) reimage every node too, and so does the Cilium data
 * plane (https://learn.microsoft.com/azure/aks/node-disruption-policy lists them as reimaging). Each is a full
 * drain and surge cycle, so disruption budgets, surge capacity and node subnet room matter for each.
 */
public final class Reimages {
    private Reimages() {
    }

    /** The step ids in plan order, e.g. [disable-network-policy, update-network-plugin, enable-cilium]. */
    public static List<String> steps(ManagedCluster cluster, MigrationOptions options) {
        Optional<AzureValue<NetworkPolicy>> engine = cluster.network().policyEngine();
        List<String> steps = new ArrayList<>();
        engine.ifPresent(e -> steps.add("disable-network-policy"));
        steps.add("update-network-plugin");
        if (options.ciliumDataplane()) {
            steps.add("enable-cilium");
        } else if (engine.isPresent() && restoresEngine(cluster, options)) {
            steps.add("restore-network-policy");
        }
        return steps;
    }

    /**
     * Whether the plan re-installs the original engine after the update: not with Cilium (which replaces it), and
     * not on dual-stack, where Overlay supports neither Calico nor Azure NPM
     * (https://learn.microsoft.com/azure/aks/azure-cni-overlay).
     */
    public static boolean restoresEngine(ManagedCluster cluster, MigrationOptions options) {
        return cluster.network().policyEngine().isPresent() && !options.ciliumDataplane()
                && !cluster.network().isDualStack();
    }

    /** "3 full node reimages (disable-network-policy, update-network-plugin, restore-network-policy)". */
    public static String describe(ManagedCluster cluster, MigrationOptions options) {
        List<String> steps = steps(cluster, options);
        return steps.size() == 1 ? "1 full node reimage (update-network-plugin)"
                : steps.size() + " full node reimages (" + String.join(", ", steps) + ")";
    }
}
