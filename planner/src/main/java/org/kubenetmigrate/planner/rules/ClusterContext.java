package org.kubenetmigrate.planner.rules;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.kubenetmigrate.planner.model.Fleet;
import org.kubenetmigrate.planner.model.InClusterView;
import org.kubenetmigrate.planner.model.InputConflict;
import org.kubenetmigrate.planner.model.ManagedCluster;
import org.kubenetmigrate.planner.model.MigrationOptions;
import org.kubenetmigrate.planner.model.NodeNetwork;
import org.kubenetmigrate.planner.sizing.ClusterSizing;

/**
 * Everything a rule may look at for one cluster.
 *
 * @param network the node network resolved against the input, with gaps where data was missing
 * @param sizing node counts and the pod CIDR choice
 * @param today the assessment date (from the injected clock), for date-based rules
 * @param inCluster what was read inside the cluster through the Kubernetes API, if that was asked for
 * @param conflicts resources this cluster's verdict rests on that the input holds twice, differently
 * @param fleet the whole input, for checks that look around the cluster: locks, network security groups, quota,
 *              effective routes and route tables of other subnets
 */
public record ClusterContext(ManagedCluster cluster, NodeNetwork network, ClusterSizing sizing,
                             MigrationOptions options, LocalDate today, InClusterView inCluster,
                             List<InputConflict> conflicts, Fleet fleet) {

    private static final Fleet NOTHING_AROUND = new Fleet(List.of(), List.of(), List.of());

    public ClusterContext {
        Objects.requireNonNull(inCluster, "inCluster");
        Objects.requireNonNull(fleet, "fleet");
        conflicts = List.copyOf(conflicts);
    }

    /**
     * A context whose input holds every resource once and that knows nothing around the cluster: the checks needing
     * it report themselves unverified.
     */
    public ClusterContext(ManagedCluster cluster, NodeNetwork network, ClusterSizing sizing, MigrationOptions options,
                          LocalDate today, InClusterView inCluster) {
        this(cluster, network, sizing, options, today, inCluster, List.of(), NOTHING_AROUND);
    }

    /** A context without in-cluster data (in-cluster checks not requested). */
    public ClusterContext(ManagedCluster cluster, NodeNetwork network, ClusterSizing sizing, MigrationOptions options,
                          LocalDate today) {
        this(cluster, network, sizing, options, today, InClusterView.notRequested());
    }
}
