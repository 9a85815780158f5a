package org.kubenetmigrate.planner.report;

import java.util.List;
import java.util.Map;
import org.kubenetmigrate.planner.assessment.ClusterAssessment;
import org.kubenetmigrate.planner.plan.ArmRequest;
import org.kubenetmigrate.planner.plan.Compensation;
import org.kubenetmigrate.planner.plan.MigrationPlan;
import org.kubenetmigrate.planner.plan.PlanStrategy;
import org.kubenetmigrate.planner.plan.Stage;
import org.kubenetmigrate.planner.plan.Step;
import org.kubenetmigrate.planner.rules.Finding;
import org.kubenetmigrate.planner.rules.Severity;
import org.kubenetmigrate.planner.rules.Unverified;
import org.kubenetmigrate.planner.sizing.PoolSizing;

/**
 * Renders a plan for a terminal, in the spirit of {@code terraform plan}: header, blockers first, other findings
 * by severity, unchecked items, sizing, then every step numbered with its gates, its request and az equivalent.
 * Control characters in input text (line breaks, terminal escape sequences) are replaced so that a name cannot
 * forge output lines or recolour the terminal.
 */
public final class PlanTextRenderer {
    static final String PONR_MARKER = ">>> POINT OF NO RETURN <<<";
    private static final int WIDTH = 100;

    private PlanTextRenderer() {
    }

    public static String render(MigrationPlan plan) {
        Out out = new Out();
        ClusterAssessment a = plan.assessment();
        out.line(0, "Migration plan for " + a.cluster().name());
        out.line(2, "cluster      " + a.cluster().id());
        out.line(2, "readiness    " + a.readiness() + PlanView.readinessHint(a.readiness()));
        out.line(2, "strategy     " + plan.strategy());
        out.line(2, "target       " + PlanView.target(plan));
        out.line(2, "fingerprint  " + PlanView.fingerprint(plan.fingerprint()));

        List<Finding> blockers = PlanView.blockers(plan);
        if (!blockers.isEmpty()) {
            out.blank();
            out.line(0, "Blockers (resolve before apply):");
            blockers.forEach(f -> finding(out, "x", f));
        }
        Map<Severity, List<Finding>> others = PlanView.otherFindings(plan);
        if (!others.isEmpty()) {
            out.blank();
            out.line(0, "Findings:");
            others.forEach((severity, findings) -> {
                out.line(2, severity.name());
                findings.forEach(f -> finding(out, "-", f));
            });
        }
        if (!a.unverified().isEmpty()) {
            out.blank();
            out.line(0, "Unverified checks:");
            for (Unverified u : a.unverified()) {
                out.wrap(2, "? " + u.check() + ": " + u.reason() + " (could be " + u.couldBe() + ")", 4);
            }
        }
        if (a.sizing() != null) {
            out.blank();
            out.line(0, "Sizing:");
            out.line(2, "nodes       " + PlanView.nodes(plan));
            for (PoolSizing pool : a.sizing().pools()) {
                out.line(4, "pool " + pool.pool() + ": max " + pool.maxNodes() + ", surge " + pool.surgeNodes()
                        + " (" + pool.surgeBasis() + ")");
            }
            if (a.sizing().podCidr() != null && plan.strategy() != PlanStrategy.BLUE_GREEN_POD_SUBNET) {
                out.wrap(2, "pod CIDR    " + PlanView.podCidr(a.sizing().podCidr()), 14);
            }
            if (a.sizing().podSubnet() != null) {
                out.wrap(2, "pod subnet  " + PlanView.podSubnet(a.sizing().podSubnet()), 14);
            }
        }

        int number = 0;
        int stageNumber = 0;
        for (Stage stage : plan.stages()) {
            stageNumber++;
            out.blank();
            out.line(0, "Stage " + stageNumber + "/" + plan.stages().size() + ": " + stage.title() + " [" + stage.id() + "]");
            for (Step step : stage.steps()) {
                number++;
                step(out, number, step);
            }
        }

        if (!plan.notes().isEmpty()) {
            out.blank();
            out.line(0, "Notes:");
            plan.notes().forEach(n -> out.wrap(2, "- " + n, 4));
        }
        out.blank();
        out.line(0, plan.stages().isEmpty() ? "Plan: no steps." : "Plan: " + PlanView.summary(plan));
        return out.toString();
    }

    private static void finding(Out out, String bullet, Finding f) {
        out.wrap(2, bullet + " " + f.rule() + ": " + f.message(), 4);
        if (f.remediation() != null && !f.remediation().isBlank()) {
            out.wrap(6, "fix: " + f.remediation(), 11);
        }
        if (f.reference() != null && !f.reference().isBlank()) {
            out.line(6, "see: " + f.reference());
        }
    }

    private static void step(Out out, int number, Step step) {
        out.blank();
        if (step.pointOfNoReturn()) {
            out.line(2, PONR_MARKER);
        }
        StringBuilder head = new StringBuilder().append(number).append(". ").append(step.id()).append(": ")
                .append(step.title()).append(' ');
        PlanView.markers(step).forEach(m -> head.append(" [").append(m).append(']'));
        out.line(2, head.toString());
        out.wrap(6, step.description(), 6);
        if (step.patch() != null) {
            for (String line : step.patch().split("\n", -1)) {
                if (!line.isEmpty()) {
                    out.line(6, PlanView.sanitize(line));
                }
            }
        }
        request(out, 6, step.request());
        if (step.azCli() != null) {
            out.line(6, "az: " + step.azCli());
        }
        Compensation undo = step.compensation();
        if (undo != null) {
            out.wrap(6, "undo: " + undo.description(), 12);
            request(out, 12, undo.request());
            if (undo.azCli() != null) {
                out.line(12, "az: " + undo.azCli());
            }
        }
    }

    private static void request(Out out, int indent, ArmRequest request) {
        if (request == null) {
            return;
        }
        out.line(indent, PlanView.requestLine(request));
        request.headers().forEach((name, value) -> out.line(indent, name + ": " + value));
        if (request.body() != null) {
            out.line(indent, PlanView.bodyLabel(request) + ": " + JsonWriter.compact(request.body()));
        }
    }

    /** Lines with indentation and word wrapping; every line is sanitized. */
    private static final class Out {
        private final StringBuilder text = new StringBuilder();

        void blank() {
            text.append('\n');
        }

        void line(int indent, String line) {
            text.append(" ".repeat(indent)).append(PlanView.sanitize(line).stripTrailing()).append('\n');
        }

        /** Wraps at word boundaries; continuation lines are indented by {@code hanging}. Long words stay whole. */
        void wrap(int indent, String paragraph, int hanging) {
            String clean = PlanView.sanitize(paragraph);
            int width = WIDTH - indent;
            StringBuilder current = new StringBuilder();
            int currentIndent = indent;
            // Split on single spaces so that runs of spaces (column alignment) survive.
            for (String word : clean.split(" ")) {
                if (current.length() > 0 && current.length() + 1 + word.length() > width) {
                    line(currentIndent, current.toString());
                    current.setLength(0);
                    currentIndent = hanging;
                    width = WIDTH - hanging;
                }
                if (current.length() > 0) {
                    current.append(' ');
                }
                current.append(word);
            }
            if (current.length() > 0) {
                line(currentIndent, current.toString());
            }
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }
}
