package org.kubenetmigrate.executor.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.kubenetmigrate.executor.azure.AzureException;
import org.kubenetmigrate.executor.azure.ClusterOperations;
import org.kubenetmigrate.executor.azure.MergePatch;
import org.kubenetmigrate.executor.azure.ObservedAgentPool;
import org.kubenetmigrate.executor.azure.ObservedCluster;
import org.kubenetmigrate.executor.azure.RawResource;
import org.kubenetmigrate.executor.plan.ExecutablePlan;
import org.kubenetmigrate.planner.model.AzureValue;
import org.kubenetmigrate.planner.model.ProvisioningState;
import org.kubenetmigrate.planner.plan.ArmRequest;
import org.kubenetmigrate.planner.plan.Step;

/**
 * What a step may use while it runs: reads of live state with the engine's retry rules, the one way to change the
 * cluster ({@link #updateCluster}: journaled, guarded, never re-sent blindly), the run directory, and events.
 */
public final class StepContext {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Engine engine;
    private final Run run;
    private final Journal journal;
    private final Step step;
    private final RunState state;
    private String summary;
    private boolean sentSomething;

    StepContext(Engine engine, Run run, Journal journal, Step step, RunState state) {
        this.engine = engine;
        this.run = run;
        this.journal = journal;
        this.step = step;
        this.state = state;
    }

    public Run run() {
        return run;
    }

    public ExecutablePlan plan() {
        return run.plan();
    }

    /** The step as planned. */
    public Step step() {
        return step;
    }

    /** What the journal knew about this step when it started. */
    public RunState.StepProgress journaled() {
        return state.step(step.id());
    }

    public RunState runState() {
        return state;
    }

    public EngineSettings settings() {
        return engine.settings();
    }

    public Clock clock() {
        return engine.clock();
    }

    public ClusterOperations azure() {
        return engine.azure();
    }

    /** Kubernetes access to the cluster, or why there is none (see {@link KubeAccessProvider}). */
    public InClusterAccess inCluster() {
        return engine.inCluster(plan());
    }

    /**
     * Records that this step changed something inside the cluster through the Kubernetes API, so that a
     * compensation is not reported as "already in effect".
     */
    public void changedInCluster() {
        changedSomething();
    }

    public Path backupDir() {
        return run.backupDir();
    }

    /** The backup manifest, once the backup step wrote it. */
    public Optional<BackupManifest> backup() {
        try {
            return BackupManifest.read(backupDir());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One line the journal keeps with step-succeeded. */
    public void summary(String text) {
        this.summary = text;
    }

    String summary() {
        return summary;
    }

    /** True once this context sent a mutating request (accepted or not). */
    boolean sentSomething() {
        return sentSomething;
    }

    public void progress(String message) {
        engine.events().on(new EngineEvent.Progress(now(), run.id(), step.id(), message));
    }

    /** Records that the operator accepted {@code accepted} with {@code flag}: journaled, shown, in the audit log. */
    public void operatorAccepted(String flag, String accepted) {
        record(new EngineEvent.OperatorAccepted(now(), run.id(), step.id(), flag, accepted));
    }

    public void notice(String message) {
        engine.events().on(new EngineEvent.Notice(now(), run.id(), step.id(), message));
    }

    public Instant now() {
        return engine.clock().instant();
    }

    /** Waits; an interrupt stops the step (the run can be resumed). */
    public void sleep(Duration duration) throws StepStop {
        if (duration.isNegative() || duration.isZero()) {
            return;
        }
        try {
            engine.sleeper().sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw StepStop.failed("interrupted while waiting", "Resume the run: " + resumeCommand());
        }
    }

    String resumeCommand() {
        return "kubenet-migrate resume " + run.id();
    }

    // ---- reads ----

    public ObservedCluster readCluster() throws StepStop {
        return readWithRetries("the cluster", () -> azure().getCluster(plan().clusterId()));
    }

    /** Reads the cluster, waiting while another operation runs on it (bounded by the idle timeout). */
    public ObservedCluster readClusterWhenIdle() throws StepStop {
        Instant deadline = now().plus(settings().idleTimeout());
        AzureValue<ProvisioningState> lastState = null;
        while (true) {
            ObservedCluster cluster = readCluster();
            if (cluster.idle()) {
                return cluster;
            }
            if (!cluster.provisioningState().equals(lastState)) {
                progress("cluster is " + cluster.provisioningState() + "; waiting for that operation to end");
                lastState = cluster.provisioningState();
            }
            if (!now().isBefore(deadline)) {
                throw StepStop.failed("cluster " + plan().clusterName() + " is still " + cluster.provisioningState()
                        + " after " + human(settings().idleTimeout()) + " (another operation runs on it)",
                        "Wait for it to end (" + plan().aks("show").arg("--query", "provisioningState") + "), then: " + resumeCommand());
            }
            sleep(settings().pollInterval());
        }
    }

    public List<ObservedAgentPool> readAgentPools() throws StepStop {
        return readWithRetries("the agent pools", () -> azure().getAgentPools(plan().clusterId()));
    }

    /** GET a network resource or collection; empty on 404. */
    public Optional<RawResource> read(String path, String apiVersion) throws StepStop {
        return readWithRetries(path, () -> azure().get(path, apiVersion));
    }

    private interface Read<T> {
        T get() throws AzureException;
    }

    private <T> T readWithRetries(String what, Read<T> read) throws StepStop {
        int attempt = 0;
        while (true) {
            attempt++;
            try {
                return read.get();
            } catch (AzureException e) {
                if (e.kind() == AzureException.Kind.NOT_FOUND && what.equals("the cluster")) {
                    throw StepStop.azure("cluster " + plan().clusterId() + " was not found (" + e.getMessage() + ")",
                            e.code(), "Check the subscription and the signed-in identity; the plan names this id.");
                }
                // Budget spent, or a failure that asking again will not change: stop and say why.
                if (attempt >= settings().maxReadAttempts() || !RetryRules.retryRead(e)) {
                    throw StepStop.azure("cannot read " + what + ": " + e.getMessage(), e.code(),
                            e.status() == 403
                                    ? "Grant the signed-in identity read access (Azure RBAC: docs/guide/live-use.md#permissions)."
                                    : "Check access to Azure, then: " + resumeCommand());
                }
                notice("reading " + what + " failed (" + e.getMessage() + "); asking again");
                sleep(e.retryAfter().orElse(settings().pollInterval()));
            }
        }
    }

    // ---- the one way to change the cluster ----

    /** How {@link #updateCluster} ended. */
    public enum UpdateOutcome {
        /** The change was in effect already; nothing was sent. */
        ALREADY_IN_EFFECT,
        /** This run's request made the change (sent now, or followed after a crash). */
        APPLIED
    }

    /**
     * Makes a planned cluster change through {@link GuardedWrite}: read fresh, nothing when in effect, stale-plan
     * guard up to the point of no return, PUT with {@code If-Match}, journal, follow the operation.
     */
    public UpdateOutcome updateCluster(ArmRequest planned) throws StepStop {
        return new GuardedWrite(this).send(planned, RunState.FORWARD,
                plan().beforePointOfNoReturn(step.id()) || step.pointOfNoReturn());
    }

    /** Like {@link #updateCluster}, for a compensation request; no stale-plan guard (undoing is always wanted). */
    public UpdateOutcome compensate(ArmRequest planned) throws StepStop {
        return new GuardedWrite(this).send(planned, RunState.COMPENSATION, false);
    }

    /** The backup's cluster with the merge patches of the run's completed changes applied, in plan order. */
    public JsonNode expectedCluster() throws StepStop {
        Path file = backupDir().resolve(BackupFiles.CLUSTER);
        JsonNode expected;
        try {
            expected = MAPPER.readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw StepStop.failed("cannot read the backup " + file + ": " + e.getMessage()
                    + "; the run cannot check that the cluster is as it left it");
        }
        for (Step done : plan().steps()) {
            if (done.mutating() && state.succeeded(done.id())) {
                expected = MergePatch.apply(expected, MAPPER.valueToTree(done.request().body()));
            }
        }
        return expected;
    }

    /** True when a cluster-changing step of the plan succeeded or had a request accepted in this run. */
    boolean anyChangeMade() {
        return engine.anyChangeMade(state, plan());
    }

    /** Records that a mutating request left this process (accepted or not). */
    void changedSomething() {
        sentSomething = true;
    }

    /** Journals a fact of this step, then tells the listeners (see {@link Engine#record}). */
    void record(EngineEvent.Journaled event) {
        engine.record(journal, event);
    }

    static String human(Duration d) {
        if (d.toHours() > 0 && d.toMinutesPart() == 0 && d.toSecondsPart() == 0) {
            return d.toHours() + "h";
        }
        if (d.toMinutes() > 0 && d.toSecondsPart() == 0) {
            return d.toMinutes() + "m";
        }
        return d.toSeconds() + "s";
    }
}
