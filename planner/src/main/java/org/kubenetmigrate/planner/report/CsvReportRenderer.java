package org.kubenetmigrate.planner.report;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.kubenetmigrate.planner.assessment.ClusterAssessment;
import org.kubenetmigrate.planner.model.ManagedCluster;
import org.kubenetmigrate.planner.rules.Finding;
import org.kubenetmigrate.planner.rules.Severity;
import org.kubenetmigrate.planner.rules.Unverified;
import org.kubenetmigrate.planner.waivers.Waiver;
import org.kubenetmigrate.planner.waivers.WaiverReview.Coverage;

/**
 * One row per cluster × finding (and per cluster × check that could not run), RFC 4180: a header row, CRLF line
 * ends, fields quoted when they hold a comma, quote or line break, quotes doubled. A cluster with neither gets one
 * row with the finding columns empty. Clusters come most urgent first. The column order is a contract
 * (docs/guide/report.md): columns are only ever added at the end.
 *
 * <p>Spreadsheets run a cell that starts with {@code = + - @} as a formula. Names and tags are user input, so such a
 * cell gets a leading apostrophe (OWASP's advice for CSV injection); no value the tool itself writes starts so.
 */
public final class CsvReportRenderer implements ReportRenderer {
    public static final List<String> COLUMNS = List.of("cluster", "clusterId", "subscriptionId", "resourceGroup",
            "location", "kubernetesVersion", "networkPlugin", "readiness", "group", "kind", "rule", "severity",
            "message", "remediation", "reference", "waiverState", "waiverOwner", "waiverExpires", "waiverReason",
            "tags");
    private static final String CRLF = "\r\n";

    @Override
    public void render(FleetReport report, Writer out) throws IOException {
        Utf8Output.writeTo(out, utf8 -> render(report, utf8));
    }

    private static void render(FleetReport report, Utf8Output out) throws IOException {
        out.write(String.join(",", COLUMNS) + CRLF);
        // What the input lacks comes first, as rows of kind "input" without a cluster: a spreadsheet or a script
        // filtering on kind sees it.
        StringBuilder input = new StringBuilder();
        for (String missing : report.input().missing()) {
            row(input, ",".repeat(9), "input", "input-complete", Severity.WARNING.name(), missing,
                    "export the missing data and run the report again", "", null, "");
        }
        out.write(input.toString());
        // A cluster's rows are one string, encoded whole: a surrogate pair is never split.
        ParallelBatches.write(report.byUrgency(), c -> rows(report, c).getBytes(StandardCharsets.UTF_8),
                ParallelBatches.NONE, ParallelBatches.NONE, out.bytes());
        out.flush();
    }

    /** All rows of one cluster; the columns they share are quoted once. */
    private static String rows(FleetReport report, ClusterAssessment c) {
        ManagedCluster m = c.cluster();
        StringBuilder cluster = new StringBuilder(256);
        for (String value : new String[] {m.name(), m.id().value(), m.subscriptionId(), m.resourceGroup(),
            m.location(), m.kubernetesVersion(), FleetTableRenderer.plugin(c), c.readiness().name(),
            report.groupBy().isNone() ? "" : report.groupBy().keyOf(m)}) {
            field(cluster, value).append(',');
        }
        String shared = cluster.toString();
        String tags = field(new StringBuilder(), tags(m)).toString();
        StringBuilder out = new StringBuilder(512 * (1 + c.findings().size() + c.unverified().size()));
        if (c.findings().isEmpty() && c.unverified().isEmpty()) {
            row(out, shared, "none", "", "", "", "", "", null, tags);
            return out.toString();
        }
        for (Finding f : c.findings()) {
            row(out, shared, "finding", f.rule(), f.severity().name(), f.message(), f.remediation(), f.reference(),
                    report.waivers().of(c, f), tags);
        }
        for (Unverified u : c.unverified()) {
            row(out, shared, "unverified", u.check(), u.couldBe().name(), u.reason(),
                    "provide the missing data and run the report again", "", report.waivers().of(c, u), tags);
        }
        return out.toString();
    }

    /**
     * One row: the cluster's columns (already quoted, each followed by its comma), then the finding's.
     *
     * @param tags the tags column, already quoted
     */
    private static void row(StringBuilder line, String cluster, String kind, String rule, String severity,
                            String message, String remediation, String reference, Coverage coverage, String tags) {
        line.append(cluster);
        Waiver w = coverage == null ? null : coverage.waiver();
        String state = coverage == null ? "" : switch (coverage.state()) {
            case OPEN -> "";
            case WAIVED -> "waived";
            case WAIVER_EXPIRED -> "expired";
        };
        for (String value : new String[] {kind, rule, severity, message, remediation, reference, state,
            w == null ? "" : w.owner(), w == null ? "" : w.expires().toString(), w == null ? "" : w.reason()}) {
            field(line, value).append(',');
        }
        line.append(tags).append(CRLF);
    }

    /** Tags as {@code key=value} pairs, sorted by key, separated by semicolons. */
    static String tags(ManagedCluster c) {
        if (c.tags().isEmpty()) {
            return "";
        }
        Map<String, String> sorted = new TreeMap<>(c.tags());
        return sorted.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(";"));
    }

    static StringBuilder field(StringBuilder line, String value) {
        if (value == null || value.isEmpty()) {
            return line;
        }
        String v = value;
        char first = v.charAt(0);
        if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
            v = "'" + v;
        }
        if (!needsQuotes(v)) {
            return line.append(v);
        }
        return line.append('"').append(v.replace("\"", "\"\"")).append('"');
    }

    /** One pass over the value (rather than one search per special character: this runs for every cell). */
    private static boolean needsQuotes(String v) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }
}
