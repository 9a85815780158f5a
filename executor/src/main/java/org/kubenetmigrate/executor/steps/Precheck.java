package org.kubenetmigrate.executor.steps;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.kubenetmigrate.executor.azure.ObservedCluster;
import org.kubenetmigrate.executor.engine.Freshness;
import org.kubenetmigrate.executor.engine.LiveModel;
import org.kubenetmigrate.executor.engine.MigrationStep;
import org.kubenetmigrate.executor.engine.StepContext;
import org.kubenetmigrate.executor.engine.StepStop;
import org.kubenetmigrate.executor.plan.ExecutablePlan;
import org.kubenetmigrate.planner.model.ManagedCluster;

/**
 * {@code precheck}: the cluster is the one the plan was made from (fingerprint), no operation runs on it, and the
 * readiness rules, re-run on live state (cluster, its VNets and route tables), find no blocker — nor a check that
 * could not run but could have found one. Read-only; the engine holds the cluster lock before it runs.
 */
final class Precheck implements MigrationStep {
    @Override
    public String id() {
        return "precheck";
    }

    @Override
    public boolean isAlreadyDone(StepContext ctx) {
        // Always re-check: it reads only, and a resumed precheck must look at today's cluster.
        return false;
    }

    @Override
    public void apply(StepContext ctx) throws StepStop {
        ExecutablePlan plan = ctx.plan();
        ObservedCluster live = ctx.readCluster();
        if (!live.idle()) {
            throw StepStop.failed("cluster " + plan.clusterName() + " is " + live.provisioningState()
                    + ": another operation is running on it", "Wait for it to end, then resume.");
        }
        Freshness.checkAgainstPlan(plan, live);
        ManagedCluster cluster = LiveModel.cluster(live);
        LiveModel.LiveNetwork network = LiveModel.network(ctx::read, cluster);
        LiveReadiness readiness = LiveReadiness.of(plan, cluster, network.fleet(), LocalDate.now(ctx.clock()));
        if (readiness.blocked()) {
            List<String> remediation = new ArrayList<>(readiness.remediation());
            remediation.add("Fix these, make a new plan, and apply it.");
            throw StepStop.failed("readiness re-checked on the live cluster: " + readiness.blockers().size()
                    + " blocker" + (readiness.blockers().size() == 1 ? "" : "s") + ": "
                    + String.join("; ", readiness.blockers()), remediation.toArray(String[]::new));
        }
        ctx.summary("fingerprint matches the plan" + (live.etag() == null ? "" : " (ETag " + live.etag() + ")")
                + "; live readiness " + readiness.assessment().readiness() + ", no blockers"
                + (readiness.notRunInside().isEmpty() ? "" : "; not checked here (needs a read inside the cluster): "
                + String.join(", ", readiness.notRunInside())));
    }

    @Override
    public void verify(StepContext ctx) {
        // Read-only: nothing to check afterwards.
    }
}
