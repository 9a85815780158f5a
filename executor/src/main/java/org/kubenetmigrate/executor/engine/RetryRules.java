package org.kubenetmigrate.executor.engine;

import org.kubenetmigrate.executor.azure.AzureException;

/**
 * When the engine may ask ARM again, each rule with why (OkHttp's RetryAndFollowUpInterceptor style). The engine
 * never re-sends a change blindly: when a change may have been applied, it looks at the cluster first.
 */
final class RetryRules {
    private RetryRules() {
    }

    /** What to do after a PUT that did not come back accepted. */
    enum AfterFailedSend {
        /** Wait for {@code Retry-After}, then send the same request. */
        RETRY_AFTER_DELAY,
        /** Wait until no operation runs on the cluster, then decide again from a fresh read. */
        WAIT_THEN_DECIDE,
        /** Read the cluster and decide again: it may or may not have been applied. */
        OBSERVE_THEN_DECIDE,
        /** The cluster is not the one the change was decided on. */
        STALE,
        /** Stop and show ARM's error. */
        GIVE_UP
    }

    static AfterFailedSend afterFailedSend(AzureException e) {
        return switch (e.kind()) {
            // ARM answers 429 before acting on a request, so the same request may go again after Retry-After.
            case THROTTLED -> AfterFailedSend.RETRY_AFTER_DELAY;
            // The ETag moved between our read and our write: what the change was decided on no longer holds.
            case PRECONDITION_FAILED -> AfterFailedSend.STALE;
            // Another operation holds the cluster and ours was not applied: wait for it, then look again.
            case CONFLICT -> AfterFailedSend.WAIT_THEN_DECIDE;
            // The request may have been applied (the answer was lost or the server failed mid-way): look first.
            case SERVER_ERROR, TRANSPORT -> AfterFailedSend.OBSERVE_THEN_DECIDE;
            // ARM refused the request itself (validation, permission, missing resource): it will refuse it again.
            case NOT_FOUND, CLIENT_ERROR -> AfterFailedSend.GIVE_UP;
        };
    }

    /** True when a failed read (GET, or a poll of an operation) may simply be asked again. */
    static boolean retryRead(AzureException e) {
        return switch (e.kind()) {
            // Throttled: ARM did not answer yet; asking after Retry-After is what it asks for.
            case THROTTLED -> true;
            // A read changes nothing, so asking again after a server error or a lost connection is safe.
            case SERVER_ERROR, TRANSPORT -> true;
            // A 404, 403 or 400 will not change by asking again.
            case NOT_FOUND, CLIENT_ERROR, PRECONDITION_FAILED, CONFLICT -> false;
        };
    }
}
