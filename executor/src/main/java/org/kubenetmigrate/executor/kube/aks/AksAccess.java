package org.kubenetmigrate.executor.kube.aks;

import com.azure.core.credential.TokenCredential;
import java.time.Clock;
import java.time.Duration;
import org.kubenetmigrate.executor.kube.KubeAccess;
import org.kubenetmigrate.executor.kube.validation.ClusterValidator;
import org.kubenetmigrate.executor.kube.validation.ValidationReport;
import org.kubenetmigrate.planner.cidr.IpPrefix;
import org.kubenetmigrate.planner.inventory.InClusterSource;
import org.kubenetmigrate.planner.inventory.azure.AzureSession;
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
     * Post-migration validation through the API server with the ARM-issued credential (the executor's validate
     * step). Run-command is not used here: the probe workload needs a live API connection.
     */
    public ValidationReport validate(ArmId cluster, ClusterValidator validator, IpPrefix plannedPodCidr, boolean probe,
                                     Duration timeout) {
        return validator.validate(apiServer(cluster), plannedPodCidr, probe, timeout);
    }
}
