package org.kubenetmigrate.planner.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.kubenetmigrate.planner.assessment.ClusterAssessment;
import org.kubenetmigrate.planner.model.KubernetesVersion;
import org.kubenetmigrate.planner.model.ManagedCluster;
import org.kubenetmigrate.planner.rules.Finding;
import org.kubenetmigrate.planner.rules.Readiness;
import org.kubenetmigrate.planner.rules.Severity;
import org.kubenetmigrate.planner.rules.Unverified;
import org.kubenetmigrate.planner.waivers.WaiverReview.Coverage;
import org.kubenetmigrate.planner.waivers.WaiverUse;

/**
 * The fleet report as one self-contained HTML file: headline numbers, days left, inline SVG charts (drawn here, so
 * they print and need no script), what the report rests on, waivers, and a sortable, filterable, paged cluster
 * table drawn by a small inline script from JSON embedded in the page.
 *
 * <p>Safety: every value from Azure is HTML-escaped where this class writes it; the embedded JSON sits in a
 * {@code <script type="application/json">} with {@code < > &} and U+2028/U+2029 written as {@code \\uXXXX}, so no
 * value can close the element; the script builds the table with {@code textContent} only. A Content Security
 * Policy allows nothing external and only this exact script (by its SHA-256), so even a value that slipped
 * through could neither run script nor fetch anything.
 */
public final class HtmlReportRenderer implements ReportRenderer {
    private static final String CSS = resource("report.css");
    private static final String JS = resource("report.js");
    private static final String JS_HASH = sha256(JS);
    private static final int CHART_ROWS = 12;
    private static final Map<Readiness, String> READINESS_LABEL = Map.of(
            Readiness.BLOCKED, "Blocked", Readiness.INCOMPLETE, "Incomplete",
            Readiness.ACTIONS_REQUIRED, "Actions required", Readiness.READY, "Ready",
            Readiness.NOT_APPLICABLE, "Not on kubenet");

    @Override
    public void render(FleetReport report, Writer out) throws IOException {
        Utf8Output.writeTo(out, utf8 -> render(report, utf8));
    }

    private static void render(FleetReport report, Utf8Output out) throws IOException {
        ReportFacts facts = ReportFacts.of(report);
        out.write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        out.write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        out.write("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline';"
                + " script-src 'sha256-" + JS_HASH + "'; img-src data:; base-uri 'none'; form-action 'none'\">\n");
        out.write("<meta name=\"referrer\" content=\"no-referrer\">\n");
        out.write("<title>kubenet migration readiness — " + report.assessment().clusters().size() + " clusters — "
                + ReportText.time(report.assessment().generatedAt()) + "</title>\n");
        out.write("<style>\n" + CSS + "</style>\n</head>\n<body>\n");
        out.write("<header>\n<h1>kubenet migration readiness</h1>\n<p class=\"sub\">Report generated "
                + ReportText.time(report.assessment().generatedAt()) + " · " + html(ReportText.daysLeft(report))
                + " · target " + html(report.target()) + "</p>\n</header>\n");
        headline(report, facts, out);
        charts(facts, out);
        restsOn(report, facts, out);
        waivers(report, facts, out);
        table(report, facts, out);
        out.write("<script type=\"application/json\" id=\"report-data\">");
        data(report, facts, out);
        out.write("</script>\n<script>" + JS + "</script>\n</body>\n</html>\n");
        out.flush();
    }

    private static void headline(FleetReport report, ReportFacts facts, Writer out) throws IOException {
        out.write("<section class=\"cards\" aria-label=\"Headline numbers\">\n");
        card(out, "days", String.valueOf(report.daysLeft()), report.daysLeft() >= 0 ? "days left" : "days since retirement");
        card(out, "", String.valueOf(facts.kubenet), "kubenet clusters");
        for (Readiness r : FleetReport.URGENCY) {
            card(out, "", String.valueOf(facts.byReadiness.get(r)), READINESS_LABEL.get(r));
        }
        card(out, "", String.valueOf(facts.waived), "waived findings");
        out.write("</section>\n");
    }

    private static void card(Writer out, String cls, String number, String label) throws IOException {
        out.write("<div class=\"card " + cls + "\"><div class=\"num\">" + html(number) + "</div><div class=\"lbl\">"
                + html(label) + "</div></div>\n");
    }

    private static void charts(ReportFacts facts, Writer out) throws IOException {
        out.write("<h2>Charts</h2>\n<section class=\"charts\">\n");
        List<Bar> readiness = new ArrayList<>();
        for (Readiness r : FleetReport.URGENCY) {
            readiness.add(new Bar(READINESS_LABEL.get(r), List.of(new Segment(facts.byReadiness.get(r), "r-" + r.name()))));
        }
        chart(out, "chart-readiness", "Clusters by readiness", readiness, null, false);
        List<Bar> blockers = new ArrayList<>();
        for (ReportFacts.RuleCount r : facts.blockersByRule) {
            blockers.add(new Bar(r.rule(), List.of(new Segment(r.clusters(), "r-BLOCKED")),
                    r.waived() > 0 ? r.clusters() + " (" + r.waived() + " waived)" : null));
        }
        chart(out, "chart-blockers", "Blockers by rule (clusters)", blockers,
                blockers.isEmpty() ? "No cluster has a BLOCKER." : null, false);
        List<Bar> groups = new ArrayList<>();
        for (ReportFacts.GroupCount g : facts.groups) {
            List<Segment> segments = new ArrayList<>();
            for (Readiness r : FleetReport.URGENCY) {
                segments.add(new Segment(g.byReadiness().get(r), "r-" + r.name()));
            }
            groups.add(new Bar(g.group(), segments));
        }
        chart(out, "chart-groups", "Clusters by " + facts.grouping.label(), groups, null, true);
        List<Bar> versions = new ArrayList<>();
        for (Map.Entry<String, Long> v : facts.versions.entrySet()) {
            versions.add(new Bar(v.getKey(), List.of(new Segment(v.getValue(), old(v.getKey()) ? "old" : "bar"))));
        }
        chart(out, "chart-versions", "Kubernetes versions (kubenet clusters)", versions,
                versions.stream().anyMatch(b -> b.segments().get(0).cls().equals("old"))
                        ? "Red: below 1.27, which the kubenet-to-Overlay update does not support (upgrade first)."
                        : null, false);
        out.write("</section>\n");
    }

    private static boolean old(String minor) {
        try {
            return KubernetesVersion.parse(minor).isBelow(1, 27);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private record Segment(long value, String cls) {
    }

    private record Bar(String label, List<Segment> segments, String valueText) {
        Bar(String label, List<Segment> segments) {
            this(label, segments, null);
        }

        long total() {
            return segments.stream().mapToLong(Segment::value).sum();
        }
    }

    /** A horizontal bar chart; a bar of several segments is stacked, and then a legend explains the colours. */
    private static void chart(Writer out, String id, String title, List<Bar> bars, String note, boolean legend)
            throws IOException {
        out.write("<figure class=\"chart\" id=\"" + id + "\">\n<h3>" + html(title) + "</h3>\n");
        List<Bar> shown = bars.size() > CHART_ROWS ? bars.subList(0, CHART_ROWS) : bars;
        long max = Math.max(1, shown.stream().mapToLong(Bar::total).max().orElse(1));
        int rowHeight = 22;
        int labelWidth = 170;
        int barWidth = 200;
        int height = Math.max(1, shown.size()) * rowHeight + 4;
        out.write("<svg viewBox=\"0 0 480 " + height + "\" role=\"img\" aria-label=\"" + html(title) + "\">\n");
        int y = 2;
        for (Bar bar : shown) {
            String label = shorten(bar.label());
            out.write("<g><title>" + html(bar.label() + ": " + bar.total()) + "</title>");
            out.write("<text x=\"" + (labelWidth - 6) + "\" y=\"" + (y + 15) + "\" text-anchor=\"end\">" + html(label)
                    + "</text>");
            double x = labelWidth;
            for (Segment s : bar.segments()) {
                if (s.value() == 0) {
                    continue;
                }
                double w = Math.max(1.5, barWidth * (double) s.value() / max);
                out.write(String.format(java.util.Locale.ROOT,
                        "<rect class=\"%s\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" rx=\"2\"/>", s.cls(), x, y + 3, w,
                        rowHeight - 6));
                x += w;
            }
            out.write(String.format(java.util.Locale.ROOT, "<text class=\"val\" x=\"%.1f\" y=\"%d\">%s</text></g>\n",
                    x + 5, y + 15, html(bar.valueText() == null ? String.valueOf(bar.total()) : bar.valueText())));
            y += rowHeight;
        }
        out.write("</svg>\n");
        if (bars.size() > CHART_ROWS) {
            out.write("<p class=\"note\">" + (bars.size() - CHART_ROWS) + " more not shown; the table below has"
                    + " every cluster.</p>\n");
        }
        if (note != null) {
            out.write("<p class=\"note\">" + html(note) + "</p>\n");
        }
        if (legend) {
            legend(out);
        }
        out.write("</figure>\n");
    }

    /**
     * A label that fits the chart's label column: long ones keep their start and their end, which is where
     * subscription GUIDs and generated names differ (the full label is in the bar's tooltip).
     */
    static String shorten(String label) {
        return label.length() <= 24 ? label : label.substring(0, 9) + "…" + label.substring(label.length() - 14);
    }

    private static void legend(Writer out) throws IOException {
        out.write("<div class=\"legend\">");
        for (Readiness r : FleetReport.URGENCY) {
            out.write("<span><i style=\"background:var(--" + cssVar(r) + ")\"></i>" + html(READINESS_LABEL.get(r))
                    + "</span>");
        }
        out.write("</div>\n");
    }

    private static String cssVar(Readiness r) {
        return switch (r) {
            case BLOCKED -> "blocked";
            case INCOMPLETE -> "incomplete";
            case ACTIONS_REQUIRED -> "actions";
            case READY -> "ready";
            case NOT_APPLICABLE -> "na";
        };
    }

    private static void restsOn(FleetReport report, ReportFacts facts, Writer out) throws IOException {
        out.write("<h2>What this report rests on</h2>\n<section class=\"rests\" id=\"rests-on\"><ul>\n");
        out.write("<li>" + html(ReportText.input(report)) + "</li>\n");
        out.write("<li>Checked: " + html(ReportText.checked(report, facts)) + ".<details><summary>Rules</summary>"
                + html(String.join(", ", report.rulesChecked())) + "</details></li>\n");
        List<String> gaps = ReportText.gaps(facts);
        if (gaps.isEmpty()) {
            out.write("<li>Not checked: nothing; every check ran on every kubenet cluster.</li>\n");
        } else {
            out.write("<li>Not checked (the data was missing; these clusters cannot be READY):<ul>\n");
            for (String gap : gaps) {
                out.write("<li>" + html(gap) + "</li>\n");
            }
            out.write("</ul></li>\n");
        }
        for (String note : report.input().notes()) {
            out.write("<li>Input note: " + html(note) + "</li>\n");
        }
        if (report.input().incomplete()) {
            out.write("<li class=\"input-missing\"><strong>" + html(ReportText.MISSING) + "</strong><ul>\n");
            for (String missing : report.input().missing()) {
                out.write("<li>" + html(missing) + "</li>\n");
            }
            out.write("</ul></li>\n");
        }
        String inClusterOnly = ReportText.inClusterOnly(facts);
        if (inClusterOnly != null) {
            out.write("<li>" + html(inClusterOnly) + ".</li>\n");
        }
        String gate = ReportText.gate(report);
        if (gate != null) {
            out.write("<li>Gate " + html(gate) + "</li>\n");
        }
        out.write("</ul></section>\n");
    }

    private static void waivers(FleetReport report, ReportFacts facts, Writer out) throws IOException {
        if (report.waivers().waivers().isEmpty()) {
            return;
        }
        out.write("<h2>Waivers</h2>\n<p>" + html(ReportText.waiverSummary(report, facts)) + ", judged on "
                + report.day() + ".</p>\n<table class=\"waivers\" id=\"waivers\"><thead><tr><th>status</th><th>rule</th>"
                + "<th>clusters selected</th><th class=\"num\">matched</th><th>owner</th><th>expires</th><th>reason</th>"
                + "<th>where</th></tr></thead><tbody>\n");
        for (WaiverUse use : report.waivers().waivers()) {
            out.write("<tr><td class=\"st-" + use.status() + "\">" + use.status() + "</td><td><code>"
                    + html(use.waiver().rule()) + "</code></td><td>" + html(use.waiver().cluster().describe())
                    + "</td><td class=\"num\">" + use.matched() + "</td><td>" + html(use.waiver().owner()) + "</td><td>"
                    + use.waiver().expires() + "</td><td>" + html(use.waiver().reason()) + "</td><td>"
                    + html(use.waiver().location()) + "</td></tr>\n");
        }
        out.write("</tbody></table>\n");
    }

    private static void table(FleetReport report, ReportFacts facts, Writer out) throws IOException {
        boolean grouped = !report.groupBy().isNone();
        boolean groupColumn = groupColumn(report);
        out.write("<h2>Clusters</h2>\n<noscript><p>The cluster table needs JavaScript. The JSON, CSV and Markdown"
                + " formats carry the same data.</p></noscript>\n<div id=\"table-js\" hidden>\n");
        out.write("<div class=\"controls\"><input id=\"filter\" type=\"search\" placeholder=\"Filter: name, subscription,"
                + " resource group, tag, rule…\" aria-label=\"Filter clusters\">");
        out.write("<select id=\"readiness\" aria-label=\"Readiness\"><option value=\"\">All verdicts</option>");
        for (Readiness r : FleetReport.URGENCY) {
            out.write("<option value=\"" + r.name() + "\">" + r.name() + " (" + facts.byReadiness.get(r) + ")</option>");
        }
        out.write("</select>");
        if (grouped) {
            out.write("<select id=\"group\" aria-label=\"" + html(report.groupBy().label()) + "\"><option value=\"\">All "
                    + html(report.groupBy().label()) + "</option></select>");
        }
        out.write("<span id=\"count\" aria-live=\"polite\"></span></div>\n");
        out.write("<p class=\"printonly\">Printed: the clusters of the current filter.</p>\n");
        out.write("<table id=\"clusters\"><thead><tr><th><span class=\"printonly\"></span></th>"
                + "<th data-key=\"name\"><button type=\"button\">Cluster</button></th>"
                + "<th data-key=\"readiness\"><button type=\"button\">Readiness</button></th>"
                + (groupColumn ? "<th data-key=\"group\"><button type=\"button\">" + html(capitalise(report.groupBy().label()))
                        + "</button></th>" : "")
                + "<th data-key=\"location\"><button type=\"button\">Location</button></th>"
                + "<th data-key=\"version\"><button type=\"button\">Version</button></th>"
                + "<th data-key=\"blockers\" class=\"num\"><button type=\"button\" title=\"Open blockers\">B</button></th>"
                + "<th data-key=\"actions\" class=\"num\"><button type=\"button\" title=\"Actions\">A</button></th>"
                + "<th data-key=\"warnings\" class=\"num\"><button type=\"button\" title=\"Warnings\">W</button></th>"
                + "<th data-key=\"waived\" class=\"num\"><button type=\"button\" title=\"Waived\">Waived</button></th>"
                + "<th data-key=\"urgency\"><button type=\"button\" title=\"Sort by urgency\">Top finding</button></th>"
                + "</tr></thead><tbody id=\"rows\"></tbody></table>\n");
        out.write("<div class=\"pager\"><button type=\"button\" id=\"prev\">Previous</button><span id=\"page\"></span>"
                + "<button type=\"button\" id=\"next\">Next</button><label>Rows per page <select id=\"size\">"
                + "<option>25</option><option selected>50</option><option>100</option><option>200</option></select>"
                + "</label></div>\n</div>\n");
    }

    /** Grouped by location, the location column already shows the group. */
    private static boolean groupColumn(FleetReport report) {
        return !report.groupBy().isNone() && report.groupBy().kind() != Grouping.Kind.LOCATION;
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /**
     * The clusters for the script, most urgent first, with short keys (the page carries 10,000 of them). Remediation
     * texts and references repeat across clusters, so they are stored once in {@code strings} and referenced by
     * index.
     */
    private static void data(FleetReport report, ReportFacts facts, Utf8Output out) throws IOException {
        // Straight to UTF-8: the page carries megabytes of it.
        JsonGenerator gen = Utf8Json.generator(out.bytes());
        gen.setCharacterEscapes(ScriptSafeEscapes.INSTANCE);
        Map<String, Integer> strings = new HashMap<>();
        List<String> table = new ArrayList<>();
        gen.writeStartObject();
        gen.writeStringField("groupLabel", report.groupBy().isNone() ? null : report.groupBy().label());
        gen.writeBooleanField("groupColumn", groupColumn(report));
        if (!report.groupBy().isNone()) {
            gen.writeArrayFieldStart("groups");
            for (ReportFacts.GroupCount g : facts.groups) {
                gen.writeString(g.group());
            }
            gen.writeEndArray();
        }
        gen.writeArrayFieldStart("clusters");
        gen.flush();
        // The remediation and reference indexes are handed out in page order first (one pass, one thread), so that
        // the clusters can then be written on all cores, in batches, straight to the output (compact JSON: a comma
        // between two; the generator's own end of the array is a bare "]" after any number of them).
        List<ClusterAssessment> sorted = report.byUrgency();
        List<ClusterData> clusters = new ArrayList<>(sorted.size());
        ControlPlaneVersions versions = new ControlPlaneVersions();
        for (ClusterAssessment c : sorted) {
            int[] texts = new int[c.findings().size() * 2];
            for (int i = 0; i < c.findings().size(); i++) {
                texts[2 * i] = intern(c.findings().get(i).remediation(), strings, table);
                texts[2 * i + 1] = intern(c.findings().get(i).reference(), strings, table);
            }
            clusters.add(new ClusterData(clusters.size(), c, texts, versionKey(versions, c.cluster())));
        }
        ParallelBatches.write(clusters, c -> c.json(report), ParallelBatches.NONE, COMMA, out.bytes());
        gen.writeEndArray();
        gen.writeArrayFieldStart("strings");
        gen.flush();
        ParallelBatches.write(table, HtmlReportRenderer::jsonString, ParallelBatches.NONE, COMMA, out.bytes());
        gen.writeEndArray();
        gen.writeEndObject();
        gen.flush();
    }

    private static final byte[] COMMA = {','};

    private static JsonGenerator scriptSafe(ByteArrayBuilder bytes) throws IOException {
        JsonGenerator gen = Utf8Json.generator(bytes);
        gen.setCharacterEscapes(ScriptSafeEscapes.INSTANCE);
        return gen;
    }

    private static byte[] jsonString(String text) {
        ByteArrayBuilder bytes = new ByteArrayBuilder(text.length() + 16);
        try (JsonGenerator gen = scriptSafe(bytes)) {
            gen.writeString(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * A cluster of the page's data and what was worked out for it in page order.
     *
     * @param order its place in the page's order
     * @param texts the indexes of each finding's remediation and reference in {@code strings}, two per finding
     */
    private record ClusterData(int order, ClusterAssessment c, int[] texts, long versionKey) {
        byte[] json(FleetReport report) {
            ByteArrayBuilder bytes = new ByteArrayBuilder(2048);
            try (JsonGenerator gen = scriptSafe(bytes)) {
                write(gen, report);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot serialise cluster " + c.cluster().id(), e);
            }
            return bytes.toByteArray();
        }

        private void write(JsonGenerator gen, FleetReport report) throws IOException {
            ManagedCluster m = c.cluster();
            gen.writeStartObject();
            gen.writeNumberField("o", order);
            gen.writeStringField("n", orEmpty(m.name()));
            gen.writeStringField("id", m.id().value());
            gen.writeStringField("s", orEmpty(m.subscriptionId()));
            gen.writeStringField("g", orEmpty(m.resourceGroup()));
            gen.writeStringField("l", orEmpty(m.location()));
            gen.writeStringField("v", orEmpty(m.runningVersion()));
            gen.writeNumberField("vk", versionKey);
            gen.writeStringField("p", FleetTableRenderer.plugin(c));
            gen.writeNumberField("r", FleetReport.URGENCY.indexOf(c.readiness()));
            if (!report.groupBy().isNone()) {
                gen.writeStringField("grp", report.groupBy().keyOf(m));
            }
            gen.writeStringField("top", ReportText.topFinding(report, c));
            int actions = 0;
            int warnings = 0;
            int waived = 0;
            for (Finding f : c.findings()) {
                Coverage coverage = report.waivers().of(c, f);
                waived += coverage.waived() ? 1 : 0;
                if (!coverage.waived()) {
                    actions += f.severity() == Severity.ACTION ? 1 : 0;
                    warnings += f.severity() == Severity.WARNING ? 1 : 0;
                }
            }
            for (Unverified u : c.unverified()) {
                waived += report.waivers().of(c, u).waived() ? 1 : 0;
            }
            gen.writeNumberField("nb", report.openBlockers(c));
            gen.writeNumberField("na", actions);
            gen.writeNumberField("nw", warnings);
            gen.writeNumberField("nv", waived);
            if (!m.tags().isEmpty()) {
                gen.writeArrayFieldStart("t");
                for (Map.Entry<String, String> tag : new TreeMap<>(m.tags()).entrySet()) {
                    gen.writeStartArray();
                    gen.writeString(tag.getKey());
                    gen.writeString(tag.getValue());
                    gen.writeEndArray();
                }
                gen.writeEndArray();
            }
            gen.writeArrayFieldStart("f");
            for (int i = 0; i < c.findings().size(); i++) {
                Finding f = c.findings().get(i);
                Coverage coverage = report.waivers().of(c, f);
                gen.writeStartArray();
                gen.writeNumber(f.severity().ordinal());
                gen.writeString(f.rule());
                gen.writeString(f.message());
                gen.writeNumber(texts[2 * i]);
                gen.writeNumber(texts[2 * i + 1]);
                gen.writeNumber(coverage.state().ordinal());
                gen.writeString(ReportText.coverage(coverage));
                gen.writeEndArray();
            }
            gen.writeEndArray();
            if (!c.unverified().isEmpty()) {
                gen.writeArrayFieldStart("u");
                for (Unverified u : c.unverified()) {
                    Coverage coverage = report.waivers().of(c, u);
                    gen.writeStartArray();
                    gen.writeString(u.check());
                    gen.writeNumber(u.couldBe().ordinal());
                    gen.writeString(u.reason());
                    gen.writeNumber(coverage.state().ordinal());
                    gen.writeString(ReportText.coverage(coverage));
                    gen.writeEndArray();
                }
                gen.writeEndArray();
            }
            gen.writeEndObject();
        }
    }

    private static int intern(String text, Map<String, Integer> strings, List<String> table) {
        String key = orEmpty(text);
        Integer index = strings.get(key);
        if (index == null) {
            index = table.size();
            strings.put(key, index);
            table.add(key);
        }
        return index;
    }

    /** A number that sorts versions numerically (1.9 before 1.10); unknown versions last. */
    private static long versionKey(ControlPlaneVersions versions, ManagedCluster m) {
        return versions.of(m)
                .map(v -> v.major() * 1_000_000L + v.minor() * 1_000L + v.patch())
                .orElse(Long.MAX_VALUE / 2);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    /** Text safe in HTML element content and in double-quoted attribute values. */
    static String html(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder s = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String r = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (r == null && (c < 0x20 && c != '\n' && c != '\t')) {
                r = "\uFFFD";
            }
            if (r != null && s == null) {
                s = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (s != null) {
                if (r != null) {
                    s.append(r);
                } else {
                    s.append(c);
                }
            }
        }
        return s == null ? text : s.toString();
    }

    /**
     * JSON escapes for data inside a script element: {@code <}, {@code >} and {@code &} as {@code \\u003c} etc., so
     * that no string can form {@code </script>} or {@code <!--}; U+2028 and U+2029 too (line terminators in older
     * JavaScript parsers).
     */
    static final class ScriptSafeEscapes extends CharacterEscapes {
        private static final long serialVersionUID = 1L;
        static final ScriptSafeEscapes INSTANCE = new ScriptSafeEscapes();
        private final int[] escapes;

        private ScriptSafeEscapes() {
            escapes = CharacterEscapes.standardAsciiEscapesForJSON();
            escapes['<'] = CharacterEscapes.ESCAPE_STANDARD;
            escapes['>'] = CharacterEscapes.ESCAPE_STANDARD;
            escapes['&'] = CharacterEscapes.ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return escapes;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            if (ch == 0x2028) {
                return new SerializedString("\\u2028");
            }
            if (ch == 0x2029) {
                return new SerializedString("\\u2029");
            }
            return null;
        }
    }

    private static String resource(String name) {
        try (InputStream in = HtmlReportRenderer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(String text) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
