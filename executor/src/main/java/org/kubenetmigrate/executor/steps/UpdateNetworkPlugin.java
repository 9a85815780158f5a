package org.kubenetmigrate.executor.steps;

import org.kubenetmigrate.executor.engine.StepContext;
import org.kubenetmigrate.planner.plan.StepId;

/**
 * {@code update-network-plugin}, the point of no return: networkPlugin azure, networkPluginMode overlay (and the
 * planned pod CIDR). Its long-running operation reimages every pool; the engine journals the operation URL before
 * waiting, and after a crash follows that operation instead of sending the update again.
 */
final class UpdateNetworkPlugin extends ClusterUpdateStep {
    @Override
    public String id() {
        return StepId.UPDATE_NETWORK_PLUGIN.id();
    }

    @Override
    String describe(StepContext ctx) {
        String cidr = ctx.plan().target().podCidr();
        return "networkPlugin azure, networkPluginMode overlay" + (cidr == null ? "" : ", pod CIDR " + cidr);
    }
}
