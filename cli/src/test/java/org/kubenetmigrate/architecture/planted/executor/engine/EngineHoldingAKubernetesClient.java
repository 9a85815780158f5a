package org.kubenetmigrate.architecture.planted.executor.engine;

import io.fabric8.kubernetes.client.KubernetesClient;

/** Planted: the engine holding a fabric8 type instead of the KubeAccess interface. */
public final class EngineHoldingAKubernetesClient {
    KubernetesClient client;
}
