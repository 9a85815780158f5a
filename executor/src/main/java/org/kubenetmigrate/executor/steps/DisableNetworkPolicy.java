package org.kubenetmigrate.executor.steps;

import org.kubenetmigrate.executor.engine.StepContext;
import org.kubenetmigrate.planner.plan.StepId;

/**
 * {@code disable-network-policy}: networkPolicy none, because the Overlay update is refused with a policy engine on.
 * NetworkPolicies are not enforced from here until the engine is back; its compensation re-enables the original one.
 */
final class DisableNetworkPolicy extends ClusterUpdateStep {
    @Override
    public String id() {
        return StepId.DISABLE_NETWORK_POLICY.id();
    }

    @Override
    String describe(StepContext ctx) {
        return "networkPolicy none (NetworkPolicies are not enforced until the engine is back)";
    }
}
