package org.kubenetmigrate.executor.steps;

import org.kubenetmigrate.executor.engine.StepContext;
import org.kubenetmigrate.planner.plan.StepId;

/** {@code assign-identity}: gives the control plane the planned user-assigned identity (needed to detach the route table). */
final class AssignIdentity extends ClusterUpdateStep {
    @Override
    public String id() {
        return StepId.ASSIGN_IDENTITY.id();
    }

    @Override
    String describe(StepContext ctx) {
        return "identity UserAssigned";
    }
}
