package org.kubenetmigrate.executor.engine;

import java.time.Instant;
import java.util.Objects;

/**
 * Who holds a cluster's lock: the run, the person and principal, the host and process, since when.
 *
 * @param clusterId the managed cluster's ARM id
 * @param runId the run that holds it
 * @param who the local user
 * @param principal the signed-in Azure principal, or null
 * @param host the host the run was started on
 * @param pid the process that took the lock
 * @param since when it was taken
 */
public record LockHolder(String clusterId, String runId, String who, String principal, String host, long pid,
                         Instant since) {

    public LockHolder {
        Objects.requireNonNull(clusterId, "clusterId");
        Objects.requireNonNull(runId, "runId");
    }

    public static LockHolder of(String clusterId, String runId, Actor actor, Instant since) {
        return new LockHolder(clusterId, runId, actor.user(), actor.principal(), actor.host(), actor.pid(), since);
    }

    /** One line naming the holder, for refusals. */
    public String describe() {
        return "run " + runId + " (" + who + (principal == null ? "" : " as " + principal) + " on " + host
                + ", pid " + pid + ", since " + since + ")";
    }
}
