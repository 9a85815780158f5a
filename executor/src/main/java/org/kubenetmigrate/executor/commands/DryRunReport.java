package org.kubenetmigrate.executor.commands;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.kubenetmigrate.executor.engine.RunOutcome;

/**
 * What {@code apply --dry-run} found and would send. Nothing was sent.
 *
 * @param outcome DRY_RUN when the plan could be applied now, STALE_PLAN or STEP_FAILED (blockers) otherwise
 * @param problems why not, one line each
 * @param readiness the live readiness verdict, or null when it was not reached
 * @param requests every step in order with what it would do
 */
public record DryRunReport(String planId, String planFile, String clusterId, String clusterName, RunOutcome outcome,
                           List<String> problems, String readiness, List<Entry> requests) {

    public DryRunReport {
        problems = List.copyOf(problems);
        requests = List.copyOf(requests);
    }

    /**
     * @param action "read" (reads only), "skip" (already in effect), "send", or "kubernetes" (changes objects
     *               inside the cluster through the Kubernetes API; the note says which)
     * @param gate "approval", "point-of-no-return" or null
     * @param method the HTTP method, for "send"
     * @param url the path with api-version, for "send" and "read"
     * @param ifMatch the If-Match value it would carry ({@code {etag-of-read}} resolved where known), for "send"
     * @param body the full JSON body after the merge, secrets redacted, for "send"
     */
    public record Entry(String stepId, String title, String action, String gate, String method, String url,
                        String ifMatch, JsonNode body, String note) {
    }

    public long mutatingRequests() {
        return requests.stream().filter(r -> r.action().equals("send")).count();
    }
}
