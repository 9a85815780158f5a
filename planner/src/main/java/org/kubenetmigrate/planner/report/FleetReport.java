package org.kubenetmigrate.planner.report;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import org.kubenetmigrate.planner.assessment.ClusterAssessment;
import org.kubenetmigrate.planner.assessment.FleetAssessment;
import org.kubenetmigrate.planner.model.InputMetadata;
import org.kubenetmigrate.planner.rules.Finding;
import org.kubenetmigrate.planner.rules.Readiness;
import org.kubenetmigrate.planner.rules.RetirementRule;
import org.kubenetmigrate.planner.rules.Severity;
import org.kubenetmigrate.planner.waivers.Gate;
import org.kubenetmigrate.planner.waivers.WaiverReview;

/**
 * Everything a report renderer shows, and nothing it has to look up: the assessment, the waivers' verdicts, where
 * the input came from and how old it is, which rules ran, how to group, and the gate. Renderers are pure functions
 * of this record.
 *
 * @param rulesChecked the ids of the rules run on every kubenet cluster, in catalogue order
 * @param target the migration target the rules judged ("overlay" or "pod-subnet")
 * @param groupBy how to group tables and charts ({@link Grouping#NONE} for no grouping)
 * @param failOn the {@code --fail-on} threshold, or null when there is none
 */
public record FleetReport(FleetAssessment assessment, WaiverReview waivers, InputMetadata input,
                          List<String> rulesChecked, String target, Grouping groupBy, Severity failOn) {

    /** Most urgent first: the order of {@link #URGENCY}, then the most open blockers, then by name. */
    public static final List<Readiness> URGENCY = List.of(Readiness.BLOCKED, Readiness.INCOMPLETE,
            Readiness.ACTIONS_REQUIRED, Readiness.READY, Readiness.NOT_APPLICABLE);

    public FleetReport {
        rulesChecked = List.copyOf(rulesChecked);
        groupBy = groupBy == null ? Grouping.NONE : groupBy;
        waivers = waivers == null ? WaiverReview.NONE : waivers;
        input = input == null ? InputMetadata.unknown() : input;
    }

    /** A report of an assessment alone: no waivers, unknown input, no grouping, no gate. */
    public static FleetReport of(FleetAssessment assessment, List<String> rulesChecked) {
        return new FleetReport(assessment, WaiverReview.NONE, InputMetadata.unknown(), rulesChecked, "overlay",
                Grouping.NONE, null);
    }

    /** The day of the report (UTC), from which days left and waiver expiry are counted. */
    public LocalDate day() {
        return LocalDate.ofInstant(assessment.generatedAt(), ZoneOffset.UTC);
    }

    /** Days from the report's day until kubenet retires on 31 March 2028; negative once it has. */
    public long daysLeft() {
        return ChronoUnit.DAYS.between(day(), RetirementRule.RETIREMENT);
    }

    public boolean gateMet() {
        return Gate.met(assessment, waivers, failOn, input);
    }

    /** The clusters, most urgent first (as {@link #urgency()} orders them). */
    public List<ClusterAssessment> byUrgency() {
        // Each cluster's open blockers are counted once, not at each of the sort's comparisons (which look up every
        // finding's waiver): at 10,000 clusters that was most of the sort's time.
        return assessment.clusters().stream().map(this::urgencyOf).sorted(URGENCY_ORDER).map(Urgency::cluster)
                .toList();
    }

    public Comparator<ClusterAssessment> urgency() {
        return Comparator.comparing(this::urgencyOf, URGENCY_ORDER);
    }

    /** What the urgency order compares, worked out once per cluster. */
    private record Urgency(ClusterAssessment cluster, int rank, long openBlockers) {
    }

    private static final Comparator<Urgency> URGENCY_ORDER = Comparator.comparingInt(Urgency::rank)
            .thenComparing(Comparator.comparingLong(Urgency::openBlockers).reversed())
            .thenComparing(u -> nullToEmpty(u.cluster().cluster().name()))
            .thenComparing(u -> u.cluster().cluster().id().key());

    private Urgency urgencyOf(ClusterAssessment c) {
        return new Urgency(c, URGENCY.indexOf(c.readiness()), openBlockers(c));
    }

    /** BLOCKER findings on the cluster that no waiver in force covers. */
    public long openBlockers(ClusterAssessment c) {
        long n = 0;
        for (Finding f : c.findings()) {
            if (f.severity() == Severity.BLOCKER && !waivers.of(c, f).waived()) {
                n++;
            }
        }
        return n;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
