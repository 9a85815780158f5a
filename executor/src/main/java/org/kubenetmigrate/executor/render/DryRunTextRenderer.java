package org.kubenetmigrate.executor.render;

import org.kubenetmigrate.executor.commands.DryRunReport;
import org.kubenetmigrate.executor.engine.RunOutcome;

/** {@code apply --dry-run} as text: the live checks, then every step with the request it would send. */
public final class DryRunTextRenderer {
    private DryRunTextRenderer() {
    }

    public static String render(DryRunReport report) {
        StringBuilder out = new StringBuilder();
        out.append("Dry run of ").append(report.planFile()).append(" (plan ").append(report.planId(), 7, 19)
                .append(") against cluster ").append(report.clusterName()).append(": nothing is sent.\n");
        if (report.problems().isEmpty()) {
            out.append("Live checks: the cluster matches the plan's fingerprint; readiness ").append(report.readiness())
                    .append(", no blockers.\n");
        } else {
            out.append(report.outcome() == RunOutcome.STALE_PLAN ? "The plan is STALE" : "Apply would stop")
                    .append(":\n");
            report.problems().forEach(p -> out.append("  - ").append(p).append('\n'));
        }
        int n = 0;
        for (DryRunReport.Entry e : report.requests()) {
            n++;
            out.append('\n').append(n).append(". ").append(e.stepId()).append(": ").append(e.title());
            if (e.gate() != null) {
                out.append(e.gate().equals("point-of-no-return") ? "  [GATE: POINT OF NO RETURN]" : "  [GATE]");
            }
            out.append('\n');
            switch (e.action()) {
                case "send" -> {
                    out.append("   would send: ").append(e.method()).append(' ').append(e.url()).append('\n');
                    if (e.ifMatch() != null) {
                        out.append("   If-Match: ").append(e.ifMatch()).append('\n');
                    }
                    out.append("   body (").append(e.note()).append("):\n");
                    e.body().toPrettyString().lines().forEach(l -> out.append("     ").append(l).append('\n'));
                }
                case "skip" -> out.append("   would skip: ").append(e.note()).append('\n');
                case "kubernetes" -> out.append("   would change inside the cluster (Kubernetes API, not ARM): ")
                        .append(e.note()).append('\n');
                default -> out.append("   reads only").append(e.url() == null ? "" : ": " + e.method() + " " + e.url())
                        .append('\n');
            }
        }
        out.append("\nWould send ").append(report.mutatingRequests()).append(" mutating request")
                .append(report.mutatingRequests() == 1 ? "" : "s").append("; sent none.\n");
        return out.toString();
    }
}
