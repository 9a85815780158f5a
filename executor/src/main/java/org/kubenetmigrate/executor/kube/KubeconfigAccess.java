package org.kubenetmigrate.executor.kube;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.OAuthTokenProvider;
import java.util.Objects;

/**
 * Access through one context of a kubeconfig (read and sanitised by {@link Kubeconfig}). A token provider can
 * stand in for an exec plugin: that is where the ARM-backed access will hand in its Entra token.
 */
public final class KubeconfigAccess implements KubeAccess {
    private final Kubeconfig kubeconfig;
    private final String context;
    private final OAuthTokenProvider tokenProvider;

    public KubeconfigAccess(Kubeconfig kubeconfig, String context) {
        this(kubeconfig, context, null);
    }

    public KubeconfigAccess(Kubeconfig kubeconfig, String context, OAuthTokenProvider tokenProvider) {
        this.kubeconfig = Objects.requireNonNull(kubeconfig, "kubeconfig");
        this.context = Objects.requireNonNull(context, "context");
        this.tokenProvider = tokenProvider;
    }

    public String context() {
        return context;
    }

    @Override
    public String describe() {
        String server = kubeconfig.context(context).map(Kubeconfig.ContextInfo::server).orElse(null);
        return kubeconfig + " context " + context + (server == null ? "" : " (" + server + ")");
    }

    @Override
    public KubernetesClient connect() throws KubeAccessException {
        Config config = kubeconfig.clientConfig(context, tokenProvider);
        return new KubernetesClientBuilder().withConfig(config).build();
    }
}
