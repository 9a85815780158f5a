package org.kubenetmigrate.executor.kube;

import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * A way into one cluster's Kubernetes API: from a kubeconfig ({@link KubeconfigAccess}), or from ARM
 * ({@code executor.azure.aks.ArmCredentialAccess}: listClusterUserCredential, with an Entra token for the AKS server
 * application instead of kubelogin). Whatever the source, credentials stay in memory: never written to disk, never
 * logged, never in messages.
 */
public interface KubeAccess {

    /** Where the access comes from, for messages and reports, e.g. "kubeconfig ~/.kube/config context aks-prod". */
    String describe();

    /** A new client; the caller closes it. Fails without contacting the cluster when the credentials are unusable. */
    KubernetesClient connect() throws KubeAccessException;
}
