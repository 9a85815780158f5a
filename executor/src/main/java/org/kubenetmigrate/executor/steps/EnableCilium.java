package org.kubenetmigrate.executor.steps;

import org.kubenetmigrate.executor.engine.StepContext;

/** {@code enable-cilium}: networkDataplane cilium with networkPolicy cilium, a separate update after Overlay. */
final class EnableCilium extends ClusterUpdateStep {
    @Override
    public String id() {
        return "enable-cilium";
    }

    @Override
    String describe(StepContext ctx) {
        return "networkDataplane cilium, networkPolicy cilium";
    }
}
