package org.kubenetmigrate.planner.waivers;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kubenetmigrate.planner.assessment.ClusterAssessment;
import org.kubenetmigrate.planner.assessment.FleetAssessment;
import org.kubenetmigrate.planner.rules.Finding;
import org.kubenetmigrate.planner.rules.Unverified;
import org.kubenetmigrate.planner.waivers.WaiverReview.Coverage;
import org.kubenetmigrate.planner.waivers.WaiverUse.Status;

/** The waivers of one file, in file order. Pure: reviewing the same fleet on the same day gives the same result. */
public record WaiverSet(List<Waiver> waivers) {
    public static final WaiverSet NONE = new WaiverSet(List.of());

    public WaiverSet {
        waivers = List.copyOf(waivers);
    }

    /**
     * Which findings and unverified checks each waiver covers on {@code today}. A waiver applies to a rule's outcome
     * on a cluster when its rule and selector match and it has not expired; the first such waiver in file order is
     * the one shown. When only expired waivers match, the outcome is open again and marked with the expired waiver.
     */
    public WaiverReview review(FleetAssessment fleet, LocalDate today) {
        Map<String, List<Waiver>> byRule = new HashMap<>();
        waivers.forEach(w -> byRule.computeIfAbsent(w.rule(), r -> new ArrayList<>()).add(w));
        Map<Waiver, Integer> matches = new HashMap<>();
        Map<Waiver, Set<String>> clusters = new HashMap<>();
        Map<ClusterAssessment, Map<String, Coverage>> coverage = new java.util.IdentityHashMap<>();
        if (!byRule.isEmpty()) {
            for (ClusterAssessment c : fleet.clusters()) {
                Map<String, Integer> outcomes = outcomesByRule(c);
                Map<String, Coverage> covered = new HashMap<>();
                for (Map.Entry<String, Integer> outcome : outcomes.entrySet()) {
                    Waiver active = null;
                    Waiver expired = null;
                    for (Waiver w : byRule.getOrDefault(outcome.getKey(), List.of())) {
                        if (!w.cluster().matches(c.cluster())) {
                            continue;
                        }
                        matches.merge(w, outcome.getValue(), Integer::sum);
                        clusters.computeIfAbsent(w, k -> new LinkedHashSet<>()).add(c.cluster().id().key());
                        if (w.activeOn(today)) {
                            active = active == null ? w : active;
                        } else {
                            expired = expired == null ? w : expired;
                        }
                    }
                    if (active != null) {
                        covered.put(outcome.getKey(), new Coverage(WaiverReview.State.WAIVED, active));
                    } else if (expired != null) {
                        covered.put(outcome.getKey(), new Coverage(WaiverReview.State.WAIVER_EXPIRED, expired));
                    }
                }
                if (!covered.isEmpty()) {
                    coverage.put(c, covered);
                }
            }
        }
        List<WaiverUse> uses = new ArrayList<>();
        for (Waiver w : waivers) {
            int matched = matches.getOrDefault(w, 0);
            Status status = !w.activeOn(today) ? Status.EXPIRED : matched == 0 ? Status.UNMATCHED : Status.APPLIED;
            uses.add(new WaiverUse(w, status, matched, clusters.getOrDefault(w, Set.of()).size()));
        }
        return new WaiverReview(coverage, uses, today);
    }

    /** The rules that produced something on the cluster, with how many findings and unverified checks each. */
    private static Map<String, Integer> outcomesByRule(ClusterAssessment c) {
        Map<String, Integer> outcomes = new LinkedHashMap<>();
        for (Finding f : c.findings()) {
            outcomes.merge(f.rule(), 1, Integer::sum);
        }
        for (Unverified u : c.unverified()) {
            outcomes.merge(u.check(), 1, Integer::sum);
        }
        return outcomes;
    }
}
