package org.kubenetmigrate.executor.rollout;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What {@code rollout create} froze, never changed afterwards: the strategy, the members with their stage, group,
 * run id and plan, the clusters that were skipped (and why), and those no group selected.
 */
public record RolloutDefinition(int version, String name, Instant createdAt, String createdBy, Strategy strategy,
                                List<Member> members, List<NotInRollout> notInRollout) {

    public static final int VERSION = 1;

    public RolloutDefinition {
        members = List.copyOf(members);
        notInRollout = List.copyOf(notInRollout);
    }

    /**
     * @param key the member's name in the state ({@code members/KEY/…}): the cluster name and a short hash of its id
     * @param skipReason why the rollout never touches it (BLOCKED or INCOMPLETE), or null
     * @param planId the frozen plan's id (null for a skipped member)
     */
    public record Member(String key, String clusterId, String clusterName, String stage, String group, String runId,
                         String planId, String skipReason) {
        public boolean skipped() {
            return skipReason != null;
        }
    }

    public record NotInRollout(String clusterId, String clusterName, String reason) {
    }

    /** A member by key, cluster name or cluster id (names and ids compared case-insensitively). */
    public Optional<Member> member(String keyNameOrId) {
        return members.stream().filter(m -> m.key().equals(keyNameOrId) || m.clusterName().equalsIgnoreCase(keyNameOrId)
                || m.clusterId().equalsIgnoreCase(keyNameOrId)).findFirst();
    }

    public List<Member> membersOf(String stage) {
        return members.stream().filter(m -> m.stage().equals(stage)).toList();
    }
}
