package org.kubenetmigrate.planner.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.kubenetmigrate.planner.assessment.ClusterAssessment;
import org.kubenetmigrate.planner.model.InClusterCheck;
import org.kubenetmigrate.planner.model.InClusterView;
import org.kubenetmigrate.planner.model.KubernetesVersion;
import org.kubenetmigrate.planner.rules.Finding;
import org.kubenetmigrate.planner.rules.Readiness;
import org.kubenetmigrate.planner.rules.Severity;
import org.kubenetmigrate.planner.rules.Unverified;
import org.kubenetmigrate.planner.waivers.WaiverReview;
import org.kubenetmigrate.planner.waivers.WaiverReview.Coverage;

/**
 * The numbers every format shows, computed in one pass over the fleet: verdict counts, blockers per rule, clusters
 * per group, Kubernetes versions, what could not be checked, and waiver effects.
 */
public final class ReportFacts {
    /** Clusters per verdict; every verdict present. */
    public final Map<Readiness, Long> byReadiness;
    /** Clusters on kubenet, i.e. not NOT_APPLICABLE. */
    public final long kubenet;
    /** Per rule with a BLOCKER finding somewhere: clusters with it, most first. */
    public final List<RuleCount> blockersByRule;
    /** Per group (of the report's grouping, or subscription when there is none): verdict counts, largest first. */
    public final List<GroupCount> groups;
    /** The grouping {@link #groups} uses. */
    public final Grouping grouping;
    /** Kubenet clusters per Kubernetes minor version ("1.31"; "unknown" when unparsable), in version order. */
    public final Map<String, Long> versions;
    /** Per check that could not run somewhere: clusters affected and an example reason. */
    public final List<Gap> gaps;
    /** Findings and unverified checks a waiver in force covers. */
    public final long waived;
    /** Findings and unverified checks whose only waiver has expired. */
    public final long waiverExpired;
    /** Findings per severity, whether waived or not. */
    public final Map<Severity, Long> findingsBySeverity;
    /**
     * INCOMPLETE clusters that lack nothing but what a live read settles and a run's precheck reads before any
     * change ({@link ClusterAssessment#incompleteOnlyForPrecheckReads()}): the in-cluster checks that were not run,
     * and locks, network security groups or quota usages the input does not hold.
     */
    public final long incompleteOnlyForPrecheckReads;
    /** Of those clusters, the types of data the input lacks, besides the in-cluster checks; empty when none. */
    public final java.util.Set<org.kubenetmigrate.planner.model.SurroundingType> precheckReadsMissing;

    /** @param waived clusters on which a waiver in force covers that rule's BLOCKER */
    public record RuleCount(String rule, long clusters, long waived) {
    }

    public record GroupCount(String group, long total, Map<Readiness, Long> byReadiness) {
    }

    /**
     * @param couldBe the most severe finding the check could have produced on any cluster
     * @param example one cluster's reason, for a reader to see what is missing
     */
    public record Gap(String check, long clusters, Severity couldBe, String exampleCluster, String example) {
    }

    private ReportFacts(FleetReport report) {
        WaiverReview waivers = report.waivers();
        grouping = report.groupBy().isNone() ? Grouping.SUBSCRIPTION : report.groupBy();
        byReadiness = new EnumMap<>(Readiness.class);
        for (Readiness r : Readiness.values()) {
            byReadiness.put(r, 0L);
        }
        findingsBySeverity = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            findingsBySeverity.put(s, 0L);
        }
        Map<String, long[]> blockers = new LinkedHashMap<>();
        Map<String, Map<Readiness, Long>> groupCounts = new HashMap<>();
        Map<KubernetesVersion, Long> parsedVersions = new TreeMap<>();
        long unknownVersions = 0;
        Map<String, Object[]> gapMap = new LinkedHashMap<>();
        long waivedCount = 0;
        long expiredCount = 0;
        long kubenetCount = 0;
        long onlyInCluster = 0;
        java.util.Set<org.kubenetmigrate.planner.model.SurroundingType> missingTypes =
                java.util.EnumSet.noneOf(org.kubenetmigrate.planner.model.SurroundingType.class);
        ControlPlaneVersions controlPlane = new ControlPlaneVersions();
        for (ClusterAssessment c : report.assessment().clusters()) {
            byReadiness.merge(c.readiness(), 1L, Long::sum);
            groupCounts.computeIfAbsent(grouping.keyOf(c.cluster()), k -> new EnumMap<>(Readiness.class))
                    .merge(c.readiness(), 1L, Long::sum);
            if (c.readiness() == Readiness.NOT_APPLICABLE) {
                continue;
            }
            kubenetCount++;
            if (c.incompleteOnlyForPrecheckReads()) {
                onlyInCluster++;
                c.unverified().forEach(u -> u.missingType().ifPresent(missingTypes::add));
            }
            Optional<KubernetesVersion> version = controlPlane.of(c.cluster());
            if (version.isPresent()) {
                KubernetesVersion v = version.get();
                parsedVersions.merge(minor(v), 1L, Long::sum);
            } else {
                unknownVersions++;
            }
            Set<String> blockerRules = new HashSet<>();
            for (Finding f : c.findings()) {
                findingsBySeverity.merge(f.severity(), 1L, Long::sum);
                Coverage coverage = waivers.of(c, f);
                waivedCount += coverage.state() == WaiverReview.State.WAIVED ? 1 : 0;
                expiredCount += coverage.state() == WaiverReview.State.WAIVER_EXPIRED ? 1 : 0;
                if (f.severity() == Severity.BLOCKER && blockerRules.add(f.rule())) {
                    long[] n = blockers.computeIfAbsent(f.rule(), r -> new long[2]);
                    n[0]++;
                    n[1] += coverage.waived() ? 1 : 0;
                }
            }
            Set<String> gapChecks = new HashSet<>();
            for (Unverified u : c.unverified()) {
                Coverage coverage = waivers.of(c, u);
                waivedCount += coverage.state() == WaiverReview.State.WAIVED ? 1 : 0;
                expiredCount += coverage.state() == WaiverReview.State.WAIVER_EXPIRED ? 1 : 0;
                Object[] gap = gapMap.computeIfAbsent(u.check(),
                        k -> new Object[] {0L, u.couldBe(), c.cluster().name(), u.reason()});
                if (gapChecks.add(u.check())) {
                    gap[0] = (Long) gap[0] + 1;
                }
                if (u.couldBe().compareTo((Severity) gap[1]) < 0) {
                    gap[1] = u.couldBe();
                }
            }
        }
        kubenet = kubenetCount;
        incompleteOnlyForPrecheckReads = onlyInCluster;
        precheckReadsMissing = java.util.Collections.unmodifiableSet(missingTypes);
        waived = waivedCount;
        waiverExpired = expiredCount;
        List<RuleCount> rules = new ArrayList<>();
        blockers.forEach((rule, n) -> rules.add(new RuleCount(rule, n[0], n[1])));
        rules.sort(Comparator.comparingLong(RuleCount::clusters).reversed().thenComparing(RuleCount::rule));
        blockersByRule = List.copyOf(rules);
        List<GroupCount> g = new ArrayList<>();
        groupCounts.forEach((key, counts) -> {
            Map<Readiness, Long> all = new EnumMap<>(Readiness.class);
            for (Readiness r : Readiness.values()) {
                all.put(r, counts.getOrDefault(r, 0L));
            }
            g.add(new GroupCount(key, counts.values().stream().mapToLong(Long::longValue).sum(), all));
        });
        g.sort(Comparator.comparingLong(GroupCount::total).reversed().thenComparing(GroupCount::group));
        groups = List.copyOf(g);
        Map<String, Long> v = new LinkedHashMap<>();
        parsedVersions.forEach((version, n) -> v.put(version.major() + "." + version.minor(), n));
        if (unknownVersions > 0) {
            v.put("unknown", unknownVersions);
        }
        versions = v;
        List<Gap> gapList = new ArrayList<>();
        gapMap.forEach((check, o) -> gapList.add(new Gap(check, (Long) o[0], (Severity) o[1], (String) o[2],
                (String) o[3])));
        gaps = List.copyOf(gapList);
    }

    /** INCOMPLETE, in-cluster checks not run, and every check that keeps it from a verdict is one of them. */
    private static KubernetesVersion minor(KubernetesVersion v) {
        return new KubernetesVersion(v.major(), v.minor(), 0);
    }

    public static ReportFacts of(FleetReport report) {
        return new ReportFacts(report);
    }
}
