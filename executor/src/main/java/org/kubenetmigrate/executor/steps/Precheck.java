package org.kubenetmigrate.executor.steps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.kubenetmigrate.executor.azure.ObservedCluster;
import org.kubenetmigrate.executor.azure.RawResource;
import org.kubenetmigrate.executor.engine.Freshness;
import org.kubenetmigrate.executor.engine.InClusterAccess;
import org.kubenetmigrate.executor.engine.LiveModel;
import org.kubenetmigrate.executor.engine.MigrationStep;
import org.kubenetmigrate.executor.engine.StepContext;
import org.kubenetmigrate.executor.engine.StepStop;
import org.kubenetmigrate.executor.plan.ExecutablePlan;
import org.kubenetmigrate.planner.model.InClusterCheck;
import org.kubenetmigrate.planner.model.InClusterView;
import org.kubenetmigrate.planner.model.ManagedCluster;
import org.kubenetmigrate.planner.plan.ApiVersions;
import org.kubenetmigrate.planner.plan.StepId;

/**
 * {@code precheck}: the cluster is the one the plan was made from (fingerprint), no operation runs on it, and every
 * readiness rule that can block finds nothing when re-run the way AKS will judge the update: on live state (the
 * cluster with its Node Disruption Policy, its VNets and route tables) and inside the cluster (ip-masq-agent
 * configuration first of all) through the run's Kubernetes access. A check that could not run but could have found a
 * blocker stops the run too, before anything changes; {@code --skip-in-cluster-checks} accepts the in-cluster ones
 * explicitly, and that acceptance goes to the journal (the step's summary) and the audit log. Read-only; the engine
 * holds the cluster lock before it runs.
 */
final class Precheck implements MigrationStep {
    static final String SKIP_FLAG = "--skip-in-cluster-checks";

    @Override
    public String id() {
        return StepId.PRECHECK.id();
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
        ManagedCluster cluster = LiveModel.cluster(withNodeDisruptionProfile(ctx, live));
        LiveModel.LiveNetwork network = LiveModel.network(ctx::read, cluster);
        boolean skip = ctx.settings().skipInClusterChecks();
        InClusterView inCluster = inCluster(ctx, cluster);
        if (inCluster instanceof InClusterView.Unavailable unavailable && !skip) {
            throw StepStop.failed("the in-cluster checks AKS's own validation depends on could not run ("
                    + String.join(", ", InClusterCheck.ALL) + "): " + unavailable.reason() + "; nothing was changed",
                    "Give Kubernetes access and run again: --kubeconfig FILE [--context NAME], or --in-cluster for"
                            + " access through ARM (the cluster user credential; run-command where the API server is"
                            + " private); the identity needs get and list on configmaps in kube-system, and list on"
                            + " nodes, poddisruptionbudgets, networkpolicies, deployments and statefulsets",
                    "Or accept running without them, at your own risk: add " + SKIP_FLAG + " (recorded in the"
                            + " journal and the audit log). A custom ip-masq-agent ConfigMap then fails the Overlay"
                            + " update only after the network policy was removed.");
        }
        LiveReadiness readiness = LiveReadiness.of(plan, cluster, network.fleet(), LocalDate.now(ctx.clock()),
                inCluster instanceof InClusterView.Unavailable ? InClusterView.notRequested() : inCluster, skip);
        if (readiness.blocked()) {
            List<String> remediation = new ArrayList<>(readiness.remediation());
            remediation.add("Fix these, make a new plan, and apply it.");
            throw StepStop.failed("readiness re-checked on the live cluster: " + readiness.blockers().size()
                    + " blocker" + (readiness.blockers().size() == 1 ? "" : "s") + ": "
                    + String.join("; ", readiness.blockers()), remediation.toArray(String[]::new));
        }
        String acceptance = null;
        if (inCluster instanceof InClusterView.Unavailable unavailable) {
            acceptance = "in-cluster checks not run (" + String.join(", ", InClusterCheck.ALL) + "): "
                    + unavailable.reason();
        } else if (!readiness.acceptedUnverified().isEmpty()) {
            acceptance = "in-cluster checks that could not run: " + String.join(", ", readiness.acceptedUnverified());
        }
        if (acceptance != null) {
            ctx.operatorAccepted(SKIP_FLAG, acceptance);
        }
        ctx.summary("fingerprint matches the plan; live readiness " + readiness.assessment().readiness()
                + ", no blockers; Node Disruption Policy " + (cluster.nodeDisruptionPolicy() == null
                ? "not set (Allow)" : cluster.nodeDisruptionPolicy())
                + (acceptance == null ? "; in-cluster checks run through "
                + ((InClusterView.Collected) inCluster).state().source()
                : "; ACCEPTED BY THE OPERATOR with " + SKIP_FLAG + ": " + acceptance));
    }

    @Override
    public void verify(StepContext ctx) {
        // Read-only: nothing to check afterwards.
    }

    /** What the rules read inside the cluster, through the run's access; Unavailable when there is none. */
    private static InClusterView inCluster(StepContext ctx, ManagedCluster cluster) {
        InClusterAccess access = ctx.inCluster();
        if (!access.available()) {
            return InClusterView.unavailable(access.unavailableReason());
        }
        InClusterView view = access.checks().read(cluster);
        return view instanceof InClusterView.NotRequested ? InClusterView.unavailable("no in-cluster reads") : view;
    }

    /**
     * The live cluster with its Node Disruption Policy, which only a preview api-version returns: read with it and
     * copied in. When that read fails the policy stays unknown (the rule then has nothing to judge) and a notice
     * says so; the api-version returning it is UNCONFIRMED.
     */
    private static JsonNode withNodeDisruptionProfile(StepContext ctx, ObservedCluster live) {
        JsonNode json = live.json();
        if (json.path("properties").has("nodeDisruptionProfile")) {
            return json;
        }
        Optional<RawResource> preview;
        try {
            preview = ctx.read(ctx.plan().clusterId(), ApiVersions.AKS_PREVIEW);
        } catch (StepStop e) {
            ctx.notice("Node Disruption Policy not read (api-version " + ApiVersions.AKS_PREVIEW + ": " + e.problem()
                    + "); check it: az aks show --query nodeDisruptionProfile (aks-preview)");
            return json;
        }
        JsonNode profile = preview.map(p -> p.json().path("properties").get("nodeDisruptionProfile")).orElse(null);
        if (profile == null || !(json.path("properties") instanceof ObjectNode)) {
            return json;
        }
        ObjectNode copy = json.deepCopy();
        ((ObjectNode) copy.get("properties")).set("nodeDisruptionProfile", profile.deepCopy());
        return copy;
    }
}
