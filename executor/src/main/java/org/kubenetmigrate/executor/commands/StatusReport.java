package org.kubenetmigrate.executor.commands;

import java.time.Instant;
import java.util.List;

/**
 * What {@code status} shows: every run in the state directory, or one run step by step.
 *
 * @param runs one line per run (all of them, or the one asked for)
 * @param detail the steps of the run asked for, or null
 */
public record StatusReport(List<RunLine> runs, RunDetail detail) {

    public StatusReport {
        runs = List.copyOf(runs);
    }

    /**
     * @param phase not-started, active (or crashed), stopped, finished, rolled-back
     * @param at the step the run is at (in flight, waiting at its gate, failed, or next), or null
     * @param lockHolder who holds the cluster's lock, or null
     */
    public record RunLine(String runId, String clusterId, String clusterName, String phase, String at,
                          String atStatus, Instant startedAt, String startedBy, Instant updatedAt, String lockHolder) {
    }

    /**
     * @param steps every step of the plan in order
     * @param stopReason why the last session stopped, or null
     * @param stopRemediation what to do about it (lines separated by " | "), or null
     * @param tornTail the incomplete last journal record that was ignored, or null
     * @param journalRecords how many journal records there are
     * @param identitySettlesAt when a run waiting in settle-identity may go on, or null
     */
    public record RunDetail(String runId, String planId, String planFile, List<StepLine> steps, String stopReason,
                            String stopRemediation, String tornTail, int journalRecords, Instant identitySettlesAt) {
        public RunDetail {
            steps = List.copyOf(steps);
        }
    }

    /**
     * @param status pending, waiting-for-approval, in-flight, succeeded, failed, compensated, compensation-failed
     * @param approval who approved its gate and how, or null
     * @param lastRequest the last mutating request (method, URL, If-Match, operation, result), or null
     * @param problem why it failed, or null
     */
    public record StepLine(String stepId, String stage, String title, String status, boolean requiresApproval,
                           boolean pointOfNoReturn, boolean reversible, int attempts, String approval,
                           String lastRequest, String problem, String remediation) {
    }
}
