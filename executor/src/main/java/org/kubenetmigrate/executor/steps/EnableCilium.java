package org.kubenetmigrate.executor.steps;

import org.kubenetmigrate.executor.engine.StepContext;
import org.kubenetmigrate.planner.plan.StepId;

/** {@code enable-cilium}: networkDataplane cilium with networkPolicy cilium, a separate update after Overlay. */
final class EnableCilium extends ClusterUpdateStep {
    @Override
    public String id() {
        return StepId.ENABLE_CILIUM.id();
    }

    @Override
    String describe(StepContext ctx) {
        return "networkDataplane cilium, networkPolicy cilium";
    }
}
