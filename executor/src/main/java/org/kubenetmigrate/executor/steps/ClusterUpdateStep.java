package org.kubenetmigrate.executor.steps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.kubenetmigrate.executor.azure.MergePatch;
import org.kubenetmigrate.executor.azure.ObservedCluster;
import org.kubenetmigrate.executor.engine.MigrationStep;
import org.kubenetmigrate.executor.engine.StepContext;
import org.kubenetmigrate.executor.engine.StepStop;

/**
 * A step that changes the cluster with the plan's merge-into-current request. Its effect is the plan's merge patch:
 * the step is done when applying the patch to the live cluster would change nothing.
 */
abstract class ClusterUpdateStep implements MigrationStep {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    static JsonNode patch(StepContext ctx) throws StepStop {
        if (ctx.step().request() == null || ctx.step().request().body() == null) {
            throw StepStop.failed("step " + ctx.step().id() + ": the plan gives no request for it");
        }
        return MAPPER.valueToTree(ctx.step().request().body());
    }

    @Override
    public boolean isAlreadyDone(StepContext ctx) throws StepStop {
        ObservedCluster cluster = ctx.readClusterWhenIdle();
        return cluster.succeeded() && MergePatch.isInEffect(cluster.json(), patch(ctx));
    }

    @Override
    public void apply(StepContext ctx) throws StepStop {
        StepContext.UpdateOutcome outcome = ctx.updateCluster(ctx.step().request());
        ctx.summary(outcome == StepContext.UpdateOutcome.ALREADY_IN_EFFECT ? "already in effect; nothing sent"
                : "applied: " + describe(ctx));
    }

    @Override
    public void verify(StepContext ctx) throws StepStop {
        ObservedCluster cluster = ctx.readClusterWhenIdle();
        if (!cluster.succeeded()) {
            throw StepStop.failed("step " + id() + ": cluster is " + cluster.provisioningState() + " after the change",
                    "Inspect: " + ctx.plan().aks("show").arg("--query", "provisioningState") + "; reconcile with "
                            + ctx.plan().aks("update") + ", then resume.");
        }
        if (!MergePatch.isInEffect(cluster.json(), patch(ctx))) {
            throw StepStop.failed("step " + id() + ": the change is not in effect after its operation succeeded:"
                    + " expected " + patch(ctx) + " in the cluster",
                    "Compare with " + ctx.plan().aks("show").arg("-o", "json") + "; someone may have changed it since. Then resume.");
        }
    }

    /** What the change is, in a few words, for the summary. */
    abstract String describe(StepContext ctx);
}
