package org.kubenetmigrate.executor.engine;

import java.time.Instant;

/**
 * What the engine tells its listeners (terminal, JSON lines, audit log). Events follow the journal: a journaled
 * fact is emitted after it is on disk. No event carries a request body, a token or a key.
 */
public sealed interface EngineEvent {

    Instant time();

    String runId();

    /** Wire name of the event type, as in the JSON-lines output. */
    default String type() {
        String simple = getClass().getSimpleName();
        return simple.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    record RunStarted(Instant time, String runId, String clusterId, String clusterName, String planId,
                      String planFile, String who, boolean resumed, String session, int steps) implements EngineEvent {
    }

    record StepStarted(Instant time, String runId, String stepId, String title, int index, int total, int attempt)
            implements EngineEvent {
    }

    /** @param alreadyDone true when live state showed the step in effect and nothing was sent */
    record StepSucceeded(Instant time, String runId, String stepId, boolean alreadyDone, String summary)
            implements EngineEvent {
    }

    record StepFailed(Instant time, String runId, String stepId, String outcome, String problem, String remediation)
            implements EngineEvent {
    }

    /**
     * @param undo how the step is undone, or why it cannot be
     * @param request the request it will send, one line (method, URL, If-Match), or null
     */
    record GatePending(Instant time, String runId, String stepId, String stageId, String title, String description,
                       boolean reversible, boolean pointOfNoReturn, String undo, String request) implements EngineEvent {
    }

    record GateApproved(Instant time, String runId, String stepId, String by, String how) implements EngineEvent {
    }

    record GateDeclined(Instant time, String runId, String stepId, String by) implements EngineEvent {
    }

    /** A mutating request ARM accepted. {@code operation} is the operation URL without its query string. */
    record RequestSent(Instant time, String runId, String stepId, String purpose, String method, String url,
                       String ifMatch, String operation, String requestId, String correlationId) implements EngineEvent {
    }

    /**
     * The end of one mutating request: its operation finished, or ARM refused it, or it got no answer.
     *
     * @param result Succeeded, Failed, Canceled, Rejected (HTTP status), NoResponse, or Unknown (the outcome was
     *               only seen on the cluster)
     */
    record RequestFinished(Instant time, String runId, String stepId, String purpose, String method, String url,
                           String ifMatch, Instant sentAt, String result, String errorCode, String errorMessage,
                           String requestId, String correlationId) implements EngineEvent {
    }

    /** Something moved (an operation's state, a pool's state). */
    record Progress(Instant time, String runId, String stepId, String message) implements EngineEvent {
    }

    /** Something a person should know (a stall, a retry, a check that could not run). */
    /**
     * The operator accepted a risk explicitly with a flag (e.g. {@code --skip-in-cluster-checks}): what was accepted.
     * The audit log keeps it; the step's journal summary says it too.
     */
    record OperatorAccepted(Instant time, String runId, String stepId, String flag, String accepted)
            implements EngineEvent {
    }

    record Notice(Instant time, String runId, String stepId, String message) implements EngineEvent {
    }

    record CompensationStarted(Instant time, String runId, String stepId, String description) implements EngineEvent {
    }

    record CompensationSucceeded(Instant time, String runId, String stepId, boolean alreadyDone)
            implements EngineEvent {
    }

    record CompensationFailed(Instant time, String runId, String stepId, String problem, String remediation)
            implements EngineEvent {
    }

    /** This session stopped; the run can continue with resume (or rollback). */
    record RunStopped(Instant time, String runId, RunOutcome outcome, String stepId, String reason,
                      String remediation) implements EngineEvent {
    }

    /** The command ended: completed, rolled back, or refused a rollback. */
    record RunFinished(Instant time, String runId, RunOutcome outcome, String message) implements EngineEvent {
    }
}
