package org.kubenetmigrate.planner.report;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kubenetmigrate.planner.assessment.ClusterAssessment;
import org.kubenetmigrate.planner.assessment.FleetAssessment;
import org.kubenetmigrate.planner.model.AzureValue;
import org.kubenetmigrate.planner.rules.Readiness;
import org.kubenetmigrate.planner.rules.RuleCatalogue;
import org.kubenetmigrate.planner.rules.Rule;

/**
 * The fleet as a terminal table: counts first, then what the report rests on (input age, what was checked, what
 * could not be), waivers and the gate, then one row per cluster, most urgent first (per group with
 * {@code --group-by}). Colour is the caller's decision (a terminal, and no NO_COLOR); values from Azure are
 * stripped of control characters so a cluster name cannot drive the terminal.
 */
public final class FleetTableRenderer implements ReportRenderer {
    static final int TOP_FINDING_WIDTH = 90;
    private static final String RESET = "\u001b[0m";
    private static final Map<Readiness, String> COLOURS = Map.of(
            Readiness.BLOCKED, "\u001b[1;31m",
            Readiness.INCOMPLETE, "\u001b[35m",
            Readiness.ACTIONS_REQUIRED, "\u001b[33m",
            Readiness.READY, "\u001b[32m",
            Readiness.NOT_APPLICABLE, "\u001b[2m");
    private static final String[] HEADER = {"NAME", "SUBSCRIPTION", "REGION", "VERSION", "PLUGIN", "READINESS",
        "TOP FINDING"};
    private static final int READINESS_COLUMN = 5;

    private final boolean colour;

    /** @param colour emit ANSI colours: only when writing to a terminal that has not asked for NO_COLOR */
    public FleetTableRenderer(boolean colour) {
        this.colour = colour;
    }

    /** The plain table of an assessment alone (no waivers, no input metadata), as before reports had more. */
    public static String render(FleetAssessment fleet) {
        List<String> rules = RuleCatalogue.all().stream().map(Rule::id).toList();
        return new FleetTableRenderer(false).render(FleetReport.of(fleet, rules));
    }

    @Override
    public void render(FleetReport report, Writer out) throws IOException {
        ReportFacts facts = ReportFacts.of(report);
        StringBuilder counts = new StringBuilder("Clusters: ").append(report.assessment().clusters().size());
        for (Readiness r : FleetReport.URGENCY) {
            counts.append("  ").append(paint(r, r.name())).append(": ").append(facts.byReadiness.get(r));
        }
        out.write(counts + "\n");
        out.write(ReportText.daysLeft(report) + "\n");
        out.write(clean(ReportText.input(report)) + "\n");
        if (report.input().incomplete()) {
            out.write(paint(Readiness.BLOCKED, ReportText.MISSING) + "\n");
            for (String missing : report.input().missing()) {
                out.write("  - " + clean(missing) + "\n");
            }
        }
        out.write("Checked: " + ReportText.checked(report, facts) + "\n");
        List<String> gaps = ReportText.gaps(facts);
        out.write(gaps.isEmpty() ? "Not checked: nothing; every check ran on every kubenet cluster\n"
                : "Not checked (data missing, see unverified):\n");
        for (String gap : gaps) {
            out.write("  " + clean(gap) + "\n");
        }
        for (String note : report.input().notes()) {
            out.write("  input: " + clean(note) + "\n");
        }
        String inClusterOnly = ReportText.inClusterOnly(facts);
        if (inClusterOnly != null) {
            out.write(clean(inClusterOnly) + "\n");
        }
        String waivers = ReportText.waiverSummary(report, facts);
        if (waivers != null) {
            out.write(waivers + "\n");
            for (var use : report.waivers().waivers()) {
                if (use.status() != org.kubenetmigrate.planner.waivers.WaiverUse.Status.APPLIED) {
                    out.write("  " + clean(ReportText.waiver(use)) + "\n");
                }
            }
        }
        String gate = ReportText.gate(report);
        if (gate != null) {
            out.write("Gate " + gate + "\n");
        }
        out.write("\n");
        if (report.groupBy().isNone()) {
            table(report, report.byUrgency(), out);
            return;
        }
        Map<String, List<ClusterAssessment>> groups = new LinkedHashMap<>();
        for (ReportFacts.GroupCount g : facts.groups) {
            groups.put(g.group(), new ArrayList<>());
        }
        for (ClusterAssessment c : report.byUrgency()) {
            groups.get(report.groupBy().keyOf(c.cluster())).add(c);
        }
        boolean first = true;
        for (ReportFacts.GroupCount g : facts.groups) {
            if (!first) {
                out.write("\n");
            }
            first = false;
            StringBuilder heading = new StringBuilder("== ").append(report.groupBy().label()).append(' ')
                    .append(clean(g.group())).append(": ").append(g.total()).append(g.total() == 1 ? " cluster" : " clusters");
            for (Readiness r : FleetReport.URGENCY) {
                if (g.byReadiness().get(r) > 0) {
                    heading.append("  ").append(r.name()).append(": ").append(g.byReadiness().get(r));
                }
            }
            out.write(heading + "\n");
            table(report, groups.get(g.group()), out);
        }
    }

    private void table(FleetReport report, List<ClusterAssessment> clusters, Writer out) throws IOException {
        List<String[]> rows = new ArrayList<>(clusters.size() + 1);
        rows.add(HEADER);
        for (ClusterAssessment c : clusters) {
            rows.add(new String[] {
                clean(orDash(c.cluster().name())),
                clean(orDash(c.cluster().subscriptionId())),
                clean(orDash(c.cluster().location())),
                clean(orDash(c.cluster().runningVersion())),
                clean(plugin(c)),
                c.readiness().name(),
                truncate(clean(ReportText.topFinding(report, c)), TOP_FINDING_WIDTH)});
        }
        int[] widths = new int[HEADER.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (int r = 0; r < rows.size(); r++) {
            String[] row = rows.get(r);
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                String cell = i == row.length - 1 ? row[i] : pad(row[i], widths[i] + 2);
                if (i == READINESS_COLUMN && r > 0) {
                    // Pad first, then colour: escape codes must not count towards the width.
                    cell = paint(Readiness.valueOf(row[i]), row[i]) + cell.substring(row[i].length());
                }
                line.append(cell);
            }
            out.write(stripTrailing(line) + "\n");
        }
    }

    private String paint(Readiness readiness, String text) {
        return colour ? COLOURS.get(readiness) + text + RESET : text;
    }

    static String plugin(ClusterAssessment c) {
        String plugin = orDash(AzureValue.text(c.cluster().network().plugin()));
        return c.cluster().network().pluginMode() == null ? plugin : plugin + "/" + c.cluster().network().pluginMode();
    }

    /**
     * Control characters (U+0000 to U+001F, DEL, U+0080 to U+009F) become '?': names and tags are user input, and an escape sequence in one
     * could rewrite the terminal.
     */
    static String clean(String text) {
        StringBuilder s = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
                if (s == null) {
                    s = new StringBuilder(text.substring(0, i));
                }
                s.append('?');
            } else if (s != null) {
                s.append(c);
            }
        }
        return s == null ? text : s.toString();
    }

    private static String stripTrailing(StringBuilder line) {
        int end = line.length();
        while (end > 0 && line.charAt(end - 1) == ' ') {
            end--;
        }
        return line.substring(0, end);
    }

    private static String truncate(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width - 1) + "…";
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - text.length()));
    }

    private static String orDash(String text) {
        return text == null || text.isBlank() ? "-" : text;
    }
}
