package org.kubenetmigrate.executor.render;

import java.util.List;
import java.util.Map;
import org.kubenetmigrate.executor.rollout.RolloutDefinition;
import org.kubenetmigrate.executor.rollout.RolloutReport;

/** The rollout commands' text output: the assignment after {@code create}, and {@code rollout status}. */
public final class RolloutTextRenderer {
    private RolloutTextRenderer() {
    }

    public static String created(RolloutDefinition definition, String where) {
        StringBuilder out = new StringBuilder();
        long skipped = definition.members().stream().filter(RolloutDefinition.Member::skipped).count();
        out.append("rollout ").append(definition.name()).append(" created in ").append(where).append(": ")
                .append(definition.members().size()).append(" member(s), ").append(skipped).append(" skipped, ")
                .append(definition.notInRollout().size()).append(" kubenet cluster(s) not in the rollout\n");
        Map<String, Map<String, List<RolloutDefinition.Member>>> byStage = new java.util.LinkedHashMap<>();
        for (var stage : definition.strategy().stages()) {
            Map<String, List<RolloutDefinition.Member>> groups = new java.util.LinkedHashMap<>();
            for (var group : stage.groups()) {
                groups.put(group.name(), definition.members().stream().filter(m -> m.group().equals(group.name()))
                        .toList());
            }
            byStage.put(stage.name(), groups);
        }
        for (var stage : byStage.entrySet()) {
            out.append("\nstage ").append(stage.getKey()).append('\n');
            for (var group : stage.getValue().entrySet()) {
                out.append("  group ").append(group.getKey()).append(" (").append(group.getValue().size()).append(")\n");
                for (RolloutDefinition.Member m : group.getValue()) {
                    out.append("    ").append(m.clusterName()).append("  run ").append(m.runId())
                            .append(m.skipped() ? "  Skipped: " + m.skipReason() : "").append('\n');
                }
            }
        }
        if (!definition.notInRollout().isEmpty()) {
            out.append("\nnot in the rollout (no group selects them):\n");
            for (RolloutDefinition.NotInRollout n : definition.notInRollout()) {
                out.append("  ").append(n.clusterName()).append("  ").append(n.clusterId()).append('\n');
            }
        }
        return out.toString();
    }

    public static String status(RolloutReport report) {
        StringBuilder out = new StringBuilder();
        RolloutReport.Counts c = report.counts();
        out.append("rollout ").append(report.name()).append(": ").append(report.status())
                .append(report.reason() == null ? "" : " (" + report.reason() + ")").append('\n');
        out.append("  members ").append(c.members()).append(": ").append(c.completed()).append(" completed, ")
                .append(c.failed()).append(" failed, ").append(c.skipped()).append(" skipped, ").append(c.stopped())
                .append(" stopped, ").append(c.running()).append(" running, ").append(c.pending()).append(" pending, ")
                .append(c.notStarted()).append(" not started\n");
        for (RolloutReport.StageLine stage : report.stages()) {
            out.append("\nstage ").append(stage.name()).append(": ").append(stage.status())
                    .append(stage.reason() == null ? "" : " (" + stage.reason() + ")").append('\n');
            for (RolloutReport.GroupLine group : stage.groups()) {
                out.append("  group ").append(group.name()).append('\n');
                for (RolloutReport.MemberLine m : group.members()) {
                    out.append("    ").append(pad(m.cluster(), 28)).append(' ').append(pad(m.status(), 11))
                            .append(" run ").append(m.runId());
                    if (m.step() != null) {
                        out.append("  at ").append(m.step());
                    }
                    if (m.worker() != null) {
                        out.append("  worker ").append(m.worker());
                    }
                    if (m.reason() != null) {
                        out.append("\n      ").append(m.reason());
                    }
                    out.append('\n');
                }
            }
        }
        if (!report.gates().isEmpty()) {
            out.append("\ngates\n");
            for (RolloutReport.GateLine g : report.gates()) {
                out.append("  ").append(pad(g.name(), 20)).append(' ').append(pad(g.status(), 10)).append(' ')
                        .append(g.position()).append(" stage ").append(g.stage())
                        .append(g.approvedBy() == null ? "" : "  approved by " + g.approvedBy() + " at " + g.approvedAt())
                        .append('\n');
            }
        }
        if (!report.waits().isEmpty()) {
            out.append("\nafter-stage waits\n");
            for (RolloutReport.WaitLine w : report.waits()) {
                out.append("  after stage ").append(pad(w.stage(), 14)).append(' ').append(pad(w.status(), 10))
                        .append(' ').append(w.duration().toMinutes()).append("m")
                        .append(w.until() == null ? "" : "  until " + w.until())
                        .append(w.skippedBy() == null ? "" : "  skipped by " + w.skippedBy() + " at " + w.skippedAt())
                        .append('\n');
            }
        }
        return out.toString();
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }
}
