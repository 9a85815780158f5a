package org.kubenetmigrate.executor.engine;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of journal record, with their names in the file (each is one {@link EngineEvent.Journaled}). */
public enum RecordType {
    /** A new run: plan id, cluster, who, the settings. */
    RUN_STARTED("run-started"),
    /** A later session of the same run ({@code resume}, {@code rollback}): who. */
    RUN_RESUMED("run-resumed"),
    /** A step begins (again): attempt number. */
    STEP_STARTED("step-started"),
    /** ARM accepted a mutating request: method, URL, the If-Match used, the operation URL. Written before waiting. */
    REQUEST_SENT("request-sent"),
    /** A mutating request that ARM refused or that got no answer, and whether it may have been applied. */
    REQUEST_FAILED("request-failed"),
    /** The long-running operation of a request ended: Succeeded, Failed (with ARM's code) or Canceled. */
    OPERATION_FINISHED("operation-finished"),
    /** A step is done; {@code alreadyDone} when live state showed it in effect and nothing was sent. */
    STEP_SUCCEEDED("step-succeeded"),
    /** A step stopped: the problem, the remediation, the outcome. */
    STEP_FAILED("step-failed"),
    /** A gate waits for approval before a step. */
    GATE_PENDING("gate-pending"),
    /** A gate was approved: by whom and how (prompt or flag). */
    GATE_APPROVED("gate-approved"),
    /** A person declined at a gate. */
    GATE_DECLINED("gate-declined"),
    /** {@code rollback} began. */
    ROLLBACK_STARTED("rollback-started"),
    COMPENSATION_STARTED("compensation-started"),
    COMPENSATION_SUCCEEDED("compensation-succeeded"),
    COMPENSATION_FAILED("compensation-failed"),
    /** Every compensation ran; the run is over. */
    ROLLBACK_FINISHED("rollback-finished"),
    /** {@code rollback} refused because the point of no return was crossed. */
    ROLLBACK_REFUSED("rollback-refused"),
    /** This session stopped (gate, failure, stale plan, timeout); the run can be resumed. */
    RUN_STOPPED("run-stopped"),
    /** Every step is done; the run is over. */
    RUN_FINISHED("run-finished"),
    /** The cluster lock was released although the run is not over: the run had changed nothing. */
    LOCK_RELEASED("lock-released"),
    /** The operator accepted a risk with a flag ({@code --skip-in-cluster-checks}). */
    OPERATOR_ACCEPTED("operator-accepted");

    private final String wireName;

    RecordType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<RecordType> of(String wireName) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(wireName)).findFirst();
    }
}
