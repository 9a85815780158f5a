package org.kubenetmigrate.executor.steps;

import org.kubenetmigrate.planner.plan.StepId;
import org.kubenetmigrate.executor.engine.StepContext;

/** {@code restore-network-policy}: re-enables the original policy engine after the rollout, ending the gap. */
final class RestoreNetworkPolicy extends ClusterUpdateStep {
    @Override
    public String id() {
        return StepId.RESTORE_NETWORK_POLICY.id();
    }

    @Override
    String describe(StepContext ctx) {
        return "networkPolicy " + ctx.plan().original().networkPolicy() + " again";
    }
}
