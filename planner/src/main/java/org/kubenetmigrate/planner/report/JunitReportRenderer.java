package org.kubenetmigrate.planner.report;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.kubenetmigrate.planner.assessment.ClusterAssessment;
import org.kubenetmigrate.planner.model.ManagedCluster;
import org.kubenetmigrate.planner.rules.Finding;
import org.kubenetmigrate.planner.rules.Readiness;
import org.kubenetmigrate.planner.rules.Severity;
import org.kubenetmigrate.planner.rules.Unverified;
import org.kubenetmigrate.planner.waivers.WaiverReview.Coverage;

/**
 * JUnit XML (the Ant/Surefire dialect CI systems read): one {@code testsuite} per cluster, one {@code testcase} per
 * rule that ran. A rule's test case fails for an unwaived finding at or above the threshold ({@code --fail-on}, or
 * BLOCKER without it), is skipped when a waiver covers it or when it could not be checked, and passes otherwise
 * (lesser findings go to {@code system-out}). Clusters not on kubenet have every case skipped. Input known to be
 * incomplete (a saved page of a longer listing, no managed cluster) fails a test case of its own, {@code input}.
 */
public final class JunitReportRenderer implements ReportRenderer {

    private record Case(String rule, String outcome, String type, String message, String body) {
    }

    @Override
    public void render(FleetReport report, Writer out) throws IOException {
        Utf8Output.writeTo(out, utf8 -> render(report, utf8));
    }

    private static void render(FleetReport report, Utf8Output out) throws IOException {
        Severity threshold = report.failOn() == null ? Severity.BLOCKER : report.failOn();
        Map<String, Integer> names = new HashMap<>();
        report.assessment().clusters().forEach(c -> names.merge(String.valueOf(c.cluster().name()), 1, Integer::sum));
        int tests = 0;
        int failures = 0;
        int skipped = 0;
        List<ClusterAssessment> clusters = report.byUrgency();
        // The totals head the file, so the cases are judged twice (the second time to write them): both on all cores.
        List<int[]> counts = clusters.parallelStream().map(c -> {
            int[] n = new int[3];
            for (Case k : cases(report, c, threshold)) {
                n[0]++;
                n[1] += k.outcome().equals("failure") ? 1 : 0;
                n[2] += k.outcome().equals("skipped") ? 1 : 0;
            }
            return n;
        }).toList();
        for (int[] n : counts) {
            tests += n[0];
            failures += n[1];
            skipped += n[2];
        }
        List<String> missing = report.input().missing();
        if (!missing.isEmpty()) {
            tests++;
            failures++;
        }
        String timestamp = report.assessment().generatedAt().toString();
        out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.write("<testsuites name=\"kubenet-migrate readiness\" tests=\"" + tests + "\" failures=\"" + failures
                + "\" errors=\"0\" skipped=\"" + skipped + "\" time=\"0\" timestamp=\"" + timestamp + "\">\n");
        if (!missing.isEmpty()) {
            // What the input lacks fails a case of its own: a CI view must not show green on half a fleet.
            out.write("  <testsuite name=\"input\" tests=\"1\" failures=\"1\" errors=\"0\" skipped=\"0\" time=\"0\""
                    + " timestamp=\"" + timestamp + "\">\n");
            out.write("    <testcase classname=\"input\" name=\"input-complete\" time=\"0\">\n      <failure"
                    + " type=\"WARNING\" message=\"" + xml(ReportText.MISSING) + "\">" + xml(String.join("\n", missing))
                    + "</failure>\n    </testcase>\n  </testsuite>\n");
        }
        ParallelBatches.write(clusters, c -> suite(report, c, threshold, names, timestamp)
                .getBytes(StandardCharsets.UTF_8), ParallelBatches.NONE, ParallelBatches.NONE, out.bytes());
        out.write("</testsuites>\n");
        out.flush();
    }

    /** One cluster's test suite, as one string (encoded whole: a surrogate pair is never split). */
    private static String suite(FleetReport report, ClusterAssessment c, Severity threshold, Map<String, Integer> names,
                                String timestamp) {
        StringBuilder out = new StringBuilder(4096);
        ManagedCluster m = c.cluster();
        String name = String.valueOf(m.name());
        String suite = names.get(name) > 1 ? name + " (" + m.resourceGroup() + ", " + m.subscriptionId() + ")" : name;
        List<Case> cases = cases(report, c, threshold);
        long f = cases.stream().filter(k -> k.outcome().equals("failure")).count();
        long s = cases.stream().filter(k -> k.outcome().equals("skipped")).count();
        out.append("  <testsuite name=\"" + xml(suite) + "\" tests=\"" + cases.size() + "\" failures=\"" + f
                + "\" errors=\"0\" skipped=\"" + s + "\" time=\"0\" timestamp=\"" + timestamp + "\">\n");
        out.append("    <properties>\n");
        property(out, "id", m.id().value());
        property(out, "readiness", c.readiness().name());
        property(out, "subscriptionId", m.subscriptionId());
        property(out, "resourceGroup", m.resourceGroup());
        property(out, "location", m.location());
        property(out, "kubernetesVersion", m.kubernetesVersion());
        if (!report.groupBy().isNone()) {
            property(out, "group", report.groupBy().keyOf(m));
        }
        property(out, "threshold", threshold.name());
        out.append("    </properties>\n");
        for (Case k : cases) {
            out.append("    <testcase classname=\"" + xml(suite) + "\" name=\"" + xml(k.rule()) + "\" time=\"0\"");
            switch (k.outcome()) {
                case "failure" -> out.append(">\n      <failure type=\"" + k.type() + "\" message=\""
                        + xml(k.message()) + "\">" + xml(k.body()) + "</failure>\n    </testcase>\n");
                case "skipped" -> out.append(">\n      <skipped message=\"" + xml(k.message())
                        + "\"/>\n    </testcase>\n");
                default -> out.append(k.body().isEmpty() ? "/>\n"
                        : ">\n      <system-out>" + xml(k.body()) + "</system-out>\n    </testcase>\n");
            }
        }
        out.append("  </testsuite>\n");
        return out.toString();
    }

    private static List<Case> cases(FleetReport report, ClusterAssessment c, Severity threshold) {
        List<Case> cases = new ArrayList<>(report.rulesChecked().size());
        for (String rule : report.rulesChecked()) {
            if (c.readiness() == Readiness.NOT_APPLICABLE) {
                cases.add(new Case(rule, "skipped", "", "not a kubenet cluster (network plugin "
                        + FleetTableRenderer.plugin(c) + "): nothing to migrate", ""));
                continue;
            }
            cases.add(ruleCase(report, c, rule, threshold));
        }
        return cases;
    }

    private static Case ruleCase(FleetReport report, ClusterAssessment c, String rule, Severity threshold) {
        List<Finding> findings = c.findings().stream().filter(f -> f.rule().equals(rule)).toList();
        List<Unverified> unverified = c.unverified().stream().filter(u -> u.check().equals(rule)).toList();
        Coverage coverage = report.waivers().coverage(c, rule);
        StringBuilder body = new StringBuilder();
        for (Finding f : findings) {
            body.append(f.severity()).append(": ").append(f.message()).append("\nRemediation: ")
                    .append(f.remediation()).append("\nReference: ").append(f.reference()).append('\n');
        }
        for (Unverified u : unverified) {
            body.append("NOT CHECKED (could be ").append(u.couldBe()).append("): ").append(u.reason()).append('\n');
        }
        String note = ReportText.coverage(coverage);
        if (note != null) {
            body.append(note).append('\n');
        }
        Finding failing = findings.stream().filter(f -> f.severity().atLeast(threshold)).findFirst().orElse(null);
        if (failing != null && !coverage.waived()) {
            return new Case(rule, "failure", failing.severity().name(), failing.message()
                    + (note == null ? "" : " (" + note + ")"), body.toString());
        }
        if (coverage.waived()) {
            return new Case(rule, "skipped", "", note, body.toString());
        }
        if (!unverified.isEmpty()) {
            Unverified u = unverified.get(0);
            String gate = u.couldBe().atLeast(threshold) ? "; counts against --fail-on "
                    + threshold.name().toLowerCase(Locale.ROOT) : "";
            return new Case(rule, "skipped", "", "not checked (could be " + u.couldBe() + "): " + u.reason() + gate,
                    body.toString());
        }
        return new Case(rule, "passed", "", "", body.toString());
    }

    private static void property(StringBuilder out, String name, String value) {
        out.append("      <property name=\"" + name + "\" value=\"" + xml(value == null ? "" : value) + "\"/>\n");
    }

    /**
     * Text safe in an XML 1.0 attribute or element: the five special characters escaped, line breaks kept in
     * element text (escaped in attributes by the caller's use of the same function, which is harmless), and
     * characters XML 1.0 forbids even escaped (most C0 controls, lone surrogates, U+FFFE/U+FFFF) replaced by U+FFFD.
     */
    static String xml(String text) {
        if (text == null) {
            return "";
        }
        // Runs of characters that stay as they are are copied whole; most text is such a run between line breaks.
        StringBuilder s = null;
        int copied = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&apos;";
                case '\n' -> "&#10;";
                case '\r' -> "&#13;";
                case '\t' -> "&#9;";
                default -> null;
            };
            if (replacement == null) {
                if (c >= 0x20 && c < Character.MIN_SURROGATE) {
                    continue;
                }
                if (Character.isHighSurrogate(c) && i + 1 < text.length()
                        && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                if (c >= 0x20 && !Character.isSurrogate(c) && c != 0xFFFE && c != 0xFFFF) {
                    continue;
                }
                replacement = "\uFFFD";
            }
            if (s == null) {
                s = new StringBuilder(text.length() + 64);
            }
            s.append(text, copied, i).append(replacement);
            copied = i + 1;
        }
        if (s == null) {
            return text;
        }
        return s.append(text, copied, text.length()).toString();
    }
}
