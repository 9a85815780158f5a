package org.kubenetmigrate.executor.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kubenetmigrate.executor.plan.ExecutablePlan;
import org.kubenetmigrate.planner.plan.Step;

/**
 * What the journal says about a run, replayed record by record: where the run is, and per step its status,
 * attempts, approval and the requests it sent. Pure: the same records give the same state.
 */
public final class RunState {

    public enum Phase { NOT_STARTED, ACTIVE, STOPPED, FINISHED, ROLLED_BACK }

    public enum StepStatus { PENDING, IN_FLIGHT, SUCCEEDED, FAILED }

    public enum CompensationStatus { NONE, IN_FLIGHT, SUCCEEDED, FAILED }

    /** Forward requests make the step's change; compensation requests undo it. */
    public static final String FORWARD = "forward";
    public static final String COMPENSATION = "compensation";

    /**
     * A mutating request as journaled.
     *
     * @param result null while its operation has not been seen to end; else Succeeded, Failed, Canceled, or the
     *               refusal of a request that ARM did not accept
     */
    public record SentRequest(String purpose, String method, String url, String ifMatch, String operationUrl,
                              Instant at, String requestId, String correlationId, String result) {
        public boolean pending() {
            return result == null && operationUrl != null;
        }
    }

    /** One step as the journal knows it. */
    public static final class StepProgress {
        private final String stepId;
        private StepStatus status = StepStatus.PENDING;
        private int attempts;
        private boolean alreadyDone;
        private String summary;
        private String approvedBy;
        private String approvedHow;
        private boolean gatePending;
        private String problem;
        private String remediation;
        private CompensationStatus compensation = CompensationStatus.NONE;
        private final List<SentRequest> requests = new ArrayList<>();

        StepProgress(String stepId) {
            this.stepId = stepId;
        }

        public String stepId() {
            return stepId;
        }

        public StepStatus status() {
            return status;
        }

        public int attempts() {
            return attempts;
        }

        public boolean alreadyDone() {
            return alreadyDone;
        }

        public String summary() {
            return summary;
        }

        public boolean approved() {
            return approvedBy != null;
        }

        public String approvedBy() {
            return approvedBy;
        }

        public String approvedHow() {
            return approvedHow;
        }

        public boolean gatePending() {
            return gatePending;
        }

        public String problem() {
            return problem;
        }

        public String remediation() {
            return remediation;
        }

        public CompensationStatus compensation() {
            return compensation;
        }

        public List<SentRequest> requests() {
            return Collections.unmodifiableList(requests);
        }

        /** True once the step was started: something may have been sent. */
        public boolean started() {
            return attempts > 0;
        }

        /** The operation of the last request of that purpose, if it was accepted and not yet seen to end. */
        public Optional<SentRequest> pendingOperation(String purpose) {
            for (int i = requests.size() - 1; i >= 0; i--) {
                SentRequest r = requests.get(i);
                if (r.purpose().equals(purpose)) {
                    return r.pending() ? Optional.of(r) : Optional.empty();
                }
            }
            return Optional.empty();
        }

        /** True when a request of this purpose was accepted by ARM at least once. */
        public boolean sent(String purpose) {
            return requests.stream().anyMatch(r -> r.purpose().equals(purpose)
                    && (r.operationUrl() != null || "Succeeded".equals(r.result())));
        }
    }

    private final List<JournalRecord> records;
    private final Map<String, StepProgress> steps = new LinkedHashMap<>();
    private Phase phase = Phase.NOT_STARTED;
    private boolean rollbackStarted;
    private String runId;
    private String planId;
    private String clusterId;
    private Instant startedAt;
    private String startedBy;
    private Instant updatedAt;
    private String stopOutcome;
    private String stopReason;
    private String stopRemediation;
    private boolean lockReleased;

    private RunState(List<JournalRecord> records) {
        this.records = List.copyOf(records);
    }

    public static RunState replay(List<JournalRecord> records) {
        RunState state = new RunState(records);
        records.forEach(state::apply);
        return state;
    }

    private void apply(JournalRecord record) {
        EngineEvent.Journaled e = record.event();
        updatedAt = e.time();
        StepProgress step = e.stepId() == null ? null : steps.computeIfAbsent(e.stepId(), StepProgress::new);
        if (e instanceof EngineEvent.RunStarted r) {
            lockReleased = false;
            if (!r.resumed()) {
                runId = r.runId();
                planId = r.planId();
                clusterId = r.clusterId();
                startedAt = r.time();
                startedBy = r.who();
                phase = Phase.ACTIVE;
            } else {
                phase = phase == Phase.ROLLED_BACK || phase == Phase.FINISHED ? phase : Phase.ACTIVE;
            }
        } else if (e instanceof EngineEvent.StepStarted) {
            step.status = StepStatus.IN_FLIGHT;
            step.attempts++;
            step.gatePending = false;
        } else if (e instanceof EngineEvent.RequestSent r) {
            step.requests.add(new SentRequest(r.purpose(), r.method(), r.url(), r.ifMatch(), r.operationUrl(), r.time(),
                    r.requestId(), r.correlationId(), r.operationUrl() == null ? "Succeeded" : null));
        } else if (e instanceof EngineEvent.RequestFailed r) {
            step.requests.add(new SentRequest(r.purpose(), r.method(), r.url(), r.ifMatch(), null, r.time(),
                    r.requestId(), r.correlationId(), "not accepted: " + r.error()));
        } else if (e instanceof EngineEvent.RequestFinished r) {
            finishOperation(step, r.operationUrl(), r.result());
        } else if (e instanceof EngineEvent.StepSucceeded r) {
            step.status = StepStatus.SUCCEEDED;
            step.alreadyDone = r.alreadyDone();
            step.summary = r.summary();
            step.problem = null;
            step.remediation = null;
        } else if (e instanceof EngineEvent.StepFailed r) {
            step.status = StepStatus.FAILED;
            step.problem = r.problem();
            step.remediation = r.remediation();
        } else if (e instanceof EngineEvent.GatePending || e instanceof EngineEvent.GateDeclined) {
            step.gatePending = true;
        } else if (e instanceof EngineEvent.GateApproved r) {
            step.approvedBy = r.by();
            step.approvedHow = r.how();
            step.gatePending = false;
        } else if (e instanceof EngineEvent.RollbackStarted) {
            rollbackStarted = true;
            phase = Phase.ACTIVE;
        } else if (e instanceof EngineEvent.CompensationStarted) {
            step.compensation = CompensationStatus.IN_FLIGHT;
        } else if (e instanceof EngineEvent.CompensationSucceeded) {
            step.compensation = CompensationStatus.SUCCEEDED;
        } else if (e instanceof EngineEvent.CompensationFailed r) {
            step.compensation = CompensationStatus.FAILED;
            step.problem = r.problem();
            step.remediation = r.remediation();
        } else if (e instanceof EngineEvent.RunStopped r) {
            stopped(r.outcome().name(), r.reason(), r.remediation());
        } else if (e instanceof EngineEvent.RunFinished r) {
            switch (r.outcome()) {
                case ROLLED_BACK -> phase = Phase.ROLLED_BACK;
                case ROLLBACK_REFUSED -> stopped(r.outcome().name(), r.message(), r.remediation());
                default -> phase = Phase.FINISHED;
            }
        } else if (e instanceof EngineEvent.LockReleased) {
            lockReleased = true;
        }
    }

    private void stopped(String outcome, String reason, String remediation) {
        phase = phase == Phase.ROLLED_BACK || phase == Phase.FINISHED ? phase : Phase.STOPPED;
        stopOutcome = outcome;
        stopReason = reason;
        stopRemediation = remediation;
    }

    private static void finishOperation(StepProgress step, String operationUrl, String status) {
        for (int i = step.requests.size() - 1; i >= 0; i--) {
            SentRequest r = step.requests.get(i);
            if (r.result() == null && (operationUrl == null || operationUrl.equals(r.operationUrl()))) {
                step.requests.set(i, new SentRequest(r.purpose(), r.method(), r.url(), r.ifMatch(), r.operationUrl(),
                        r.at(), r.requestId(), r.correlationId(), status));
                return;
            }
        }
    }

    public List<JournalRecord> records() {
        return records;
    }

    public Phase phase() {
        return phase;
    }

    public boolean rollbackStarted() {
        return rollbackStarted;
    }

    public String runId() {
        return runId;
    }

    public String planId() {
        return planId;
    }

    public String clusterId() {
        return clusterId;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public String startedBy() {
        return startedBy;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public String stopOutcome() {
        return stopOutcome;
    }

    public String stopReason() {
        return stopReason;
    }

    /** What to do next, one instruction per line. */
    public String stopRemediation() {
        return stopRemediation;
    }

    /** True when a session let go of the cluster lock before the run was over (it had changed nothing). */
    public boolean lockReleased() {
        return lockReleased;
    }

    /** The step as the journal knows it (PENDING when never mentioned). */
    public StepProgress step(String stepId) {
        return steps.getOrDefault(stepId, new StepProgress(stepId));
    }

    public boolean succeeded(String stepId) {
        return step(stepId).status() == StepStatus.SUCCEEDED;
    }

    /**
     * True while the run has changed nothing: no step that changes the cluster (through ARM or inside it) was
     * started, no request was sent or attempted, no compensation began. Such a run holds nothing worth a lock.
     */
    public boolean changedNothing(ExecutablePlan plan) {
        for (Step s : plan.steps()) {
            StepProgress progress = step(s.id());
            if ((s.mutating() || s.changesCluster()) && progress.started()) {
                return false;
            }
        }
        return steps.values().stream().allMatch(p -> p.requests.isEmpty()
                && p.compensation == CompensationStatus.NONE);
    }
}
