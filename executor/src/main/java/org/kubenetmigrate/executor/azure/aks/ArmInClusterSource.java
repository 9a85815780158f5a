package org.kubenetmigrate.executor.azure.aks;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.util.Optional;
import org.kubenetmigrate.executor.kube.ApiServerPing;
import org.kubenetmigrate.executor.kube.ApiServerReads;
import org.kubenetmigrate.executor.kube.InClusterCollector;
import org.kubenetmigrate.executor.kube.KubeAccess;
import org.kubenetmigrate.executor.kube.KubeAccessException;
import org.kubenetmigrate.planner.inventory.InClusterSource;
import org.kubenetmigrate.planner.model.InClusterView;
import org.kubenetmigrate.planner.model.ManagedCluster;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * In-cluster reads with access obtained from ARM, no kubeconfig needed: the API server first, with the cluster user
 * credential ARM hands out ({@link ArmCredentialAccess}); AKS run-command ({@link RunCommandReads}) when the API
 * server cannot be used (a private cluster, whose API server is reachable only from its network, is sent there
 * directly). When neither works the view is {@link InClusterView#unavailable(String)} with both reasons, so every
 * in-cluster check is unverified and the cluster cannot be READY. Never throws.
 */
public final class ArmInClusterSource implements InClusterSource {
    private static final Logger LOG = LoggerFactory.getLogger(ArmInClusterSource.class);

    private final AksAccess access;
    private final InClusterCollector collector;
    private final RunCommandSettings runCommand;

    public ArmInClusterSource(AksAccess access, Clock clock, RunCommandSettings runCommand) {
        this.access = access;
        this.collector = new InClusterCollector(clock);
        this.runCommand = runCommand;
    }

    @Override
    public InClusterView read(ManagedCluster cluster) {
        if (cluster.isStopped()) {
            return InClusterView.unavailable("the cluster is stopped: neither its API server nor run-command can"
                    + " answer (start it to run the in-cluster checks)");
        }
        String apiProblem;
        if (cluster.privateCluster()) {
            apiProblem = "private cluster (its API server is reachable only from its network)";
        } else {
            KubeAccess api = access.apiServer(cluster.id());
            try (KubernetesClient client = api.connect()) {
                Optional<String> problem = ApiServerPing.problem(client);
                if (problem.isEmpty()) {
                    return InClusterView.collected(collector.collect(new ApiServerReads(client), api.describe()));
                }
                apiProblem = problem.get();
            } catch (KubeAccessException e) {
                apiProblem = e.getMessage();
            } catch (RuntimeException e) {
                apiProblem = "cannot use the connection settings (" + e.getClass().getSimpleName() + ")";
            }
        }
        LOG.debug("API server of {} not usable ({}); trying AKS run-command", cluster.name(), apiProblem);
        RunCommandReads reads = access.runCommand(cluster.id(), runCommand);
        try {
            reads.preflight();
        } catch (RunCommandException e) {
            return InClusterView.unavailable("API server: " + apiProblem + "; run-command: " + e.getMessage());
        }
        return InClusterView.collected(collector.collect(reads, reads.describe() + " (API server: " + apiProblem
                + ")"));
    }
}
