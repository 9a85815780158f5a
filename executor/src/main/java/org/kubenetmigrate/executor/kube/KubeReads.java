package org.kubenetmigrate.executor.kube;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.List;
import java.util.Optional;

/**
 * The read-only lists the in-cluster checks and the validation need, as Kubernetes objects: from the API server
 * ({@link ApiServerReads}), or, for private clusters, from {@code kubectl get … -o json} run through ARM's AKS
 * run-command ({@code executor.azure.aks.RunCommandReads}), parsed into the same objects, so the collector does not
 * change.
 */
public interface KubeReads {

    List<ConfigMap> configMaps(String namespace) throws KubeReadException;

    List<PodDisruptionBudget> podDisruptionBudgets() throws KubeReadException;

    List<NetworkPolicy> networkPolicies() throws KubeReadException;

    List<Node> nodes() throws KubeReadException;

    List<Deployment> deployments() throws KubeReadException;

    List<StatefulSet> statefulSets() throws KubeReadException;

    List<Pod> pods(String namespace) throws KubeReadException;

    Optional<Deployment> deployment(String namespace, String name) throws KubeReadException;

    /** Objects of a custom resource in all namespaces; empty when the cluster does not have the resource (no CRD). */
    Optional<List<GenericKubernetesResource>> custom(ResourceKind kind) throws KubeReadException;
}
