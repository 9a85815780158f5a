package org.kubenetmigrate.executor.azure.aks;

import com.azure.core.credential.TokenCredential;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.kubenetmigrate.executor.kube.KubeAccess;
import org.kubenetmigrate.executor.kube.validation.ClusterValidator;
import org.kubenetmigrate.executor.kube.validation.ValidationCheck;
import org.kubenetmigrate.executor.kube.validation.ValidationReport;
import org.kubenetmigrate.planner.cidr.IpPrefix;
import org.kubenetmigrate.planner.inventory.InClusterSource;
import org.kubenetmigrate.planner.azure.AzureSession;
import org.kubenetmigrate.planner.model.ArmId;

/**
 * The one entry point to Kubernetes access obtained from ARM, for the commands and the executor's validate step:
 * API server access with the ARM-issued credential, run-command reads, the in-cluster source, and validation.
 * Needs the Azure RBAC actions {@code Microsoft.ContainerService/managedClusters/listClusterUserCredential/action},
 * {@code …/runCommand/action} and {@code …/commandResults/read} (run-command only when the API server is out of
 * reach), plus read-only Kubernetes RBAC for the identity inside the cluster.
 */
public final class AksAccess {
    private final AksArm arm;
    private final TokenCredential credential;

    public AksAccess(AksArm arm, TokenCredential credential) {
        this.arm = arm;
        this.credential = credential;
    }

    public static AksAccess of(AzureSession session) {
        return new AksAccess(AksArm.of(session), session.credential());
    }

    /** The API server with the cluster user credential from ARM; nothing is fetched until {@code connect()}. */
    public KubeAccess apiServer(ArmId cluster) {
        return new ArmCredentialAccess(arm, credential, cluster);
    }

    /** Reads through AKS run-command (for clusters whose API server is out of reach). */
    public RunCommandReads runCommand(ArmId cluster, RunCommandSettings settings) {
        return new RunCommandReads(arm, cluster, settings);
    }

    /** The in-cluster checks' source: API server first, run-command as the fallback. */
    public InClusterSource inClusterSource(Clock clock, RunCommandSettings settings) {
        return new ArmInClusterSource(this, clock, settings);
    }

    /**
     * Post-migration validation for the executor's validate step: through the API server with the ARM-issued
     * credential (probe included when asked); when that cannot be used (a private cluster is not tried over the
     * network), the read-only checks through run-command, with the probe NOT_RUN. When neither works the report's
     * {@code api-reachable} check FAILED with both reasons and every other check NOT_RUN: never a pass.
     */
    public ValidationReport validate(ArmId cluster, boolean privateCluster, ClusterValidator validator,
                                     IpPrefix plannedPodCidr, boolean probe, Duration timeout,
                                     RunCommandSettings runCommandSettings) {
        ValidationReport api;
        String apiProblem;
        if (privateCluster) {
            api = null;
            apiProblem = "private cluster (its API server is reachable only from its network)";
        } else {
            api = validator.validate(apiServer(cluster), plannedPodCidr, probe, timeout);
            Optional<ValidationCheck> reach = api.checks().stream()
                    .filter(c -> c.id().equals(ClusterValidator.API)).findFirst();
            if (reach.isEmpty() || reach.get().status() == ValidationCheck.Status.PASSED) {
                return api;
            }
            apiProblem = reach.get().detail();
        }
        RunCommandReads reads = runCommand(cluster, runCommandSettings);
        try {
            reads.preflight();
        } catch (RunCommandException e) {
            String why = "API server: " + apiProblem + "; run-command: " + e.getMessage();
            List<ValidationCheck> checks = new ArrayList<>();
            checks.add(ValidationCheck.failed(ClusterValidator.API, why));
            for (String id : List.of(ClusterValidator.NODES_READY, ClusterValidator.NODE_POD_CIDRS,
                    ClusterValidator.NODE_NETWORK_CONFIGS, ClusterValidator.KUBE_SYSTEM_PODS, ClusterValidator.COREDNS)) {
                checks.add(ValidationCheck.notRun(id, "the cluster could not be read"));
            }
            if (probe) {
                checks.add(ValidationCheck.notRun(ClusterValidator.PROBE, "the cluster could not be read"));
            }
            return new ValidationReport(api != null ? api.source() : reads.describe(),
                    runCommandSettings.clock().instant(), checks);
        }
        return validator.validate(reads, reads.describe() + " (API server: " + apiProblem + ")", plannedPodCidr,
                probe);
    }
}
