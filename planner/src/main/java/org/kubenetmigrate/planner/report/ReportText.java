package org.kubenetmigrate.planner.report;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.kubenetmigrate.planner.assessment.ClusterAssessment;
import org.kubenetmigrate.planner.model.InputMetadata;
import org.kubenetmigrate.planner.rules.Finding;
import org.kubenetmigrate.planner.rules.Severity;
import org.kubenetmigrate.planner.rules.Unverified;
import org.kubenetmigrate.planner.waivers.Waiver;
import org.kubenetmigrate.planner.waivers.WaiverReview;
import org.kubenetmigrate.planner.waivers.WaiverReview.Coverage;
import org.kubenetmigrate.planner.waivers.WaiverUse;

/** The sentences every format shares, so that the table, Markdown, HTML and JUnit say the same thing. */
public final class ReportText {
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private ReportText() {
    }

    public static String time(Instant instant) {
        return instant == null ? "unknown" : MINUTE.format(instant);
    }

    /** E.g. "412 days left until kubenet retires on 31 March 2028". */
    public static String daysLeft(FleetReport report) {
        long days = report.daysLeft();
        return days >= 0 ? days + " days left until kubenet retires on 31 March 2028"
                : "kubenet retired on 31 March 2028, " + (-days) + " days ago";
    }

    /** Where the input came from and how old it is. */
    public static String input(FleetReport report) {
        InputMetadata in = report.input();
        StringBuilder s = new StringBuilder();
        if (in.sources().isEmpty()) {
            s.append("Input: not recorded");
        } else {
            s.append("Input: ").append(String.join(", ", in.sources()));
            if (in.files() > 0) {
                s.append(" (").append(in.files()).append(in.files() == 1 ? " file)" : " files)");
            }
        }
        s.append("; ").append(age(report)).append('.');
        return s.toString();
    }

    /** How old the input is, e.g. "captured 2026-11-28 10:00 UTC, 3 days before this report (file modification time)". */
    public static String age(FleetReport report) {
        InputMetadata in = report.input();
        if (in.oldest() == null) {
            return "capture time unknown, so the age of the data cannot be told";
        }
        Instant now = report.assessment().generatedAt();
        String when = in.newest() == null || time(in.oldest()).equals(time(in.newest()))
                ? "captured " + time(in.oldest()) + ", " + ago(Duration.between(in.oldest(), now))
                : "captured between " + time(in.oldest()) + " and " + time(in.newest()) + "; the oldest part "
                        + ago(Duration.between(in.oldest(), now));
        return when + " (by " + in.basis() + ")";
    }

    static String ago(Duration d) {
        if (d.isNegative()) {
            return "after this report's clock (check the clock or the timestamps)";
        }
        long days = d.toDays();
        if (days >= 1) {
            return days + (days == 1 ? " day" : " days") + " before this report";
        }
        long hours = d.toHours();
        return hours >= 1 ? hours + (hours == 1 ? " hour" : " hours") + " before this report"
                : "less than an hour before this report";
    }

    /** What was checked, e.g. "21 rules (target overlay) on 20 kubenet clusters; 2 not on kubenet". */
    public static String checked(FleetReport report, ReportFacts facts) {
        long notApplicable = report.assessment().clusters().size() - facts.kubenet;
        return report.rulesChecked().size() + " rules (target " + report.target() + ") on " + facts.kubenet
                + " kubenet " + (facts.kubenet == 1 ? "cluster" : "clusters") + "; " + notApplicable
                + " not on kubenet, so nothing to check";
    }

    /** One line per check that could not run somewhere, with an example of why; empty when everything ran. */
    public static List<String> gaps(ReportFacts facts) {
        List<String> lines = new ArrayList<>();
        for (ReportFacts.Gap g : facts.gaps) {
            lines.add(g.check() + " (could be " + g.couldBe() + "): " + g.clusters()
                    + (g.clusters() == 1 ? " cluster" : " clusters") + ", e.g. " + g.exampleCluster() + ": "
                    + g.example());
        }
        return lines;
    }

    /** The heading above what the input lacks; every format shows it as a warning. */
    static final String MISSING = "WARNING: the input is incomplete, so this report is too (any --fail-on gate fails):";

    /**
     * How many INCOMPLETE clusters lack only what a live read settles (the in-cluster checks, and locks, NSGs or
     * quota usages the input does not hold), and how to get their verdicts; null when none does.
     */
    public static String inClusterOnly(ReportFacts facts) {
        long n = facts.incompleteOnlyForPrecheckReads;
        if (n == 0) {
            return null;
        }
        String clusters = n + (n == 1 ? " cluster is" : " clusters are");
        String inCluster = " run the report with --in-cluster, either with --kubeconfig FILE (contexts named like"
                + " the clusters, as az aks get-credentials writes them) or reading Azure live without --from, where"
                + " access goes through ARM";
        if (facts.precheckReadsMissing.isEmpty()) {
            return clusters + " INCOMPLETE only because the in-cluster checks did not run (a custom ip-masq-agent"
                    + " ConfigMap, visible only inside the cluster, makes AKS reject the update):" + inCluster;
        }
        String types = String.join(", ", facts.precheckReadsMissing.stream()
                .map(org.kubenetmigrate.planner.model.SurroundingType::label).toList());
        return clusters + " INCOMPLETE only because the in-cluster checks did not run (a custom ip-masq-agent"
                + " ConfigMap, visible only inside the cluster, makes AKS reject the update) or the input holds no "
                + types + " for them:" + inCluster + "; with --from, add the exports named under \"Not checked\"."
                + " A run's precheck reads all of these live before any change";
    }

    /** The gate, e.g. "--fail-on blocker: met, exit code 3". Null without --fail-on. */
    public static String gate(FleetReport report) {
        if (report.failOn() == null) {
            return null;
        }
        String threshold = report.failOn().name().toLowerCase(java.util.Locale.ROOT);
        return "--fail-on " + threshold + ": " + (report.gateMet()
                ? report.input().incomplete() ? "met (exit code 3): the input is incomplete (see above)"
                : "met (exit code 3): an unwaived finding, or a check that could not run, is at or above "
                        + threshold
                : "not met: nothing unwaived at or above " + threshold);
    }

    /** A waiver's verdict as a reader sees it beside a finding; null when it is open. */
    public static String coverage(Coverage coverage) {
        Waiver w = coverage.waiver();
        return switch (coverage.state()) {
            case OPEN -> null;
            case WAIVED -> "waived until " + w.expires() + " by " + w.owner() + ": " + w.reason();
            case WAIVER_EXPIRED -> "waiver expired on " + w.expires() + " (" + w.owner() + "): counts again";
        };
    }

    /** One waiver of the file and what became of it. */
    public static String waiver(WaiverUse use) {
        Waiver w = use.waiver();
        String what = w.rule() + " on " + w.cluster().describe() + " (owner " + w.owner() + ", expires "
                + w.expires() + ")";
        return switch (use.status()) {
            case APPLIED -> "applied: " + what + " covers " + use.matched() + " on " + use.clusters()
                    + (use.clusters() == 1 ? " cluster" : " clusters");
            case UNMATCHED -> "matches nothing: " + what + "; remove it, or fix its rule or selector";
            case EXPIRED -> "EXPIRED: " + what + (use.matched() > 0 ? "; the " + use.matched()
                    + " finding(s) it matched count again" : "; it matches nothing either");
        };
    }

    /** The waivers line of a summary, e.g. "Waivers: 3 applied, 1 expired, 1 matching nothing". Null without any. */
    public static String waiverSummary(FleetReport report, ReportFacts facts) {
        WaiverReview w = report.waivers();
        if (w.waivers().isEmpty()) {
            return null;
        }
        return "Waivers: " + w.count(WaiverUse.Status.APPLIED) + " applied (covering " + facts.waived
                + " findings), " + w.count(WaiverUse.Status.EXPIRED) + " expired, "
                + w.count(WaiverUse.Status.UNMATCHED) + " matching nothing";
    }

    /** The most severe non-INFO finding (unwaived before waived), else the first unverified check, else "-". */
    public static String topFinding(FleetReport report, ClusterAssessment c) {
        Finding top = null;
        int serious = 0;
        for (Finding f : c.findings()) {
            if (f.severity() == Severity.INFO) {
                continue;
            }
            serious++;
            boolean waived = report.waivers().of(c, f).waived();
            if (top == null || (report.waivers().of(c, top).waived() && !waived)) {
                top = f;
            }
        }
        if (top != null) {
            String more = serious > 1 ? " (+" + (serious - 1) + " more)" : "";
            String waived = report.waivers().of(c, top).waived() ? " [waived]" : "";
            return top.severity() + " " + top.rule() + waived + ": " + top.message() + more;
        }
        if (!c.unverified().isEmpty()) {
            Unverified u = c.unverified().get(0);
            return "UNVERIFIED " + u.check() + ": " + u.reason();
        }
        return "-";
    }
}
