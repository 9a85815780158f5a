package org.kubenetmigrate.executor.azure.aks;

import com.azure.core.credential.TokenCredential;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Optional;
import org.kubenetmigrate.executor.kube.KubeAccess;
import org.kubenetmigrate.executor.kube.KubeAccessException;
import org.kubenetmigrate.executor.kube.Kubeconfig;
import org.kubenetmigrate.executor.kube.KubeconfigAccess;
import org.kubenetmigrate.executor.kube.KubeconfigException;
import org.kubenetmigrate.planner.model.ArmId;

/**
 * Access to a cluster's API server with the kubeconfig ARM hands out ({@code listClusterUserCredential}), held in
 * memory only. For an Entra-ID-integrated cluster that kubeconfig's user runs kubelogin; the exec entry is dropped
 * (as for any kubeconfig) and the token comes from azure-identity instead ({@link AksTokenProvider}). A
 * local-account cluster's kubeconfig carries its own credential (client certificate or token), used as is.
 */
public final class ArmCredentialAccess implements KubeAccess {
    private final AksArm arm;
    private final TokenCredential credential;
    private final ArmId cluster;

    public ArmCredentialAccess(AksArm arm, TokenCredential credential, ArmId cluster) {
        this.arm = arm;
        this.credential = credential;
        this.cluster = cluster;
    }

    @Override
    public String describe() {
        return "cluster user credential from ARM for " + cluster.name();
    }

    @Override
    public KubernetesClient connect() throws KubeAccessException {
        String yaml;
        try {
            yaml = arm.listClusterUserCredential(cluster);
        } catch (AksArmException e) {
            throw new KubeAccessException(e.getMessage());
        }
        Kubeconfig kubeconfig;
        try {
            kubeconfig = Kubeconfig.inMemory(describe(), yaml);
        } catch (KubeconfigException e) {
            throw new KubeAccessException(e.getMessage());
        }
        Optional<String> context = kubeconfig.currentContext()
                .or(() -> kubeconfig.contextNames().stream().findFirst());
        if (context.isEmpty()) {
            throw new KubeAccessException(describe() + ": the kubeconfig has no context");
        }
        boolean kubelogin = kubeconfig.droppedSignIn(context.get()).filter(c -> c.contains("kubelogin")).isPresent();
        return new KubeconfigAccess(kubeconfig, context.get(), kubelogin ? new AksTokenProvider(credential) : null)
                .connect();
    }
}
