package org.kubenetmigrate.executor.rollout;

import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The rollout's mutable state, one document replaced only by compare-and-swap on its ETag: each member's status
 * and worker, the approved gates, and whether the rollout was stopped. Every worker decides from the board it
 * read and writes its decision back with {@code If-Match}; a worker that loses the race reads again and decides
 * again, so limits hold across any number of workers.
 */
public record Board(int version, boolean stopped, String stoppedBy, Map<String, Approval> approvals,
                    Map<String, MemberState> members) {

    public Board {
        approvals = Map.copyOf(approvals);
        members = Map.copyOf(members);
    }

    public record Approval(String by, Instant at) {
    }

    /** A member's status as the board keeps it (the Fleet Manager state names). */
    public enum Status {
        NOT_STARTED("NotStarted"), RUNNING("Running"), PENDING("Pending"), COMPLETED("Completed"), FAILED("Failed"),
        SKIPPED("Skipped"), STOPPED("Stopped");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        @JsonValue
        public String label() {
            return label;
        }

        /** Ended: nothing more happens to the member unless a person retries it. */
        public boolean ended() {
            return this == COMPLETED || this == FAILED || this == SKIPPED || this == STOPPED;
        }
    }

    /**
     * @param worker the worker running it (Running) or that ran it last
     * @param since when it entered this status
     * @param message why it is Pending, Failed or Skipped, or how it ended
     * @param attempts how many times a worker claimed it
     * @param notBefore a not-started member is held until then (its cluster's maintenance window opens), or null
     * @param retryFrom set by {@code rollout retry}: the length of the member's journal when a person asked for its
     *                  stopped run to continue. Until a worker writes the member's outcome, a worker that takes the
     *                  member over finds the journal still that long, knows the retry never began, and begins it
     *                  (rather than reporting the old stop again). Null otherwise.
     */
    public record MemberState(Status status, String worker, Instant since, String message, int attempts,
                              Instant notBefore, Long retryFrom) {
        public MemberState(Status status, String worker, Instant since, String message, int attempts) {
            this(status, worker, since, message, attempts, null, null);
        }

        /** A new status; a retry request ends with the outcome it asked for. */
        public MemberState with(Status newStatus, String byWorker, Instant at, String why) {
            return new MemberState(newStatus, byWorker, at, why, attempts, null, null);
        }

        /** Claimed by a worker: Running, one more attempt; a pending retry request travels with the claim. */
        public MemberState claimed(String byWorker, Instant at, String why, int attemptsNow) {
            return new MemberState(Status.RUNNING, byWorker, at, why, attemptsNow, null, retryFrom);
        }

        /** Sent back to NotStarted by {@code rollout retry}, with the journal's length at that moment. */
        public MemberState retried(Instant at, String why, long journalLength) {
            return new MemberState(Status.NOT_STARTED, worker, at, why, attempts, null, journalLength);
        }

        /** Not started, held until {@code until}. */
        public MemberState heldUntil(Instant until, String why) {
            return new MemberState(Status.NOT_STARTED, worker, since, why, attempts, until, retryFrom);
        }

        /**
         * Stopped at a safe boundary of its run (the gate before a disruptive step) because its maintenance window
         * closed; in flight still (it counts against concurrency), continued by a worker once {@code until} passed.
         */
        public MemberState pendingUntil(Instant until, String byWorker, Instant at, String why) {
            return new MemberState(Status.PENDING, byWorker, at, why, attempts, until, retryFrom);
        }

        /** Held (not started, or pending at a boundary) until a time still ahead. */
        public boolean held(Instant now) {
            return (status == Status.NOT_STARTED || status == Status.PENDING) && notBefore != null
                    && now.isBefore(notBefore);
        }

        /** Pending at a boundary for its window, and the window's opening has come: a worker continues it. */
        public boolean holdOver(Instant now) {
            return status == Status.PENDING && notBefore != null && !now.isBefore(notBefore);
        }
    }

    public MemberState member(String key) {
        return members.get(key);
    }

    public Board withMember(String key, MemberState state) {
        Map<String, MemberState> next = new LinkedHashMap<>(members);
        next.put(key, state);
        return new Board(version, stopped, stoppedBy, approvals, next);
    }

    public Board withApproval(String gate, Approval approval) {
        Map<String, Approval> next = new LinkedHashMap<>(approvals);
        next.put(gate, approval);
        return new Board(version, stopped, stoppedBy, next, members);
    }

    public Board withStopped(String by) {
        return new Board(version, true, by, approvals, members);
    }
}
