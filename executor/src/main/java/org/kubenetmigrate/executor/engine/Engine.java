package org.kubenetmigrate.executor.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kubenetmigrate.executor.azure.ClusterOperations;
import org.kubenetmigrate.executor.azure.ObservedCluster;
import org.kubenetmigrate.executor.plan.ExecutablePlan;
import org.kubenetmigrate.planner.model.AzureValue;
import org.kubenetmigrate.planner.model.NetworkPlugin;
import org.kubenetmigrate.planner.model.NetworkPolicy;
import org.kubenetmigrate.planner.plan.Step;
import org.kubenetmigrate.planner.text.AzCommand;

/**
 * Runs a run's steps in order, and undoes them on rollback. Decides from the journal which steps are done, asks at
 * gates, runs each step through {@link MigrationStep} (observe, apply when needed, verify), and journals every fact
 * before acting on it. It never catches {@link Error}s: a crash leaves the journal as the last fsync left it, which
 * is what resume starts from.
 */
public final class Engine {

    private final Map<String, MigrationStep> steps;
    private final ClusterOperations azure;
    private final EngineSettings settings;
    private final Clock clock;
    private final Sleeper sleeper;
    private final EventBus events;
    private final GatePrompt prompt;
    private final Actor actor;
    private final KubeAccessProvider kube;
    private InClusterAccess inCluster;

    /**
     * @param steps the step implementations by id
     * @param azure Azure, for the cluster the run is about
     * @param events where events go
     * @param prompt who is asked at gates ({@link GatePrompt#NONE} without a terminal)
     * @param actor who runs this session (recorded with approvals)
     * @param kube Kubernetes access to the cluster, for the steps that need it
     */
    public Engine(Map<String, MigrationStep> steps, ClusterOperations azure, EngineSettings settings, Clock clock,
                  Sleeper sleeper, EventBus events, GatePrompt prompt, Actor actor, KubeAccessProvider kube) {
        this.steps = Map.copyOf(steps);
        this.azure = azure;
        this.settings = settings;
        this.clock = clock;
        this.sleeper = sleeper;
        this.events = events;
        this.prompt = prompt;
        this.actor = actor;
        this.kube = kube;
    }

    EngineSettings settings() {
        return settings;
    }

    Clock clock() {
        return clock;
    }

    Sleeper sleeper() {
        return sleeper;
    }

    EventBus events() {
        return events;
    }

    ClusterOperations azure() {
        return azure;
    }

    /** Opened once per session, when the first step asks. */
    InClusterAccess inCluster(ExecutablePlan plan) {
        if (inCluster == null) {
            inCluster = kube.open(plan);
        }
        return inCluster;
    }

    /** Runs every step not yet done, from the first one the journal does not show as succeeded. */
    public RunResult run(Run run, Journal journal, Approvals approvals) {
        ExecutablePlan plan = run.plan();
        List<Step> planned = plan.steps();
        for (int i = 0; i < planned.size(); i++) {
            Step step = planned.get(i);
            RunState state = RunState.replay(journal.records());
            RunState.StepProgress progress = state.step(step.id());
            if (progress.status() == RunState.StepStatus.SUCCEEDED) {
                continue;
            }
            if (step.requiresApproval() && !progress.approved()) {
                Optional<RunResult> stopped = gate(run, journal, step, state, approvals);
                if (stopped.isPresent()) {
                    return stopped.get();
                }
                state = RunState.replay(journal.records());
            }
            Optional<RunResult> stopped = execute(run, journal, step, i, planned.size(), state);
            if (stopped.isPresent()) {
                return stopped.get();
            }
        }
        String message = "run " + run.id() + " completed: cluster " + plan.clusterName() + " runs Azure CNI Overlay";
        record(journal, new EngineEvent.RunFinished(clock.instant(), run.id(), RunOutcome.COMPLETED, null, message,
                null));
        return new RunResult(run.id(), RunOutcome.COMPLETED, null, message, List.of());
    }

    private Optional<RunResult> gate(Run run, Journal journal, Step step, RunState state, Approvals approvals) {
        ExecutablePlan plan = run.plan();
        String stage = plan.stageOf(step.id()).map(s -> s.id()).orElse("");
        if (step.pointOfNoReturn()) {
            // Nobody should be asked to approve the one-way step on a cluster that moved: check before asking.
            try {
                StepContext ctx = new StepContext(this, run, journal, step, state);
                ObservedCluster live = ctx.readClusterWhenIdle();
                if (!anyChangeMade(state, plan)) {
                    Freshness.checkAgainstPlan(plan, live);
                } else {
                    Freshness.checkAgainstExpected(plan, ctx.expectedCluster(), live);
                }
            } catch (StepStop stop) {
                return Optional.of(stop(run, journal, step, stop));
            }
        }
        Optional<String> held = approvals.hold().before(step);
        if (held.isPresent()) {
            // Nothing of this step has started: stopping here is a safe boundary, and resume asks again.
            return Optional.of(stopAtGate(run, journal, step, "held before " + step.id() + ": " + held.get()));
        }
        Optional<String> byFlag = approvals.approves(plan, step);
        if (byFlag.isPresent()) {
            approve(run, journal, step, byFlag.get());
            return Optional.empty();
        }
        String undo = undo(step);
        String request = step.request() == null ? null : step.request().method() + " " + step.request().target()
                + Optional.ofNullable(step.request().headers().get("If-Match")).map(m -> " If-Match: " + m).orElse("");
        record(journal, new EngineEvent.GatePending(clock.instant(), run.id(), step.id(), stage, step.title(),
                step.description(), step.reversible(), step.pointOfNoReturn(), undo, request));
        if (prompt.interactive()) {
            boolean approved = prompt.approve(new GatePrompt.GateRequest(run.id(), step.id(), stage, step.title(),
                    step.description(), step.reversible(), step.pointOfNoReturn(), undo, request));
            if (approved) {
                approve(run, journal, step, "prompt");
                return Optional.empty();
            }
            record(journal, new EngineEvent.GateDeclined(clock.instant(), run.id(), step.id(), actor.describe()));
            return Optional.of(stopAtGate(run, journal, step, "declined at the gate before " + step.id()));
        }
        return Optional.of(stopAtGate(run, journal, step, "waiting for approval before " + step.id()
                + " (no terminal to ask, and no approval flag covers it)"));
    }

    private void approve(Run run, Journal journal, Step step, String how) {
        record(journal, new EngineEvent.GateApproved(clock.instant(), run.id(), step.id(), actor.describe(),
                actor.principal(), actor.host(), how));
    }

    private RunResult stopAtGate(Run run, Journal journal, Step step, String reason) {
        List<String> remediation = List.of(
                "Review the step: kubenet-migrate status " + run.id(),
                "Approve on a terminal: kubenet-migrate resume " + run.id(),
                step.pointOfNoReturn()
                        ? "Or without a terminal: kubenet-migrate resume " + run.id() + " --auto-approve (the point of"
                        + " no return is passed only by --auto-approve)"
                        : "Or without a terminal: kubenet-migrate resume " + run.id() + " --approve-through "
                        + run.plan().stageOf(step.id()).map(s -> s.id()).orElse("STAGE"));
        record(journal, new EngineEvent.RunStopped(clock.instant(), run.id(), RunOutcome.STOPPED_AT_GATE, step.id(),
                reason, String.join("\n", remediation)));
        return new RunResult(run.id(), RunOutcome.STOPPED_AT_GATE, step.id(), "run " + run.id() + " stopped: " + reason,
                remediation);
    }

    private Optional<RunResult> execute(Run run, Journal journal, Step step, int index, int total, RunState state) {
        MigrationStep impl = steps.get(step.id());
        if (impl == null) {
            throw new IllegalStateException("no implementation for step " + step.id());
        }
        int attempt = state.step(step.id()).attempts() + 1;
        record(journal, new EngineEvent.StepStarted(clock.instant(), run.id(), step.id(), step.title(), index + 1,
                total, attempt));
        StepContext ctx = new StepContext(this, run, journal, step, state);
        try {
            boolean alreadyDone = false;
            if (ctx.journaled().pendingOperation(RunState.FORWARD).isPresent()) {
                impl.apply(ctx);
            } else if (impl.isAlreadyDone(ctx)) {
                alreadyDone = true;
            } else {
                impl.apply(ctx);
            }
            impl.verify(ctx);
            String summary = ctx.summary() != null ? ctx.summary() : alreadyDone ? "already in effect; nothing sent" : "done";
            record(journal, new EngineEvent.StepSucceeded(clock.instant(), run.id(), step.id(), alreadyDone, summary));
            return Optional.empty();
        } catch (StepStop stop) {
            return Optional.of(stop(run, journal, step, stop));
        }
    }

    private RunResult stop(Run run, Journal journal, Step step, StepStop stop) {
        String remediation = String.join("\n", stop.remediation());
        record(journal, new EngineEvent.StepFailed(clock.instant(), run.id(), step.id(), stop.outcome().name(),
                stop.problem(), remediation, stop.azureCode()));
        record(journal, new EngineEvent.RunStopped(clock.instant(), run.id(), stop.outcome(), step.id(), stop.problem(),
                String.join("\n", stop.remediation())));
        return new RunResult(run.id(), stop.outcome(), step.id(), stop.problem(), stop.remediation());
    }

    /**
     * Undoes the completed steps before the point of no return, newest first, each through its compensation; refuses
     * once the point of no return was crossed and says how to roll forward instead.
     */
    public RunResult rollback(Run run, Journal journal) {
        ExecutablePlan plan = run.plan();
        RunState state = RunState.replay(journal.records());
        Optional<Step> ponr = plan.pointOfNoReturn();
        if (ponr.isPresent()) {
            Optional<String> crossed;
            try {
                crossed = crossed(run, journal, ponr.get(), state);
            } catch (StepStop stop) {
                return stop(run, journal, ponr.get(), stop);
            }
            if (crossed.isPresent()) {
                List<String> forward = rollForward(run, ponr.get());
                String message = "rollback refused: " + crossed.get() + "; roll forward instead: kubenet-migrate"
                        + " resume " + run.id();
                record(journal, new EngineEvent.RunFinished(clock.instant(), run.id(), RunOutcome.ROLLBACK_REFUSED,
                        ponr.get().id(), message, String.join("\n", forward)));
                return new RunResult(run.id(), RunOutcome.ROLLBACK_REFUSED, ponr.get().id(), message, forward);
            }
        }
        record(journal, new EngineEvent.RollbackStarted(clock.instant(), run.id(), actor.describe()));
        List<String> leftAsIs = new ArrayList<>();
        List<Step> planned = plan.steps();
        for (int i = planned.size() - 1; i >= 0; i--) {
            Step step = planned.get(i);
            RunState.StepProgress progress = state.step(step.id());
            if (!plan.beforePointOfNoReturn(step.id()) || !progress.started()
                    || progress.compensation() == RunState.CompensationStatus.SUCCEEDED) {
                continue;
            }
            MigrationStep impl = steps.get(step.id());
            if (!impl.canCompensate(step)) {
                if (step.mutating() || step.changesCluster()) {
                    leftAsIs.add(step.id() + " has no way back (" + (step.reversible() ? "no compensation request"
                            : "one-way") + "); it stays as it is");
                }
                continue;
            }
            record(journal, new EngineEvent.CompensationStarted(clock.instant(), run.id(), step.id(),
                    step.compensation().description()));
            StepContext ctx = new StepContext(this, run, journal, step, RunState.replay(journal.records()));
            try {
                impl.compensate(ctx);
                boolean nothingSent = !ctx.sentSomething();
                record(journal, new EngineEvent.CompensationSucceeded(clock.instant(), run.id(), step.id(), nothingSent,
                        ctx.summary()));
            } catch (StepStop stop) {
                record(journal, new EngineEvent.CompensationFailed(clock.instant(), run.id(), step.id(), stop.problem(),
                        String.join("\n", stop.remediation())));
                List<String> next = new ArrayList<>(stop.remediation());
                next.add("Then roll back the rest: kubenet-migrate rollback " + run.id());
                record(journal, new EngineEvent.RunStopped(clock.instant(), run.id(), RunOutcome.STEP_FAILED, step.id(),
                        "rollback stopped: " + stop.problem(), String.join("\n", next)));
                return new RunResult(run.id(), RunOutcome.STEP_FAILED, step.id(), "rollback stopped at " + step.id()
                        + ": " + stop.problem(), next);
            }
        }
        String message = "run " + run.id() + " rolled back: every completed step before the point of no return was"
                + " undone" + (leftAsIs.isEmpty() ? "" : " except " + String.join("; ", leftAsIs));
        record(journal, new EngineEvent.RunFinished(clock.instant(), run.id(), RunOutcome.ROLLED_BACK, null, message,
                leftAsIs.isEmpty() ? null : String.join("\n", leftAsIs)));
        return new RunResult(run.id(), RunOutcome.ROLLED_BACK, null, message, leftAsIs);
    }

    /** Why the point of no return counts as crossed, or empty when it does not. */
    private Optional<String> crossed(Run run, Journal journal, Step ponr, RunState state) throws StepStop {
        RunState.StepProgress progress = state.step(ponr.id());
        if (progress.status() == RunState.StepStatus.SUCCEEDED || progress.sent(RunState.FORWARD)) {
            return Optional.of(ponr.id() + " was sent; it is one-way");
        }
        if (!progress.started()) {
            return Optional.empty();
        }
        // Started but nothing journaled as sent: a crash may have hidden a request. Only the cluster can tell.
        ObservedCluster live = new StepContext(this, run, journal, ponr, state).readCluster();
        if (!live.idle()) {
            return Optional.of(ponr.id() + " was started and an operation is running on the cluster ("
                    + live.provisioningState() + "); it may be the one-way update");
        }
        if (!AzureValue.is(live.network().plugin(), NetworkPlugin.KUBENET)) {
            return Optional.of("the cluster already runs network plugin " + live.network().plugin());
        }
        return Optional.empty();
    }

    static List<String> rollForward(Run run, Step ponr) {
        ExecutablePlan plan = run.plan();
        AzCommand az = plan.aks("update");
        List<String> out = new ArrayList<>();
        out.add("There is no way back to kubenet after " + ponr.id() + " (https://learn.microsoft.com/azure/aks/update-azure-cni). Roll forward:");
        out.add("1. See where the run stopped and why: kubenet-migrate status " + run.id());
        out.add("2. If the cluster is Failed, fix the cause the step reported (PodDisruptionBudgets, quota, subnet"
                + " space), then reconcile: " + az);
        out.add("3. Finish the run (watch the reimage, re-enable the policy engine, validate): kubenet-migrate resume "
                + run.id());
        AzureValue<NetworkPolicy> engine = plan.target().policyEngine();
        if (engine != null) {
            AzCommand restore = az.arg("--network-policy", engine.text());
            out.add("4. By hand instead of 3: "
                    + (engine.is(NetworkPolicy.CILIUM) ? restore.arg("--network-dataplane", "cilium") : restore)
                    + "; then check the steps in runbooks/in-place-overlay.md");
        }
        return out;
    }

    /** True when a cluster-changing step of the plan succeeded or had a request accepted in this run. */
    boolean anyChangeMade(RunState state, ExecutablePlan plan) {
        return plan.steps().stream().filter(Step::mutating)
                .anyMatch(s -> state.succeeded(s.id()) || state.step(s.id()).sent(RunState.FORWARD));
    }

    private static String undo(Step step) {
        if (step.pointOfNoReturn()) {
            return "cannot be undone: this is the point of no return";
        }
        if (step.compensation() != null) {
            return "can be undone by rollback: " + step.compensation().description();
        }
        return step.reversible() ? "nothing to undo" : "cannot be undone (one-way)";
    }

    /**
     * Journals a fact (durable when this returns), then tells the listeners: the same object, one encoding.
     * Listeners never see a fact the journal does not hold.
     */
    public void record(Journal journal, EngineEvent.Journaled event) {
        try {
            journal.append(event);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the journal " + journal.file() + ": " + e.getMessage(), e);
        }
        events.on(event);
    }
}
