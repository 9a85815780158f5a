package org.kubenetmigrate.executor.commands;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.kubenetmigrate.executor.engine.InClusterAccess;
import org.kubenetmigrate.executor.engine.KubeAccessProvider;
import org.kubenetmigrate.executor.kube.KubeAccess;
import org.kubenetmigrate.executor.kube.KubeApiInClusterSource;
import org.kubenetmigrate.executor.kube.Kubeconfig;
import org.kubenetmigrate.executor.kube.KubeconfigAccess;
import org.kubenetmigrate.executor.azure.aks.AksAccess;
import org.kubenetmigrate.executor.azure.aks.RunCommandSettings;
import org.kubenetmigrate.executor.kube.validation.ClusterValidator;
import org.kubenetmigrate.planner.model.ArmId;

/** The real {@link KubeAccessProvider}s: a kubeconfig context, or access through ARM. */
public final class KubeAccessProviders {
    private KubeAccessProviders() {
    }

    /**
     * The plan's cluster through a kubeconfig: the context named on the command line (trusted to be this
     * cluster's), or else the context or cluster entry named like the AKS cluster, as {@code az aks get-credentials}
     * writes it; another cluster's context is never used.
     *
     * @param probe also run the probe workload when validating
     * @param probeTimeout how long the probe may take
     */
    public static KubeAccessProvider kubeconfig(Kubeconfig kubeconfig, String explicitContext, Clock clock,
                                                boolean probe, Duration probeTimeout) {
        return plan -> {
            Optional<String> context = explicitContext != null
                    ? kubeconfig.context(explicitContext).map(Kubeconfig.ContextInfo::name)
                    : kubeconfig.contextForCluster(plan.clusterName());
            if (context.isEmpty()) {
                return InClusterAccess.unavailable(explicitContext != null
                        ? "no context '" + explicitContext + "' in " + kubeconfig
                        : "no context for cluster " + plan.clusterName() + " in " + kubeconfig + " (looked for a"
                        + " context or cluster entry named " + plan.clusterName() + "); pass --context");
            }
            KubeAccess access = new KubeconfigAccess(kubeconfig, context.get());
            ClusterValidator validator = new ClusterValidator(clock);
            KubeApiInClusterSource reads = new KubeApiInClusterSource(kubeconfig, context.get(), clock);
            return InClusterAccess.of(access, podCidr -> validator.validate(access, podCidr, probe, probeTimeout),
                    cluster -> reads.read(access));
        };
    }

    /**
     * The plan's cluster through ARM: the API server with the cluster user credential; validation falls back to
     * run-command reads when the API server is out of reach (the probe is then not run).
     */
    public static KubeAccessProvider throughArm(AksAccess aks, Clock clock, RunCommandSettings runCommand,
                                                boolean probe, Duration probeTimeout) {
        return plan -> {
            ArmId cluster = ArmId.of(plan.clusterId());
            ClusterValidator validator = new ClusterValidator(clock);
            return InClusterAccess.of(aks.apiServer(cluster), podCidr -> aks.validate(cluster, false, validator,
                    podCidr, probe, probeTimeout, runCommand), aks.inClusterSource(clock, runCommand));
        };
    }
}
