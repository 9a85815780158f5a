package org.kubenetmigrate.executor.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import org.kubenetmigrate.executor.azure.OperationHandle;
import org.kubenetmigrate.executor.azure.OperationStatus;
import org.kubenetmigrate.executor.azure.RawResource;
import org.kubenetmigrate.executor.plan.ExecutablePlan;
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
        sentSomething = true;
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

    /** Records that the operator accepted {@code accepted} with {@code flag}; shown and kept in the audit log. */
    public void operatorAccepted(String flag, String accepted) {
        engine.events().on(new EngineEvent.OperatorAccepted(now(), run.id(), step.id(), flag, accepted));
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
        String lastState = null;
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
                        "Wait for it to end (az aks show -g " + plan().resourceGroup() + " -n " + plan().clusterName()
                                + " --query provisioningState), then: " + resumeCommand());
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
                            e.status() == 403 ? "Grant the signed-in identity read access (see README, RBAC)."
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
     * Makes a planned cluster change: reads the cluster fresh (waiting while another operation runs), does nothing
     * when the change is in effect, checks the stale-plan guard up to the point of no return, merges the change into
     * the read as an RFC 7386 merge patch, PUTs it with {@code If-Match} (the planned ETag, or the ETag of this very
     * read for {@value ArmRequest#ETAG_OF_READ}), journals the operation URL before waiting, and follows the
     * operation to its end. After a crash it follows the journaled operation instead of sending anything.
     */
    public UpdateOutcome updateCluster(ArmRequest planned) throws StepStop {
        return write(planned, RunState.FORWARD, plan().beforePointOfNoReturn(step.id()) || step.pointOfNoReturn());
    }

    /** Like {@link #updateCluster}, for a compensation request; no stale-plan guard (undoing is always wanted). */
    public UpdateOutcome compensate(ArmRequest planned) throws StepStop {
        return write(planned, RunState.COMPENSATION, false);
    }

    private UpdateOutcome write(ArmRequest planned, String purpose, boolean guard) throws StepStop {
        if (!ArmRequest.MERGE_INTO_CURRENT.equals(planned.bodyMode()) || planned.body() == null) {
            throw StepStop.failed("step " + step.id() + ": the executor only sends merge-into-current updates");
        }
        JsonNode patch = MAPPER.valueToTree(planned.body());
        Optional<RunState.SentRequest> pending = journaled().pendingOperation(purpose);
        if (pending.isPresent()) {
            RunState.SentRequest sent = pending.get();
            notice("following the operation this run started at " + sent.at() + " instead of sending again: "
                    + Redaction.withoutQuery(sent.operationUrl()));
            follow(purpose, planned, sent.ifMatch(), sent.at(), OperationHandle.resumed(sent.operationUrl()));
            return UpdateOutcome.APPLIED;
        }
        int sends = 0;
        boolean sentOnce = false;
        while (true) {
            ObservedCluster current = readClusterWhenIdle();
            // A Failed cluster may show the desired properties without having them: never decide on it.
            if (current.failed()) {
                throw clusterFailed(current);
            }
            if (MergePatch.isInEffect(current.json(), patch)) {
                if (sentOnce) {
                    notice("the change is in effect: the request whose outcome was unknown was applied");
                }
                return sentOnce ? UpdateOutcome.APPLIED : UpdateOutcome.ALREADY_IN_EFFECT;
            }
            if (guard) {
                checkFreshness(current);
            }
            if (sends >= settings().maxSendAttempts()) {
                throw StepStop.failed("step " + step.id() + ": sent " + sends + " times without the change taking"
                        + " effect", "Look at the audit log (" + run.auditFile() + ") and the cluster, then: "
                        + resumeCommand());
            }
            String ifMatch = ifMatch(planned, current);
            JsonNode body = MergePatch.apply(current.json(), patch);
            sends++;
            sentSomething = true;
            Instant sentAt = now();
            OperationHandle handle;
            try {
                handle = azure().beginPut(planned.path(), planned.apiVersion(), ifMatch, body);
            } catch (AzureException e) {
                RetryRules.AfterFailedSend next = RetryRules.afterFailedSend(e);
                journalFailedSend(purpose, planned, ifMatch, e, next);
                switch (next) {
                    case RETRY_AFTER_DELAY -> {
                        Duration wait = e.retryAfter().orElse(settings().pollInterval());
                        notice("throttled (" + e.getMessage() + "); sending again after " + human(wait));
                        sleep(wait);
                    }
                    case WAIT_THEN_DECIDE -> {
                        notice("another operation holds the cluster (" + e.getMessage() + "); waiting for it");
                        sleep(settings().pollInterval());
                    }
                    case OBSERVE_THEN_DECIDE -> {
                        sentOnce = true;
                        notice("no usable answer (" + e.getMessage() + "); reading the cluster before deciding"
                                + " whether it was applied");
                    }
                    case STALE -> throw StepStop.stale("step " + step.id() + ": ARM refused If-Match " + ifMatch
                                    + " (" + e.getMessage() + "): the cluster changed after it was read; nothing was"
                                    + " changed by this request",
                            ArmRequest.ETAG_OF_READ.equals(planned.headers().get("If-Match"))
                                    ? "Resume to re-read and re-check: " + resumeCommand()
                                    : "The plan's ETag no longer matches: make a new plan and apply it.");
                    case GIVE_UP -> throw StepStop.azure("step " + step.id() + ": ARM refused the request: "
                            + e.getMessage(), e.code(), AzureErrors.remediation(plan(), e.code(),
                            !plan().beforePointOfNoReturn(step.id())).toArray(String[]::new));
                }
                continue;
            }
            journalSent(purpose, planned, ifMatch, handle);
            follow(purpose, planned, ifMatch, sentAt, handle);
            return UpdateOutcome.APPLIED;
        }
    }

    private void checkFreshness(ObservedCluster current) throws StepStop {
        if (!engine.anyChangeMade(state, plan())) {
            Freshness.checkAgainstPlan(plan(), current);
        } else {
            Freshness.checkAgainstExpected(plan(), expectedCluster(), current);
        }
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

    private static String ifMatch(ArmRequest planned, ObservedCluster current) {
        String header = planned.headers().get("If-Match");
        if (header == null) {
            return null;
        }
        return ArmRequest.ETAG_OF_READ.equals(header) ? current.etag() : header;
    }

    private void follow(String purpose, ArmRequest planned, String ifMatch, Instant sentAt, OperationHandle handle)
            throws StepStop {
        String url = planned.target();
        if (handle.completedSynchronously()) {
            journalFinished(handle.operationUrl(), "Succeeded", null, null);
            engine.events().on(new EngineEvent.RequestFinished(now(), run.id(), step.id(), purpose, planned.method(),
                    url, ifMatch, sentAt, "Succeeded", null, null, handle.requestId(), handle.correlationId()));
            return;
        }
        Instant deadline = now().plus(settings().operationTimeout());
        Duration delay = handle.retryAfterHint().orElse(settings().pollInterval());
        OperationStatus.State last = null;
        while (true) {
            if (!now().isBefore(deadline)) {
                throw StepStop.failed("step " + step.id() + ": the operation is still running after "
                                + human(settings().operationTimeout()) + "; it continues in Azure (nothing was cancelled)",
                        "Resume follows the same operation again, without sending anything: " + resumeCommand(),
                        "Or watch it: az aks show -g " + plan().resourceGroup() + " -n " + plan().clusterName()
                                + " --query provisioningState");
            }
            Duration remaining = Duration.between(now(), deadline);
            sleep(delay.compareTo(remaining) < 0 ? delay : remaining);
            OperationStatus status;
            try {
                status = azure().pollOperation(handle);
            } catch (AzureException e) {
                if (e.kind() == AzureException.Kind.NOT_FOUND) {
                    // The operation record is gone (expired or unknown); the cluster itself shows how it ended.
                    ObservedCluster cluster = readClusterWhenIdle();
                    String result = cluster.failed() ? "Failed" : "Succeeded";
                    journalFinished(handle.operationUrl(), result, null, "operation not found; outcome read from the cluster");
                    engine.events().on(new EngineEvent.RequestFinished(now(), run.id(), step.id(), purpose,
                            planned.method(), url, ifMatch, sentAt, "Unknown (cluster " + cluster.provisioningState() + ")",
                            null, null, handle.requestId(), handle.correlationId()));
                    if (cluster.failed()) {
                        throw clusterFailed(cluster);
                    }
                    return;
                }
                if (!RetryRules.retryRead(e)) {
                    throw StepStop.azure("step " + step.id() + ": cannot read the operation's status: " + e.getMessage(),
                            e.code(), "The operation continues in Azure; once access is fixed: " + resumeCommand());
                }
                notice("polling the operation failed (" + e.getMessage() + "); asking again");
                delay = e.retryAfter().orElse(settings().pollInterval());
                continue;
            }
            if (!status.done()) {
                if (last != status.state()) {
                    progress("operation " + status.state().name().replace('_', ' ').toLowerCase(java.util.Locale.ROOT));
                }
                last = status.state();
                delay = status.retryAfterHint().orElse(settings().pollInterval());
                continue;
            }
            String result = switch (status.state()) {
                case SUCCEEDED -> "Succeeded";
                case FAILED -> "Failed";
                case CANCELED -> "Canceled";
                case IN_PROGRESS -> throw new IllegalStateException("not done");
            };
            journalFinished(handle.operationUrl(), result, status.errorCode(), status.errorMessage());
            engine.events().on(new EngineEvent.RequestFinished(now(), run.id(), step.id(), purpose, planned.method(),
                    url, ifMatch, sentAt, result, status.errorCode(), status.errorMessage(), handle.requestId(),
                    handle.correlationId()));
            if (status.state() == OperationStatus.State.SUCCEEDED) {
                return;
            }
            throw StepStop.azure("step " + step.id() + ": the operation ended " + result
                            + (status.errorCode() == null ? "" : ": " + status.errorCode())
                            + (status.errorMessage() == null ? "" : ": " + status.errorMessage()),
                    status.errorCode(), AzureErrors.remediation(plan(), status.errorCode(),
                            !plan().beforePointOfNoReturn(step.id())).toArray(String[]::new));
        }
    }

    private StepStop clusterFailed(ObservedCluster cluster) {
        return StepStop.azure("cluster " + plan().clusterName() + " is in provisioningState "
                + cluster.provisioningState() + ": its last operation failed", null,
                AzureErrors.remediation(plan(), null, !plan().beforePointOfNoReturn(step.id())).toArray(String[]::new));
    }

    private void journalSent(String purpose, ArmRequest planned, String ifMatch, OperationHandle handle) {
        ObjectNode f = MAPPER.createObjectNode();
        f.put("purpose", purpose);
        f.put("method", planned.method());
        f.put("url", planned.target());
        f.put("ifMatch", ifMatch);
        f.put("operationUrl", handle.operationUrl());
        f.put("requestId", handle.requestId());
        f.put("correlationId", handle.correlationId());
        f.set("patch", MAPPER.valueToTree(planned.body()));
        append(RecordType.REQUEST_SENT, f);
        engine.events().on(new EngineEvent.RequestSent(now(), run.id(), step.id(), purpose, planned.method(),
                planned.target(), ifMatch, Redaction.withoutQuery(handle.operationUrl()), handle.requestId(),
                handle.correlationId()));
    }

    private void journalFailedSend(String purpose, ArmRequest planned, String ifMatch, AzureException e,
                                   RetryRules.AfterFailedSend next) {
        ObjectNode f = MAPPER.createObjectNode();
        f.put("purpose", purpose);
        f.put("method", planned.method());
        f.put("url", planned.target());
        f.put("ifMatch", ifMatch);
        f.put("status", e.status());
        f.put("code", e.code());
        f.put("error", e.getMessage());
        f.put("mayHaveBeenApplied", next == RetryRules.AfterFailedSend.OBSERVE_THEN_DECIDE);
        f.put("requestId", e.requestId());
        f.put("correlationId", e.correlationId());
        append(RecordType.REQUEST_FAILED, f);
        engine.events().on(new EngineEvent.RequestFinished(now(), run.id(), step.id(), purpose, planned.method(),
                planned.target(), ifMatch, now(), e.status() == 0 ? "NoResponse" : "Rejected (HTTP " + e.status() + ")",
                e.code(), e.armMessage(), e.requestId(), e.correlationId()));
    }

    private void journalFinished(String operationUrl, String status, String code, String message) {
        ObjectNode f = MAPPER.createObjectNode();
        f.put("operationUrl", operationUrl);
        f.put("status", status);
        f.put("errorCode", code);
        f.put("errorMessage", message);
        append(RecordType.OPERATION_FINISHED, f);
    }

    void append(RecordType type, ObjectNode fields) {
        try {
            journal.append(type, step.id(), fields);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the journal " + journal.file() + ": " + e.getMessage(), e);
        }
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
