package org.kubenetmigrate.planner.iac;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.kubenetmigrate.planner.assessment.TargetNetwork;
import org.kubenetmigrate.planner.model.ManagedCluster;
import org.kubenetmigrate.planner.model.NetworkPolicy;
import org.kubenetmigrate.planner.plan.MigrationPlan;
import org.kubenetmigrate.planner.plan.PlanStrategy;

/**
 * The cluster as the plan leaves it, which the infrastructure code must describe afterwards. Taken from the plan
 * (its target network), never recomputed, so that the code and the migration agree on every value.
 *
 * @param clusterName the cluster's name
 * @param resourceGroup its resource group
 * @param location its Azure region, as Azure reports it (e.g. westeurope)
 * @param podCidr the Overlay pod CIDR after the migration
 * @param networkPolicy the policy engine after the migration, or null for none
 * @param cilium true when the plan moves the cluster to the Cilium data plane
 */
public record IacTarget(String clusterName, String resourceGroup, String location, String podCidr,
                        String networkPolicy, boolean cilium) {

    public IacTarget {
        Objects.requireNonNull(clusterName, "clusterName");
        Objects.requireNonNull(podCidr, "podCidr");
    }

    /**
     * The target of an in-place Overlay plan, or of a cluster already on Overlay (migrated by hand, whose code may
     * still say kubenet); refuses other plans, whose result is not this cluster changed.
     */
    public static IacTarget of(MigrationPlan plan) {
        TargetNetwork target = plan.assessment().target();
        boolean alreadyOverlay = plan.strategy() == PlanStrategy.NONE && target != null
                && "overlay".equalsIgnoreCase(target.ipam());
        if (plan.strategy() != PlanStrategy.IN_PLACE_OVERLAY && !alreadyOverlay) {
            throw new IllegalArgumentException("the plan's strategy is " + plan.strategy() + "; infrastructure code"
                    + " can be patched for the in-place Overlay migration only (a Pod Subnet target is a new cluster)"
                    + " or for a cluster already on Overlay");
        }
        if (target == null || target.podCidr() == null) {
            throw new IllegalArgumentException("the plan has no pod CIDR for the cluster; choose one with --pod-cidr");
        }
        ManagedCluster cluster = plan.assessment().cluster();
        String policy = target.networkPolicy() == null || target.networkPolicy().is(NetworkPolicy.NONE)
                ? null : target.networkPolicy().text();
        return new IacTarget(cluster.name(), cluster.resourceGroup(), cluster.location(), target.podCidr(), policy,
                target.cilium());
    }

    /** True when a location written in code names this cluster's region ("West Europe" and "westeurope" alike). */
    public boolean sameLocation(String written) {
        return location != null && written != null && normalize(written).equals(normalize(location));
    }

    public boolean sameResourceGroup(String written) {
        return resourceGroup != null && written != null && written.equalsIgnoreCase(resourceGroup);
    }

    private static String normalize(String location) {
        return location.replace(" ", "").toLowerCase(Locale.ROOT);
    }

    /** How one format names the five network values the patch sets. */
    public record Names(String plugin, String mode, String podCidr, String policy, String dataplane) {
        public static final Names TEMPLATE = new Names("networkPlugin", "networkPluginMode", "podCidr", "networkPolicy",
                "networkDataplane");
        public static final Names AZURERM = new Names("network_plugin", "network_plugin_mode", "pod_cidr",
                "network_policy", "network_data_plane");
        public static final Names AKS_MODULE = new Names("network_plugin", "network_plugin_mode", "net_profile_pod_cidr",
                "network_policy", "ebpf_data_plane");

        public Names dataplane(String name) {
            return new Names(plugin, mode, podCidr, policy, name);
        }
    }

    /**
     * The values the code must hold, in the order they are written: plugin, mode, pod CIDR, the policy engine when
     * the plan leaves one, the data plane with the Cilium stage.
     */
    public Map<String, String> values(Names names) {
        Map<String, String> want = new LinkedHashMap<>();
        want.put(names.plugin(), "azure");
        want.put(names.mode(), "overlay");
        want.put(names.podCidr(), podCidr);
        if (networkPolicy != null) {
            want.put(names.policy(), networkPolicy);
        }
        if (cilium) {
            want.put(names.dataplane(), "cilium");
        }
        return want;
    }
}
