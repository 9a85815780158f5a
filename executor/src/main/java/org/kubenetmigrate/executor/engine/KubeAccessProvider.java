package org.kubenetmigrate.executor.engine;

import org.kubenetmigrate.executor.plan.ExecutablePlan;

/**
 * Where steps get Kubernetes access to the plan's cluster: from {@code --kubeconfig/--context}, or through ARM
 * (cluster user credential, run-command for reads); tests hand in one for a mock API server. Opening contacts
 * nothing: the first step that needs the cluster does.
 */
public interface KubeAccessProvider {

    /** Access to {@code plan}'s cluster, or why there is none. */
    InClusterAccess open(ExecutablePlan plan);

    /** What apply and resume say when no Kubernetes access was given. */
    String NO_ACCESS = "no Kubernetes access: pass --kubeconfig FILE (and --context NAME), or set KUBECONFIG, or"
            + " --in-cluster to get access through ARM";

    /** No access, for the reason given. */
    static KubeAccessProvider none(String reason) {
        return plan -> InClusterAccess.unavailable(reason);
    }
}
