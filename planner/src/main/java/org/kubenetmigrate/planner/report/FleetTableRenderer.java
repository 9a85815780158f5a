package org.kubenetmigrate.planner.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.kubenetmigrate.planner.assessment.ClusterAssessment;
import org.kubenetmigrate.planner.assessment.FleetAssessment;
import org.kubenetmigrate.planner.rules.Finding;
import org.kubenetmigrate.planner.rules.Readiness;
import org.kubenetmigrate.planner.rules.Severity;

/** The fleet as a terminal table: counts first, then one row per cluster, most urgent first. */
public final class FleetTableRenderer {
    static final int TOP_FINDING_WIDTH = 90;
    private static final List<Readiness> URGENCY = List.of(Readiness.BLOCKED, Readiness.INCOMPLETE,
            Readiness.ACTIONS_REQUIRED, Readiness.READY, Readiness.NOT_APPLICABLE);

    private FleetTableRenderer() {
    }

    public static String render(FleetAssessment fleet) {
        StringBuilder out = new StringBuilder();
        Map<Readiness, Long> counts = fleet.countsByReadiness();
        out.append("Clusters: ").append(fleet.clusters().size());
        for (Readiness r : URGENCY) {
            out.append("  ").append(r.name()).append(": ").append(counts.get(r));
        }
        out.append("\n\n");
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"NAME", "SUBSCRIPTION", "REGION", "VERSION", "PLUGIN", "READINESS", "TOP FINDING"});
        fleet.clusters().stream()
                .sorted(Comparator.comparing((ClusterAssessment c) -> URGENCY.indexOf(c.readiness()))
                        .thenComparing(c -> c.cluster().name()))
                .forEach(c -> rows.add(new String[] {
                    c.cluster().name(),
                    c.cluster().subscriptionId(),
                    c.cluster().location(),
                    orDash(c.cluster().kubernetesVersion()),
                    plugin(c),
                    c.readiness().name(),
                    truncate(topFinding(c), TOP_FINDING_WIDTH)}));
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(i == row.length - 1 ? row[i] : pad(row[i], widths[i] + 2));
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    static String plugin(ClusterAssessment c) {
        String plugin = orDash(c.cluster().network().plugin());
        return c.cluster().network().pluginMode() == null ? plugin : plugin + "/" + c.cluster().network().pluginMode();
    }

    /** The most severe non-INFO finding, else the first unverified check, else "-". */
    static String topFinding(ClusterAssessment c) {
        for (Finding f : c.findings()) {
            if (f.severity() != Severity.INFO) {
                String more = c.findings().stream().filter(x -> x.severity() != Severity.INFO).count() > 1 ? " (+more)" : "";
                return f.severity() + " " + f.rule() + ": " + f.message() + more;
            }
        }
        if (!c.unverified().isEmpty()) {
            return "UNVERIFIED " + c.unverified().get(0).check() + ": " + c.unverified().get(0).reason();
        }
        return "-";
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
