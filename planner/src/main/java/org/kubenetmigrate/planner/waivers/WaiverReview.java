package org.kubenetmigrate.planner.waivers;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.kubenetmigrate.planner.assessment.ClusterAssessment;
import org.kubenetmigrate.planner.rules.Finding;
import org.kubenetmigrate.planner.rules.Unverified;

/** The waivers applied to one fleet assessment on one day: the state of every rule outcome, and every waiver's use. */
public final class WaiverReview {
    /** The waiver state of a finding or unverified check. */
    public enum State {
        /** No waiver covers it. */
        OPEN,
        /** A waiver in force covers it: shown, but it does not count for {@code --fail-on}. */
        WAIVED,
        /** Only an expired waiver covers it: it counts again, and the expired waiver is shown beside it. */
        WAIVER_EXPIRED
    }

    /** @param waiver the covering waiver; null when {@code state} is OPEN */
    public record Coverage(State state, Waiver waiver) {
        public static final Coverage OPEN = new Coverage(State.OPEN, null);

        public boolean waived() {
            return state == State.WAIVED;
        }
    }

    public static final WaiverReview NONE = new WaiverReview(Map.of(), List.of(), null);

    private final Map<ClusterAssessment, Map<String, Coverage>> coverage;
    private final List<WaiverUse> uses;
    private final LocalDate day;

    WaiverReview(Map<ClusterAssessment, Map<String, Coverage>> coverage, List<WaiverUse> uses, LocalDate day) {
        this.coverage = coverage;
        this.uses = List.copyOf(uses);
        this.day = day;
    }

    /** The state of a rule's outcome (finding or unverified check) on a cluster of the reviewed assessment. */
    public Coverage coverage(ClusterAssessment cluster, String rule) {
        Map<String, Coverage> rules = coverage.get(cluster);
        return rules == null ? Coverage.OPEN : rules.getOrDefault(rule, Coverage.OPEN);
    }

    public Coverage of(ClusterAssessment cluster, Finding finding) {
        return coverage(cluster, finding.rule());
    }

    public Coverage of(ClusterAssessment cluster, Unverified check) {
        return coverage(cluster, check.check());
    }

    /** Every waiver of the file, in file order, with what became of it. */
    public List<WaiverUse> waivers() {
        return uses;
    }

    /** The day the waivers were judged on; null when there were none. */
    public LocalDate day() {
        return day;
    }

    public long count(WaiverUse.Status status) {
        return uses.stream().filter(u -> u.status() == status).count();
    }
}
