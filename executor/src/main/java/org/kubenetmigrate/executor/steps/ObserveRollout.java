package org.kubenetmigrate.executor.steps;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.kubenetmigrate.executor.azure.ObservedAgentPool;
import org.kubenetmigrate.executor.azure.ObservedCluster;
import org.kubenetmigrate.executor.engine.MigrationStep;
import org.kubenetmigrate.executor.engine.StepContext;
import org.kubenetmigrate.executor.engine.StepStop;
import org.kubenetmigrate.planner.plan.StepId;

/**
 * {@code observe-rollout}: the resource provider reimages every pool at once; the executor only watches. Polls the
 * cluster and its agent pools until all are Succeeded, reports each pool's changes, and when nothing has changed
 * for the configured time says so and names the likely causes. Read-only.
 */
final class ObserveRollout implements MigrationStep {
    static final String LIKELY_CAUSES = "likely causes: PodDisruptionBudgets that block draining (kubectl get pdb -A:"
            + " ALLOWED DISRUPTIONS 0), no capacity or quota for the surge nodes (SKUNotAvailable, AllocationFailed,"
            + " OverconstrainedAllocationRequest; az vm list-usage -l LOCATION), a node subnet without free addresses"
            + " (SubnetIsFull)";

    @Override
    public String id() {
        return StepId.OBSERVE_ROLLOUT.id();
    }

    @Override
    public boolean isAlreadyDone(StepContext ctx) throws StepStop {
        List<ObservedAgentPool> pools = ctx.readAgentPools();
        boolean done = ctx.readCluster().succeeded() && pools.stream().allMatch(ObservedAgentPool::succeeded);
        if (done) {
            ctx.summary("cluster and " + pools.size() + " pool(s) already Succeeded; nothing left to watch");
        }
        return done;
    }

    @Override
    public void apply(StepContext ctx) throws StepStop {
        Instant deadline = ctx.now().plus(ctx.settings().rolloutTimeout());
        Instant lastChange = ctx.now();
        boolean stallReported = false;
        Map<String, String> last = new LinkedHashMap<>();
        while (true) {
            ObservedCluster cluster = ctx.readCluster();
            List<ObservedAgentPool> pools = ctx.readAgentPools();
            Map<String, String> now = new LinkedHashMap<>();
            now.put("cluster", String.valueOf(cluster.provisioningState()));
            for (ObservedAgentPool pool : pools) {
                now.put(pool.name(), pool.provisioningState() + (pool.count() == null ? "" : ", " + pool.count()
                        + " nodes") + (pool.nodeImageVersion() == null ? "" : ", image " + pool.nodeImageVersion()));
            }
            for (Map.Entry<String, String> entry : now.entrySet()) {
                if (!entry.getValue().equals(last.get(entry.getKey()))) {
                    ctx.progress((entry.getKey().equals("cluster") ? "cluster" : "pool " + entry.getKey()) + ": "
                            + entry.getValue());
                }
            }
            if (!now.equals(last)) {
                lastChange = ctx.now();
                stallReported = false;
                last = now;
            }
            List<String> failed = pools.stream().filter(ObservedAgentPool::failed).map(ObservedAgentPool::name).toList();
            if (cluster.failed() || !failed.isEmpty()) {
                throw StepStop.failed("the reimage failed: " + (cluster.failed() ? "cluster " + cluster.provisioningState()
                                : "") + (failed.isEmpty() ? "" : (cluster.failed() ? "; " : "") + "pool(s) "
                                + String.join(", ", failed) + " Failed"),
                        "Find the cause (" + LIKELY_CAUSES + "): " + ctx.plan().aks("show").arg("-o", "json"),
                        "Fix it and reconcile (" + ctx.plan().aks("update") + "), then resume. The point of no return is behind: roll forward.");
            }
            if (cluster.succeeded() && pools.stream().allMatch(ObservedAgentPool::succeeded)) {
                ctx.summary("cluster and " + pools.size() + " pool(s) Succeeded: " + pools.stream()
                        .map(ObservedAgentPool::name).collect(Collectors.joining(", ")));
                return;
            }
            Duration quiet = Duration.between(lastChange, ctx.now());
            if (!stallReported && quiet.compareTo(ctx.settings().stallAfter()) >= 0) {
                ctx.notice("nothing has changed for " + quiet.toMinutes() + " min (" + describe(now) + "); "
                        + LIKELY_CAUSES);
                stallReported = true;
            }
            if (!ctx.now().isBefore(deadline)) {
                throw StepStop.failed("the reimage is still running after " + ctx.settings().rolloutTimeout().toMinutes()
                                + " min (" + describe(now) + "); it continues in Azure",
                        "Look for the cause (" + LIKELY_CAUSES + ")",
                        "Resume keeps watching, without sending anything: kubenet-migrate resume " + ctx.run().id());
            }
            ctx.sleep(ctx.settings().pollInterval());
        }
    }

    @Override
    public void verify(StepContext ctx) throws StepStop {
        ObservedCluster cluster = ctx.readCluster();
        List<ObservedAgentPool> pools = ctx.readAgentPools();
        if (!cluster.succeeded() || !pools.stream().allMatch(ObservedAgentPool::succeeded)) {
            throw StepStop.failed("not every pool is Succeeded: cluster " + cluster.provisioningState() + ", "
                    + pools.stream().map(p -> p.name() + " " + p.provisioningState()).collect(Collectors.joining(", ")),
                    "Resume keeps watching: kubenet-migrate resume " + ctx.run().id());
        }
    }

    private static String describe(Map<String, String> states) {
        return states.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining("; "));
    }
}
