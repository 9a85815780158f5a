package org.kubenetmigrate.planner.waivers;

/**
 * What became of one waiver in a review.
 *
 * @param matched how many findings and unverified checks its rule and selector match (whether or not it applies)
 * @param clusters on how many clusters
 */
public record WaiverUse(Waiver waiver, Status status, int matched, int clusters) {

    public enum Status {
        /** In force and covering at least one finding or unverified check. */
        APPLIED,
        /** In force but matching nothing: the finding is gone, or the selector or rule is wrong. */
        UNMATCHED,
        /** Past its expiry date: it no longer applies, and what it matches counts again. */
        EXPIRED
    }
}
