package org.kubenetmigrate.planner.waivers;

import java.time.LocalDate;

/**
 * An accepted finding: someone ({@code owner}) decided, for a reason, that one rule's outcome on the selected
 * clusters must not fail the {@code --fail-on} gate until a date. It covers the rule's findings and the rule's
 * checks that could not run; they stay visible, marked as waived.
 *
 * @param rule the rule id it covers, e.g. {@code route-table-shared}
 * @param cluster which clusters it covers
 * @param reason why the finding is accepted
 * @param owner who is accountable for it
 * @param expires the last day the waiver applies; from the next day on it is expired, stops applying and is flagged
 * @param location where it was written, e.g. {@code waivers.yaml /waivers/2}, so a reader can find it
 */
public record Waiver(String rule, ClusterSelector cluster, String reason, String owner, LocalDate expires,
                     String location) {

    public boolean activeOn(LocalDate today) {
        return !today.isAfter(expires);
    }
}
