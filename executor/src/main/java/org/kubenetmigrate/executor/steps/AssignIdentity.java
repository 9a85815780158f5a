package org.kubenetmigrate.executor.steps;

import org.kubenetmigrate.executor.engine.StepContext;

/** {@code assign-identity}: gives the control plane the planned user-assigned identity (needed to detach the route table). */
final class AssignIdentity extends ClusterUpdateStep {
    @Override
    public String id() {
        return "assign-identity";
    }

    @Override
    String describe(StepContext ctx) {
        return "identity UserAssigned";
    }
}
