package org.kubenetmigrate.executor.rollout;

import java.time.Instant;
import java.util.List;

/**
 * {@code rollout status}: the rollout, each stage, group and member, the gates, and honest counts. A stage is
 * {@code Completed} only when every member is; otherwise, once all ended, {@code CompletedWithFailures}.
 */
public record RolloutReport(String name, String status, String reason, Counts counts, List<StageLine> stages,
                            List<GateLine> gates, List<WaitLine> waits,
                            List<RolloutDefinition.NotInRollout> notInRollout) {

    public record Counts(int members, int completed, int failed, int skipped, int stopped, int running, int pending,
                         int notStarted) {
    }

    public record StageLine(String name, String status, String reason, List<GroupLine> groups) {
    }

    public record GroupLine(String name, List<MemberLine> members) {
    }

    /**
     * @param step the step the member's run is at (or stopped at), from its journal
     * @param worker the worker running it, or that ran it last
     */
    public record MemberLine(String cluster, String clusterId, String key, String status, String reason, String runId,
                             String step, String worker, int attempts) {
    }

    /**
     * A stage's after-stage wait.
     *
     * @param status NotStarted (the stage has not ended), Running (until {@code until}), Completed, or Skipped (by
     *               {@code skippedBy} at {@code skippedAt})
     * @param until when it ends or ended; null before the stage ended
     */
    public record WaitLine(String stage, java.time.Duration duration, String status, Instant until, String skippedBy,
                           Instant skippedAt) {
    }

    /** @param status NotStarted, Pending (the rollout reached it) or Completed (approved) */
    public record GateLine(String name, String stage, String position, String status, String approvedBy,
                           Instant approvedAt) {
    }
}
