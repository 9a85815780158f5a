package org.kubenetmigrate.planner.report;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kubenetmigrate.planner.assessment.ClusterAssessment;
import org.kubenetmigrate.planner.rules.Finding;
import org.kubenetmigrate.planner.rules.Readiness;
import org.kubenetmigrate.planner.rules.Severity;
import org.kubenetmigrate.planner.rules.Unverified;
import org.kubenetmigrate.planner.waivers.WaiverReview.Coverage;
import org.kubenetmigrate.planner.waivers.WaiverUse;

/**
 * The report for a pull request or wiki page (GitHub-flavoured Markdown): the HTML report's content with tables
 * in place of charts. Every value from Azure is escaped, so a cluster name can neither break a table nor inject
 * markup or links.
 */
public final class MarkdownReportRenderer implements ReportRenderer {

    @Override
    public void render(FleetReport report, Writer out) throws IOException {
        ReportFacts facts = ReportFacts.of(report);
        out.write("# kubenet migration readiness\n\n");
        out.write("**" + ReportText.daysLeft(report) + "** · report generated " + ReportText.time(
                report.assessment().generatedAt()) + "\n\n");
        out.write("| clusters | blocked | incomplete | actions required | ready | not on kubenet |\n");
        out.write("|---:|---:|---:|---:|---:|---:|\n");
        out.write("| " + report.assessment().clusters().size() + " | " + facts.byReadiness.get(Readiness.BLOCKED)
                + " | " + facts.byReadiness.get(Readiness.INCOMPLETE) + " | "
                + facts.byReadiness.get(Readiness.ACTIONS_REQUIRED) + " | " + facts.byReadiness.get(Readiness.READY)
                + " | " + facts.byReadiness.get(Readiness.NOT_APPLICABLE) + " |\n\n");

        out.write("## What this report rests on\n\n");
        out.write("- " + md(ReportText.input(report)) + "\n");
        out.write("- Checked: " + md(ReportText.checked(report, facts)) + ": "
                + String.join(", ", report.rulesChecked().stream().map(r -> "`" + r + "`").toList()) + ".\n");
        List<String> gaps = ReportText.gaps(facts);
        if (gaps.isEmpty()) {
            out.write("- Not checked: nothing; every check ran on every kubenet cluster.\n");
        } else {
            out.write("- Not checked (the data was missing; these clusters cannot be READY):\n");
            for (String gap : gaps) {
                out.write("  - " + md(gap) + "\n");
            }
        }
        for (String note : report.input().notes()) {
            out.write("- Input note: " + md(note) + "\n");
        }
        if (report.input().incomplete()) {
            out.write("- **" + md(ReportText.MISSING) + "**\n");
            for (String missing : report.input().missing()) {
                out.write("  - " + md(missing) + "\n");
            }
        }
        String inClusterOnly = ReportText.inClusterOnly(facts);
        if (inClusterOnly != null) {
            out.write("- " + md(inClusterOnly) + ".\n");
        }
        String gate = ReportText.gate(report);
        if (gate != null) {
            out.write("- Gate " + md(gate) + "\n");
        }
        out.write("\n");

        if (!report.waivers().waivers().isEmpty()) {
            out.write("## Waivers\n\n" + md(ReportText.waiverSummary(report, facts)) + " (judged on "
                    + report.day() + ").\n\n");
            out.write("| status | rule | clusters selected | matched | owner | expires | reason | where |\n");
            out.write("|---|---|---|---:|---|---|---|---|\n");
            for (WaiverUse use : report.waivers().waivers()) {
                out.write("| " + use.status() + " | `" + use.waiver().rule() + "` | " + md(use.waiver().cluster().describe())
                        + " | " + use.matched() + " | " + md(use.waiver().owner()) + " | " + use.waiver().expires()
                        + " | " + md(use.waiver().reason()) + " | " + md(use.waiver().location()) + " |\n");
            }
            out.write("\n");
        }

        out.write("## Blockers by rule\n\n");
        if (facts.blockersByRule.isEmpty()) {
            out.write("No cluster has a BLOCKER.\n\n");
        } else {
            out.write("| rule | clusters | of which waived |\n|---|---:|---:|\n");
            for (ReportFacts.RuleCount r : facts.blockersByRule) {
                out.write("| `" + r.rule() + "` | " + r.clusters() + " | " + r.waived() + " |\n");
            }
            out.write("\n");
        }

        out.write("## Clusters by " + md(facts.grouping.label()) + "\n\n");
        out.write("| " + md(facts.grouping.label()) + " | clusters | blocked | incomplete | actions required | ready"
                + " | not on kubenet |\n|---|---:|---:|---:|---:|---:|---:|\n");
        for (ReportFacts.GroupCount g : facts.groups) {
            out.write("| " + md(g.group()) + " | " + g.total() + " | " + g.byReadiness().get(Readiness.BLOCKED)
                    + " | " + g.byReadiness().get(Readiness.INCOMPLETE) + " | "
                    + g.byReadiness().get(Readiness.ACTIONS_REQUIRED) + " | " + g.byReadiness().get(Readiness.READY)
                    + " | " + g.byReadiness().get(Readiness.NOT_APPLICABLE) + " |\n");
        }
        out.write("\n");

        out.write("## Kubernetes versions (kubenet clusters)\n\n| version | clusters |\n|---|---:|\n");
        for (Map.Entry<String, Long> v : facts.versions.entrySet()) {
            out.write("| " + md(v.getKey()) + " | " + v.getValue() + " |\n");
        }
        out.write("\n");

        out.write("## Clusters, most urgent first\n\n");
        if (report.groupBy().isNone()) {
            clusterTable(report, report.byUrgency(), out);
        } else {
            Map<String, List<ClusterAssessment>> groups = new LinkedHashMap<>();
            facts.groups.forEach(g -> groups.put(g.group(), new ArrayList<>()));
            report.byUrgency().forEach(c -> groups.get(report.groupBy().keyOf(c.cluster())).add(c));
            for (Map.Entry<String, List<ClusterAssessment>> g : groups.entrySet()) {
                out.write("### " + md(report.groupBy().label()) + ": " + md(g.getKey()) + "\n\n");
                clusterTable(report, g.getValue(), out);
            }
        }

        out.write("## Findings\n\n");
        out.write("INFO findings (" + infoRules(report) + ") are in the JSON, CSV and HTML reports.\n\n");
        for (ClusterAssessment c : report.byUrgency()) {
            List<Finding> serious = c.findings().stream().filter(f -> f.severity() != Severity.INFO).toList();
            if (serious.isEmpty() && c.unverified().isEmpty()) {
                continue;
            }
            out.write("### " + md(c.cluster().name()) + " — " + c.readiness() + "\n\n");
            out.write("`" + md(c.cluster().id().value()).replace("`", "'") + "`\n\n");
            for (Finding f : serious) {
                out.write("- **" + f.severity() + "** `" + f.rule() + "`: " + md(f.message()) + "  \n");
                out.write("  Fix: " + md(f.remediation()) + " " + link(f.reference()) + "\n");
                note(report.waivers().of(c, f), out);
            }
            for (Unverified u : c.unverified()) {
                out.write("- **NOT CHECKED** `" + u.check() + "` (could be " + u.couldBe() + "): " + md(u.reason())
                        + "\n");
                note(report.waivers().of(c, u), out);
            }
            out.write("\n");
        }
        out.flush();
    }

    private static void clusterTable(FleetReport report, List<ClusterAssessment> clusters, Writer out)
            throws IOException {
        out.write("| cluster | readiness | subscription | resource group | location | version | top finding |\n");
        out.write("|---|---|---|---|---|---|---|\n");
        for (ClusterAssessment c : clusters) {
            out.write("| " + md(c.cluster().name()) + " | " + c.readiness() + " | " + md(c.cluster().subscriptionId())
                    + " | " + md(c.cluster().resourceGroup()) + " | " + md(c.cluster().location()) + " | "
                    + md(c.cluster().runningVersion()) + " | " + md(ReportText.topFinding(report, c)) + " |\n");
        }
        out.write("\n");
    }

    private static void note(Coverage coverage, Writer out) throws IOException {
        String text = ReportText.coverage(coverage);
        if (text != null) {
            out.write("  *" + md(text) + "*\n");
        }
    }

    private static String infoRules(FleetReport report) {
        java.util.Set<String> rules = new java.util.TreeSet<>();
        report.assessment().clusters().forEach(c -> c.findings().stream()
                .filter(f -> f.severity() == Severity.INFO).forEach(f -> rules.add("`" + f.rule() + "`")));
        return rules.isEmpty() ? "none" : String.join(", ", rules);
    }

    /** A link only to an https URL without characters that end a Markdown link; anything else as plain text. */
    static String link(String url) {
        if (url == null || !url.startsWith("https://") || !url.matches("https://[A-Za-z0-9._~:/?#@!$&'*+,;=%-]+")
                || url.contains(")") || url.contains("(")) {
            return url == null ? "" : "(" + md(url) + ")";
        }
        return "([reference](" + url + "))";
    }

    /**
     * Text safe in a Markdown paragraph or table cell: HTML-significant characters become entities, Markdown
     * punctuation is backslash-escaped, line breaks become spaces.
     */
    static String md(String text) {
        if (text == null) {
            return "-";
        }
        StringBuilder s = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> s.append("&lt;");
                case '>' -> s.append("&gt;");
                case '&' -> s.append("&amp;");
                case '"' -> s.append("&quot;");
                case '\n', '\r', '\t' -> s.append(' ');
                // The characters that open emphasis, code, links, strikethrough or end a table cell anywhere in a
                // line; the ones special only at a line's start (#, +, -) never start a line here.
                case '\\', '`', '*', '_', '[', ']', '|', '~' ->
                        s.append('\\').append(c);
                default -> s.append(c < 0x20 || c == 0x7f ? ' ' : c);
            }
        }
        return s.toString();
    }
}
