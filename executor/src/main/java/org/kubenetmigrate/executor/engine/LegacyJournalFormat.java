package org.kubenetmigrate.executor.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * Reads journal lines written before run events were typed: each record type with its own fields, remediation
 * joined by {@code " | "}, the run id only in the first record. Each becomes the event this version journals for the
 * same fact; what the old record did not hold stays null (or 0). Nothing writes this format any more.
 */
final class LegacyJournalFormat {
    private LegacyJournalFormat() {
    }

    static EngineEvent.Journaled decode(RecordType type, Instant t, String stepId, ObjectNode r, String runId)
            throws JournalException {
        String run = text(r, "runId") != null ? text(r, "runId") : runId;
        return switch (type) {
            case RUN_STARTED, RUN_RESUMED -> new EngineEvent.RunStarted(t, run, text(r, "clusterId"), null,
                    text(r, "planId"), text(r, "planFile"), text(r, "who"), type == RecordType.RUN_RESUMED,
                    text(r, "command"), 0, text(r, "host"), r.path("pid").asLong(0), text(r, "operationTimeout"),
                    text(r, "rolloutTimeout"), text(r, "stallAfter"), text(r, "identitySettle"),
                    r.path("skipInClusterChecks").asBoolean(false));
            case STEP_STARTED -> new EngineEvent.StepStarted(t, run, stepId, text(r, "title"), 0, 0,
                    r.path("attempt").asInt(1));
            case REQUEST_SENT -> new EngineEvent.RequestSent(t, run, stepId, text(r, "purpose"), text(r, "method"),
                    text(r, "url"), text(r, "ifMatch"), text(r, "operationUrl"), text(r, "requestId"),
                    text(r, "correlationId"));
            case REQUEST_FAILED -> new EngineEvent.RequestFailed(t, run, stepId, text(r, "purpose"), text(r, "method"),
                    text(r, "url"), text(r, "ifMatch"), r.path("status").asInt(0), text(r, "code"), text(r, "error"),
                    r.path("mayHaveBeenApplied").asBoolean(false), text(r, "requestId"), text(r, "correlationId"));
            case OPERATION_FINISHED -> new EngineEvent.RequestFinished(t, run, stepId, null, null, null, null, null,
                    text(r, "status"), text(r, "errorCode"), text(r, "errorMessage"), null, null,
                    text(r, "operationUrl"));
            case STEP_SUCCEEDED -> new EngineEvent.StepSucceeded(t, run, stepId, r.path("alreadyDone").asBoolean(false),
                    text(r, "summary"));
            case STEP_FAILED -> new EngineEvent.StepFailed(t, run, stepId, text(r, "outcome"), text(r, "problem"),
                    lines(text(r, "remediation")), text(r, "azureCode"));
            case GATE_PENDING -> new EngineEvent.GatePending(t, run, stepId, text(r, "stage"), null, null,
                    r.path("reversible").asBoolean(false), r.path("pointOfNoReturn").asBoolean(false), text(r, "undo"),
                    null);
            case GATE_APPROVED -> new EngineEvent.GateApproved(t, run, stepId, text(r, "by"), text(r, "principal"),
                    text(r, "host"), text(r, "how"));
            case GATE_DECLINED -> new EngineEvent.GateDeclined(t, run, stepId, text(r, "by"));
            case ROLLBACK_STARTED -> new EngineEvent.RollbackStarted(t, run, text(r, "who"));
            case COMPENSATION_STARTED -> new EngineEvent.CompensationStarted(t, run, stepId, text(r, "description"));
            case COMPENSATION_SUCCEEDED -> new EngineEvent.CompensationSucceeded(t, run, stepId,
                    r.path("alreadyDone").asBoolean(false), text(r, "summary"));
            case COMPENSATION_FAILED -> new EngineEvent.CompensationFailed(t, run, stepId, text(r, "problem"),
                    lines(text(r, "remediation")));
            case ROLLBACK_FINISHED -> new EngineEvent.RunFinished(t, run, RunOutcome.ROLLED_BACK, null,
                    "run " + run + " rolled back", lines(text(r, "leftAsIs")));
            case ROLLBACK_REFUSED -> new EngineEvent.RunFinished(t, run, RunOutcome.ROLLBACK_REFUSED, stepId,
                    text(r, "reason"), lines(text(r, "remediation")));
            case RUN_STOPPED -> new EngineEvent.RunStopped(t, run, outcome(r), stepId, text(r, "reason"),
                    lines(text(r, "remediation")));
            case RUN_FINISHED -> new EngineEvent.RunFinished(t, run, RunOutcome.COMPLETED, null,
                    "run " + run + " completed", null);
            case LOCK_RELEASED, OPERATOR_ACCEPTED -> throw new JournalException(type.wireName()
                    + " records exist only in the typed format");
        };
    }

    private static RunOutcome outcome(JsonNode r) throws JournalException {
        try {
            return RunOutcome.valueOf(text(r, "outcome"));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new JournalException("unknown outcome \"" + text(r, "outcome") + "\"");
        }
    }

    /** The old format joined remediation lines with " | "; events keep one per line. */
    private static String lines(String joined) {
        return joined == null || joined.isEmpty() ? null : String.join("\n", joined.split(" \\| "));
    }

    private static String text(JsonNode json, String field) {
        return JournalCodec.text(json, field);
    }
}
