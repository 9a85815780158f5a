package org.kubenetmigrate.executor.engine;

import org.kubenetmigrate.executor.azure.ETag;
import org.kubenetmigrate.planner.plan.ArmRequest;

/** Which {@code If-Match} value a planned write carries, given the ETag of the read just before it. */
public final class IfMatch {
    private IfMatch() {
    }

    /**
     * The value to send: none when the plan sends none; the read's ETag, exactly as ARM wrote it, for
     * {@value ArmRequest#ETAG_OF_READ} (the only value current plans carry); for a planned ETag (older plans), the
     * read's ETag when the two name the same tag (the plan keeps the body's bare form, the header may quote it),
     * else the planned value as written, which ARM refuses with 412 because the cluster moved on.
     *
     * @param plannedHeader the plan's {@code If-Match} header, or null
     * @param read the ETag of the cluster read just before the write, or null when ARM gave none
     */
    public static String value(String plannedHeader, ETag read) {
        if (plannedHeader == null) {
            return null;
        }
        if (ArmRequest.ETAG_OF_READ.equals(plannedHeader)) {
            return read == null ? null : read.wire();
        }
        ETag planned = ETag.parse(plannedHeader);
        return planned != null && planned.weakMatch(read) ? read.wire() : plannedHeader;
    }
}
