package org.kubenetmigrate.architecture.planted.planner.plan;

import org.kubenetmigrate.architecture.planted.executor.engine.EngineHoldingAKubernetesClient;

/** Planted: the planner reaching up into the executor. */
public final class PlanCallingTheExecutor {
    public String describe(EngineHoldingAKubernetesClient engine) {
        return engine.toString();
    }
}
