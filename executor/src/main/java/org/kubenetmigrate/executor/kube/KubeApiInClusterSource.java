package org.kubenetmigrate.executor.kube;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.util.Optional;
import org.kubenetmigrate.planner.inventory.InClusterSource;
import org.kubenetmigrate.planner.model.InClusterView;
import org.kubenetmigrate.planner.model.ManagedCluster;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * In-cluster reads through the Kubernetes API, one connection per cluster, using a kubeconfig context: the one the
 * user named, or else the one that belongs to the cluster by name (never some other cluster's current context).
 * Never throws for a cluster it cannot read; that becomes {@link InClusterView#unavailable(String)}.
 */
public final class KubeApiInClusterSource implements InClusterSource {
    private static final Logger LOG = LoggerFactory.getLogger(KubeApiInClusterSource.class);

    private final Kubeconfig kubeconfig;
    private final String explicitContext;
    private final InClusterCollector collector;

    /**
     * @param explicitContext the context the user named (trusted to be this cluster's), or null to find the one
     *                        named like the cluster
     */
    public KubeApiInClusterSource(Kubeconfig kubeconfig, String explicitContext, Clock clock) {
        this.kubeconfig = kubeconfig;
        this.explicitContext = explicitContext;
        this.collector = new InClusterCollector(clock);
    }

    @Override
    public InClusterView read(ManagedCluster cluster) {
        Optional<String> context = contextFor(cluster);
        if (context.isEmpty()) {
            return InClusterView.unavailable(explicitContext != null
                    ? "no context '" + explicitContext + "' in " + kubeconfig
                    : "no context for cluster " + cluster.name() + " in " + kubeconfig + " (looked for a context or"
                    + " cluster entry named " + cluster.name() + "; current context "
                    + kubeconfig.currentContext().orElse("(none)") + "); pass --context");
        }
        return read(new KubeconfigAccess(kubeconfig, context.get()));
    }

    Optional<String> contextFor(ManagedCluster cluster) {
        if (explicitContext != null) {
            return kubeconfig.context(explicitContext).map(Kubeconfig.ContextInfo::name);
        }
        return kubeconfig.contextForCluster(cluster.name());
    }

    /** Reads one cluster through any access: a kubeconfig, or credentials ARM issued ({@code executor.azure.aks}). */
    public InClusterView read(KubeAccess access) {
        String source = access.describe();
        LOG.debug("reading in-cluster state through {}", source);
        try (KubernetesClient client = access.connect()) {
            Optional<String> problem = ApiServerPing.problem(client);
            if (problem.isPresent()) {
                return InClusterView.unavailable(source + ": " + problem.get());
            }
            return InClusterView.collected(collector.collect(new ApiServerReads(client), source));
        } catch (KubeAccessException e) {
            return InClusterView.unavailable(e.getMessage());
        } catch (RuntimeException e) {
            // fabric8 can fail while building the client (bad certificate data, say); its message may quote
            // configuration, so only the type is shown.
            return InClusterView.unavailable(source + ": cannot use the connection settings ("
                    + e.getClass().getSimpleName() + ")");
        }
    }
}
