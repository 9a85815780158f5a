package org.kubenetmigrate.executor.steps;

import org.kubenetmigrate.executor.engine.StepContext;
import org.kubenetmigrate.planner.plan.StepId;

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
