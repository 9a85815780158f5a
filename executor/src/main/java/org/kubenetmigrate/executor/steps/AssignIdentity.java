package org.kubenetmigrate.executor.steps;

import org.kubenetmigrate.planner.plan.StepId;
import org.kubenetmigrate.executor.engine.StepContext;

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
