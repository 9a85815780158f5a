package org.kubenetmigrate.planner.inventory;

import org.kubenetmigrate.planner.model.InClusterView;
import org.kubenetmigrate.planner.model.ManagedCluster;

/**
 * Reads what the in-cluster checks need from inside one cluster. The commands ask it once per kubenet cluster;
 * implementations live where I/O is allowed (executor.kube: from a kubeconfig; executor.azure.aks: with credentials
 * ARM issues, or the AKS run-command for private clusters), and never throw for an unreachable or forbidden cluster:
 * they return {@link InClusterView#unavailable(String)} or a state with gaps instead.
 */
@FunctionalInterface
public interface InClusterSource {

    /** In-cluster checks not requested: the in-cluster rules stay silent. */
    InClusterSource NOT_REQUESTED = cluster -> InClusterView.notRequested();

    InClusterView read(ManagedCluster cluster);
}
