package org.kubenetmigrate.executor.engine;

import java.time.Instant;

/**
 * What the engine tells its listeners (terminal, JSON lines, audit log). The facts of a run are {@link Journaled}:
 * the journal persists exactly these objects (see {@link JournalCodec}) and listeners receive the same object once
 * it is on disk, so each fact has one encoding. {@link Progress} and {@link Notice} are said, not journaled. No
 * event carries a request body, a token or a key; operation URLs are journaled whole (they are polled after a
 * crash) and shown without their query string.
 */
public sealed interface EngineEvent {

    Instant time();

    String runId();

    /** Wire name of the event type, as in the JSON-lines output. */
    default String type() {
        String simple = getClass().getSimpleName();
        return simple.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * Hands this event to the visitor's method for its type. Every event type implements it by calling
     * {@code visitor.visit(this)}, which compiles only when {@link Visitor} has a method for that type; and every
     * renderer written as a {@link Visitor} must then implement it. So a new event type cannot be silently missed by
     * the text or the JSON renderer: it does not compile until each decides what it shows. (Java 17 has no
     * exhaustive {@code switch} over a sealed interface; this is its stand-in.)
     */
    <R> R accept(Visitor<R> visitor);

    /** One method per event type; see {@link #accept}. */
    interface Visitor<R> {
        R visit(RunStarted event);
        R visit(StepStarted event);
        R visit(StepSucceeded event);
        R visit(StepFailed event);
        R visit(GatePending event);
        R visit(GateApproved event);
        R visit(GateDeclined event);
        R visit(RequestSent event);
        R visit(RequestFailed event);
        R visit(RequestFinished event);
        R visit(Progress event);
        R visit(OperatorAccepted event);
        R visit(Notice event);
        R visit(RollbackStarted event);
        R visit(CompensationStarted event);
        R visit(CompensationSucceeded event);
        R visit(CompensationFailed event);
        R visit(RunStopped event);
        R visit(RunFinished event);
        R visit(LockReleased event);
    }

    /**
     * A fact of the run: written to the journal (and forced to disk) before any listener sees it or the engine acts
     * on it.
     */
    sealed interface Journaled extends EngineEvent {
        /** The step it concerns, or null for run-level facts. */
        default String stepId() {
            return null;
        }

        /** The journal's name for it. */
        RecordType recordType();
    }

    /**
     * A session of the run began: {@code apply} ({@code resumed} false) or {@code resume}/{@code rollback}.
     *
     * @param session the command
     * @param who the person (and the signed-in principal), as recorded with approvals
     * @param skipInClusterChecks the operator's explicit acceptance of {@code --skip-in-cluster-checks}, kept with
     *                            the session that gave it
     */
    record RunStarted(Instant time, String runId, String clusterId, String clusterName, String planId,
                      String planFile, String who, boolean resumed, String session, int steps, String host, long pid,
                      String operationTimeout, String rolloutTimeout, String stallAfter, String identitySettle,
                      boolean skipInClusterChecks) implements Journaled {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

        @Override
        public RecordType recordType() {
            return resumed ? RecordType.RUN_RESUMED : RecordType.RUN_STARTED;
        }
    }

    record StepStarted(Instant time, String runId, String stepId, String title, int index, int total, int attempt)
            implements Journaled {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

        @Override
        public RecordType recordType() {
            return RecordType.STEP_STARTED;
        }
    }

    /** @param alreadyDone true when live state showed the step in effect and nothing was sent */
    record StepSucceeded(Instant time, String runId, String stepId, boolean alreadyDone, String summary)
            implements Journaled {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

        @Override
        public RecordType recordType() {
            return RecordType.STEP_SUCCEEDED;
        }
    }

    /** @param azureCode ARM's error code, when Azure refused or failed */
    record StepFailed(Instant time, String runId, String stepId, String outcome, String problem, String remediation,
                      String azureCode) implements Journaled {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

        @Override
        public RecordType recordType() {
            return RecordType.STEP_FAILED;
        }
    }

    /**
     * @param undo how the step is undone, or why it cannot be
     * @param request the request it will send, one line (method, URL, If-Match), or null
     */
    record GatePending(Instant time, String runId, String stepId, String stageId, String title, String description,
                       boolean reversible, boolean pointOfNoReturn, String undo, String request) implements Journaled {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

        @Override
        public RecordType recordType() {
            return RecordType.GATE_PENDING;
        }
    }

    /**
     * @param by the person, with the signed-in principal when it differs
     * @param principal the signed-in principal, or null
     * @param host the machine the approval came from
     * @param how {@code prompt}, or the flag that approved it
     */
    record GateApproved(Instant time, String runId, String stepId, String by, String principal, String host,
                        String how) implements Journaled {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

        @Override
        public RecordType recordType() {
            return RecordType.GATE_APPROVED;
        }
    }

    record GateDeclined(Instant time, String runId, String stepId, String by) implements Journaled {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

        @Override
        public RecordType recordType() {
            return RecordType.GATE_DECLINED;
        }
    }

    /**
     * A mutating request ARM accepted; journaled before waiting for it.
     *
     * @param operationUrl the URL to poll, whole (null when the request completed at once)
     */
    record RequestSent(Instant time, String runId, String stepId, String purpose, String method, String url,
                       String ifMatch, String operationUrl, String requestId, String correlationId)
            implements Journaled {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

        /** The operation URL without its query string, for people. */
        public String operation() {
            return Redaction.withoutQuery(operationUrl);
        }

        @Override
        public RecordType recordType() {
            return RecordType.REQUEST_SENT;
        }
    }

    /**
     * A mutating request that ARM refused or that got no answer.
     *
     * @param status the HTTP status, 0 when no answer came
     * @param error the failure, one line
     * @param mayHaveBeenApplied true when no usable answer came: the cluster decides whether it was applied
     */
    record RequestFailed(Instant time, String runId, String stepId, String purpose, String method, String url,
                         String ifMatch, int status, String code, String error, boolean mayHaveBeenApplied,
                         String requestId, String correlationId) implements Journaled {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

        /** NoResponse, or Rejected (HTTP status). */
        public String result() {
            return status == 0 ? "NoResponse" : "Rejected (HTTP " + status + ")";
        }

        @Override
        public RecordType recordType() {
            return RecordType.REQUEST_FAILED;
        }
    }

    /**
     * The operation of an accepted request ended (or, for a request that completed at once, the request).
     *
     * @param result Succeeded, Failed, Canceled, or Unknown (the operation record was gone; the outcome was read
     *               from the cluster)
     * @param operationUrl the operation polled, whole, or null
     */
    record RequestFinished(Instant time, String runId, String stepId, String purpose, String method, String url,
                           String ifMatch, Instant sentAt, String result, String errorCode, String errorMessage,
                           String requestId, String correlationId, String operationUrl) implements Journaled {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

        @Override
        public RecordType recordType() {
            return RecordType.OPERATION_FINISHED;
        }
    }

    /** Something moved (an operation's state, a pool's state). */
    record Progress(Instant time, String runId, String stepId, String message) implements EngineEvent {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * The operator accepted a risk explicitly with a flag (e.g. {@code --skip-in-cluster-checks}): what was accepted.
     * The journal and the audit log keep it; the step's journal summary says it too.
     */
    record OperatorAccepted(Instant time, String runId, String stepId, String flag, String accepted)
            implements Journaled {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

        @Override
        public RecordType recordType() {
            return RecordType.OPERATOR_ACCEPTED;
        }
    }

    /** Something a person should know (a stall, a retry, a check that could not run). */
    record Notice(Instant time, String runId, String stepId, String message) implements EngineEvent {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /** {@code rollback} began undoing the run's steps. */
    record RollbackStarted(Instant time, String runId, String who) implements Journaled {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

        @Override
        public RecordType recordType() {
            return RecordType.ROLLBACK_STARTED;
        }
    }

    record CompensationStarted(Instant time, String runId, String stepId, String description) implements Journaled {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

        @Override
        public RecordType recordType() {
            return RecordType.COMPENSATION_STARTED;
        }
    }

    /** @param alreadyDone true when nothing had to be sent (the step was undone already) */
    record CompensationSucceeded(Instant time, String runId, String stepId, boolean alreadyDone, String summary)
            implements Journaled {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

        @Override
        public RecordType recordType() {
            return RecordType.COMPENSATION_SUCCEEDED;
        }
    }

    record CompensationFailed(Instant time, String runId, String stepId, String problem, String remediation)
            implements Journaled {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

        @Override
        public RecordType recordType() {
            return RecordType.COMPENSATION_FAILED;
        }
    }

    /** This session stopped; the run can continue with resume (or rollback). */
    record RunStopped(Instant time, String runId, RunOutcome outcome, String stepId, String reason,
                      String remediation) implements Journaled {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

        @Override
        public RecordType recordType() {
            return RecordType.RUN_STOPPED;
        }
    }

    /**
     * The command ended: completed, rolled back, or refused a rollback.
     *
     * @param stepId the point of no return, for a refused rollback; else null
     * @param remediation what to do next (roll forward; steps left as they are), or null
     */
    record RunFinished(Instant time, String runId, RunOutcome outcome, String stepId, String message,
                       String remediation) implements Journaled {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

        @Override
        public RecordType recordType() {
            return switch (outcome) {
                case ROLLED_BACK -> RecordType.ROLLBACK_FINISHED;
                case ROLLBACK_REFUSED -> RecordType.ROLLBACK_REFUSED;
                default -> RecordType.RUN_FINISHED;
            };
        }
    }

    /** The cluster lock was let go while the run is not over: it had changed nothing. */
    record LockReleased(Instant time, String runId, String clusterId, String reason) implements Journaled {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

        @Override
        public RecordType recordType() {
            return RecordType.LOCK_RELEASED;
        }
    }
}
