package org.kubenetmigrate.executor.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.kubenetmigrate.executor.azure.AzureException;
import org.kubenetmigrate.executor.azure.MergePatch;
import org.kubenetmigrate.executor.azure.ObservedCluster;
import org.kubenetmigrate.executor.azure.OperationHandle;
import org.kubenetmigrate.executor.azure.OperationStatus;
import org.kubenetmigrate.planner.plan.ArmRequest;

/**
 * The one way the executor changes a cluster, step by step: read the cluster fresh, waiting while another operation
 * runs on it; do nothing when the change is in effect; check the stale-plan guard (up to the point of no return);
 * merge the change into the read as an RFC 7386 merge patch and PUT it with {@code If-Match} (the ETag of that
 * read, see {@link IfMatch}); classify a failed send ({@link RetryRules}); journal the operation before waiting;
 * and follow it to its end. After a crash it follows the journaled operation instead of sending anything.
 */
final class GuardedWrite {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final StepContext ctx;

    GuardedWrite(StepContext ctx) {
        this.ctx = ctx;
    }

    /**
     * Makes {@code planned} true on the cluster, or follows the operation the journal holds for it.
     *
     * @param purpose {@link RunState#FORWARD} or {@link RunState#COMPENSATION}
     * @param guard true to apply the stale-plan guard before sending (up to the point of no return)
     */
    public StepContext.UpdateOutcome send(ArmRequest planned, String purpose, boolean guard) throws StepStop {
        if (!ArmRequest.MERGE_INTO_CURRENT.equals(planned.bodyMode()) || planned.body() == null) {
            throw StepStop.failed("step " + ctx.step().id() + ": the executor only sends merge-into-current updates");
        }
        JsonNode patch = MAPPER.valueToTree(planned.body());
        Optional<RunState.SentRequest> pending = ctx.journaled().pendingOperation(purpose);
        if (pending.isPresent()) {
            RunState.SentRequest sent = pending.get();
            ctx.notice("following the operation this run started at " + sent.at() + " instead of sending again: "
                    + Redaction.withoutQuery(sent.operationUrl()));
            // It may have ended long ago (the run was resumed hours later): ask at once instead of after a wait.
            follow(purpose, planned, sent.ifMatch(), sent.at(), OperationHandle.resumed(sent.operationUrl()), true);
            return StepContext.UpdateOutcome.APPLIED;
        }
        int sends = 0;
        boolean sentOnce = false;
        while (true) {
            ObservedCluster current = ctx.readClusterWhenIdle();
            // A Failed cluster may show the desired properties without having them: never decide on it.
            if (current.failed()) {
                throw clusterFailed(current);
            }
            if (MergePatch.isInEffect(current.json(), patch)) {
                if (sentOnce) {
                    ctx.notice("the change is in effect: the request whose outcome was unknown was applied");
                }
                return sentOnce ? StepContext.UpdateOutcome.APPLIED : StepContext.UpdateOutcome.ALREADY_IN_EFFECT;
            }
            if (guard) {
                checkFreshness(current);
            }
            if (sends >= ctx.settings().maxSendAttempts()) {
                throw StepStop.failed("step " + ctx.step().id() + ": sent " + sends + " times without the change taking"
                        + " effect", "Look at the audit log (" + ctx.run().auditFile() + ") and the cluster, then: "
                        + ctx.resumeCommand());
            }
            String ifMatch = ifMatch(planned, current);
            JsonNode body = MergePatch.apply(current.json(), patch);
            sends++;
            ctx.changedSomething();
            Instant sentAt = ctx.now();
            OperationHandle handle;
            try {
                handle = ctx.azure().beginPut(planned.path(), planned.apiVersion(), ifMatch, body);
            } catch (AzureException e) {
                RetryRules.AfterFailedSend next = RetryRules.afterFailedSend(e);
                journalFailedSend(purpose, planned, ifMatch, e, next);
                switch (next) {
                    case RETRY_AFTER_DELAY -> {
                        Duration wait = e.retryAfter().orElse(ctx.settings().pollInterval());
                        ctx.notice("throttled (" + e.getMessage() + "); sending again after "
                                + StepContext.human(wait));
                        ctx.sleep(wait);
                    }
                    case WAIT_THEN_DECIDE -> {
                        ctx.notice("another operation holds the cluster (" + e.getMessage() + "); waiting for it");
                        ctx.sleep(ctx.settings().pollInterval());
                    }
                    case OBSERVE_THEN_DECIDE -> {
                        sentOnce = true;
                        ctx.notice("no usable answer (" + e.getMessage() + "); reading the cluster before deciding"
                                + " whether it was applied");
                    }
                    case STALE -> throw StepStop.stale("step " + ctx.step().id() + ": ARM refused If-Match " + ifMatch
                                    + " (" + e.getMessage() + "): the cluster changed after it was read; nothing was"
                                    + " changed by this request",
                            ArmRequest.ETAG_OF_READ.equals(planned.headers().get("If-Match"))
                                    ? "Resume to re-read and re-check: " + ctx.resumeCommand()
                                    : "The plan's ETag no longer matches: make a new plan and apply it.");
                    case GIVE_UP -> throw StepStop.azure("step " + ctx.step().id() + ": ARM refused the request: "
                            + e.getMessage(), e.code(), AzureErrors.remediation(ctx.plan(), e.code(),
                            !ctx.plan().beforePointOfNoReturn(ctx.step().id())).toArray(String[]::new));
                }
                continue;
            }
            journalSent(purpose, planned, ifMatch, handle);
            follow(purpose, planned, ifMatch, sentAt, handle, false);
            return StepContext.UpdateOutcome.APPLIED;
        }
    }

    private void checkFreshness(ObservedCluster current) throws StepStop {
        if (!ctx.anyChangeMade()) {
            Freshness.checkAgainstPlan(ctx.plan(), current);
        } else {
            Freshness.checkAgainstExpected(ctx.plan(), ctx.expectedCluster(), current);
        }
    }

    private static String ifMatch(ArmRequest planned, ObservedCluster current) {
        return IfMatch.value(planned.headers().get("If-Match"), current.etag());
    }

    private void follow(String purpose, ArmRequest planned, String ifMatch, Instant sentAt, OperationHandle handle,
                        boolean resumed) throws StepStop {
        if (handle.completedSynchronously()) {
            finished(purpose, planned, ifMatch, sentAt, handle, "Succeeded", null, null);
            return;
        }
        Instant deadline = ctx.now().plus(ctx.settings().operationTimeout());
        Duration delay = resumed ? Duration.ZERO : handle.retryAfterHint().orElse(ctx.settings().pollInterval());
        OperationStatus.State last = null;
        while (true) {
            if (!ctx.now().isBefore(deadline)) {
                throw StepStop.failed("step " + ctx.step().id() + ": the operation is still running after "
                                + StepContext.human(ctx.settings().operationTimeout())
                                + "; it continues in Azure (nothing was cancelled)",
                        "Resume follows the same operation again, without sending anything: " + ctx.resumeCommand(),
                        "Or watch it: " + ctx.plan().aks("show").arg("--query", "provisioningState"));
            }
            Duration remaining = Duration.between(ctx.now(), deadline);
            ctx.sleep(delay.compareTo(remaining) < 0 ? delay : remaining);
            OperationStatus status;
            try {
                status = ctx.azure().pollOperation(handle);
            } catch (AzureException e) {
                if (e.kind() == AzureException.Kind.NOT_FOUND) {
                    // The operation record is gone (expired or unknown); the cluster itself shows how it ended.
                    ObservedCluster cluster = ctx.readClusterWhenIdle();
                    finished(purpose, planned, ifMatch, sentAt, handle, "Unknown (cluster "
                            + cluster.provisioningState() + ")", null,
                            "operation not found; outcome read from the cluster");
                    if (cluster.failed()) {
                        throw clusterFailed(cluster);
                    }
                    return;
                }
                if (!RetryRules.retryRead(e)) {
                    throw StepStop.azure("step " + ctx.step().id() + ": cannot read the operation's status: "
                            + e.getMessage(),
                            e.code(), "The operation continues in Azure; once access is fixed: " + ctx.resumeCommand());
                }
                ctx.notice("polling the operation failed (" + e.getMessage() + "); asking again");
                delay = e.retryAfter().orElse(ctx.settings().pollInterval());
                continue;
            }
            if (!status.done()) {
                if (last != status.state()) {
                    ctx.progress("operation " + status.state().name().replace('_', ' ').toLowerCase(Locale.ROOT));
                }
                last = status.state();
                delay = status.retryAfterHint().orElse(ctx.settings().pollInterval());
                continue;
            }
            String result = switch (status.state()) {
                case SUCCEEDED -> "Succeeded";
                case FAILED -> "Failed";
                case CANCELED -> "Canceled";
                case IN_PROGRESS -> throw new IllegalStateException("not done");
            };
            finished(purpose, planned, ifMatch, sentAt, handle, result, status.errorCode(), status.errorMessage());
            if (status.state() == OperationStatus.State.SUCCEEDED) {
                return;
            }
            throw StepStop.azure("step " + ctx.step().id() + ": the operation ended " + result
                            + (status.errorCode() == null ? "" : ": " + status.errorCode())
                            + (status.errorMessage() == null ? "" : ": " + status.errorMessage()),
                    status.errorCode(), AzureErrors.remediation(ctx.plan(), status.errorCode(),
                            !ctx.plan().beforePointOfNoReturn(ctx.step().id())).toArray(String[]::new));
        }
    }

    private StepStop clusterFailed(ObservedCluster cluster) {
        return StepStop.azure("cluster " + ctx.plan().clusterName() + " is in provisioningState "
                + cluster.provisioningState() + ": its last operation failed", null,
                AzureErrors.remediation(ctx.plan(), null, !ctx.plan().beforePointOfNoReturn(ctx.step().id()))
                        .toArray(String[]::new));
    }

    private void journalSent(String purpose, ArmRequest planned, String ifMatch, OperationHandle handle) {
        ctx.record(new EngineEvent.RequestSent(ctx.now(), ctx.run().id(), ctx.step().id(), purpose, planned.method(),
                planned.target(), ifMatch, handle.operationUrl(), handle.requestId(), handle.correlationId()));
    }

    private void journalFailedSend(String purpose, ArmRequest planned, String ifMatch, AzureException e,
                                   RetryRules.AfterFailedSend next) {
        ctx.record(new EngineEvent.RequestFailed(ctx.now(), ctx.run().id(), ctx.step().id(), purpose, planned.method(),
                planned.target(), ifMatch, e.status(), e.code(), e.getMessage(),
                next == RetryRules.AfterFailedSend.OBSERVE_THEN_DECIDE, e.requestId(), e.correlationId()));
    }

    private void finished(String purpose, ArmRequest planned, String ifMatch, Instant sentAt, OperationHandle handle,
                          String result, String code, String message) {
        ctx.record(new EngineEvent.RequestFinished(ctx.now(), ctx.run().id(), ctx.step().id(), purpose,
                planned.method(), planned.target(), ifMatch, sentAt, result, code, message, handle.requestId(), handle.correlationId(),
                handle.operationUrl()));
    }
}
