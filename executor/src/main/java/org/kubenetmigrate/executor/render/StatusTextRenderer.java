package org.kubenetmigrate.executor.render;

import java.util.ArrayList;
import java.util.List;
import org.kubenetmigrate.executor.commands.StatusReport;

/** {@code status} as text: a table of runs, and for one run a table of its steps. */
public final class StatusTextRenderer {
    private StatusTextRenderer() {
    }

    public static String render(StatusReport report) {
        StringBuilder out = new StringBuilder();
        if (report.runs().isEmpty()) {
            return "No runs in this state directory.\n";
        }
        if (report.detail() == null) {
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[]{"RUN", "CLUSTER", "PHASE", "AT", "STATUS", "UPDATED"});
            for (StatusReport.RunLine r : report.runs()) {
                rows.add(new String[]{r.runId(), dash(r.clusterName()), r.phase(), dash(r.at()), dash(r.atStatus()),
                        r.updatedAt() == null ? "-" : r.updatedAt().toString()});
            }
            table(out, rows);
            return out.toString();
        }
        StatusReport.RunLine run = report.runs().get(0);
        StatusReport.RunDetail detail = report.detail();
        out.append("Run ").append(run.runId()).append(" on cluster ").append(run.clusterName()).append('\n');
        out.append("  phase: ").append(run.phase()).append(run.at() == null ? "" : ", at " + run.at() + " ("
                + run.atStatus() + ")").append('\n');
        out.append("  started: ").append(run.startedAt()).append(" by ").append(run.startedBy()).append("; last record ")
                .append(run.updatedAt()).append(" (").append(detail.journalRecords()).append(" journal records)\n");
        out.append("  plan: ").append(detail.planFile()).append(" (").append(detail.planId()).append(")\n");
        out.append("  lock: ").append(run.lockHolder() == null ? "not held" : "held by " + run.lockHolder()).append('\n');
        if (detail.identitySettlesAt() != null) {
            out.append("  identity settle: waiting for the new identity to take effect; may go on at ")
                    .append(detail.identitySettlesAt()).append(" (resume to continue)\n");
        }
        if (detail.tornTail() != null) {
            out.append("  journal: an incomplete last record is ignored (").append(detail.tornTail()).append(")\n");
        }
        out.append('\n');
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[]{"STEP", "STAGE", "STATUS", "TRIES", "GATE", "APPROVED BY", "LAST REQUEST"});
        for (StatusReport.StepLine s : detail.steps()) {
            rows.add(new String[]{s.stepId(), dash(s.stage()), s.status(), String.valueOf(s.attempts()),
                    s.pointOfNoReturn() ? "point of no return" : s.requiresApproval() ? "approval" : "-",
                    dash(s.approval()), dash(s.lastRequest())});
        }
        table(out, rows);
        for (StatusReport.StepLine s : detail.steps()) {
            if (s.problem() != null) {
                out.append('\n').append(s.stepId()).append(": ").append(s.problem()).append('\n');
                if (s.remediation() != null) {
                    for (String line : s.remediation().split("\n")) {
                        out.append("  - ").append(line).append('\n');
                    }
                }
            }
        }
        if (detail.stopReason() != null && !"finished".equals(run.phase()) && !"rolled-back".equals(run.phase())) {
            out.append("\nLast stop: ").append(detail.stopReason()).append('\n');
            if (detail.stopRemediation() != null) {
                for (String line : detail.stopRemediation().split("\n")) {
                    out.append("  - ").append(line).append('\n');
                }
            }
        }
        return out.toString();
    }

    private static String dash(String value) {
        return value == null || value.isEmpty() ? "-" : value;
    }

    private static void table(StringBuilder out, List<String[]> rows) {
        int columns = rows.get(0).length;
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int i = 0; i < columns - 1; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < columns; i++) {
                line.append(i == columns - 1 ? row[i] : String.format("%-" + widths[i] + "s  ", row[i]));
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
    }
}
