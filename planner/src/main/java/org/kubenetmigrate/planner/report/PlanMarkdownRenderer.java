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
 * Renders a plan as GitHub-flavoured Markdown for a pull request: the same content as {@link PlanTextRenderer},
 * with tables for findings and fenced blocks for requests, bodies and commands.
 *
 * <p>Input text (cluster names, messages) is escaped: Markdown punctuation gets a backslash, so a {@code |} cannot
 * split a table cell and {@code <} cannot open HTML; line breaks become spaces; fences are longer than any
 * backtick run inside them.
 */
public final class PlanMarkdownRenderer {
    static final String PONR_MARKER = "POINT OF NO RETURN";

    private PlanMarkdownRenderer() {
    }

    public static String render(MigrationPlan plan) {
        StringBuilder md = new StringBuilder();
        ClusterAssessment a = plan.assessment();
        md.append("## Migration plan: ").append(inline(a.cluster().name())).append("\n\n");
        md.append("| | |\n|---|---|\n");
        row(md, "Cluster", a.cluster().id().value());
        row(md, "Readiness", a.readiness().name() + PlanView.readinessHint(a.readiness()));
        row(md, "Strategy", plan.strategy().id());
        row(md, "Target", PlanView.target(plan));
        row(md, "Fingerprint", PlanView.fingerprint(plan.fingerprint()));
        md.append('\n');

        List<Finding> blockers = PlanView.blockers(plan);
        if (!blockers.isEmpty()) {
            md.append("### Blockers\n\n");
            md.append("> [!CAUTION]\n> Do not apply until these are resolved.\n\n");
            md.append("| Rule | Finding | Remediation | Source |\n|---|---|---|---|\n");
            blockers.forEach(f -> md.append(cells(f.rule(), f.message(), f.remediation(), f.reference())));
            md.append('\n');
        }
        Map<Severity, List<Finding>> others = PlanView.otherFindings(plan);
        if (!others.isEmpty()) {
            md.append("### Findings\n\n");
            md.append("| Severity | Rule | Finding | Remediation | Source |\n|---|---|---|---|---|\n");
            others.forEach((severity, findings) -> findings.forEach(f -> md.append(
                    cells(severity.name(), f.rule(), f.message(), f.remediation(), f.reference()))));
            md.append('\n');
        }
        if (!a.unverified().isEmpty()) {
            md.append("### Unverified checks\n\n");
            md.append("| Check | Why it could not run | Could be |\n|---|---|---|\n");
            for (Unverified u : a.unverified()) {
                md.append(cells(u.check(), u.reason(), u.couldBe().name()));
            }
            md.append('\n');
        }
        if (a.sizing() != null) {
            md.append("### Sizing\n\n");
            md.append("| Pool | Max nodes | Surge nodes | Surge basis |\n|---|---:|---:|---|\n");
            for (PoolSizing pool : a.sizing().pools()) {
                md.append(cells(pool.pool(), Integer.toString(pool.maxNodes()), Integer.toString(pool.surgeNodes()),
                        pool.surgeBasis()));
            }
            md.append('\n');
            md.append("- Nodes: ").append(inline(PlanView.nodes(plan))).append('\n');
            if (a.sizing().podCidr() != null && plan.strategy() != PlanStrategy.BLUE_GREEN_POD_SUBNET) {
                md.append("- Pod CIDR: ").append(inline(PlanView.podCidr(a.sizing().podCidr()))).append('\n');
            }
            if (a.sizing().podSubnet() != null) {
                md.append("- Pod subnet: ").append(inline(PlanView.podSubnet(a.sizing().podSubnet()))).append('\n');
            }
            md.append('\n');
        }

        if (!plan.stages().isEmpty()) {
            md.append("### Steps\n\n");
        }
        int number = 0;
        int stageNumber = 0;
        for (Stage stage : plan.stages()) {
            stageNumber++;
            md.append("#### Stage ").append(stageNumber).append(" of ").append(plan.stages().size()).append(": ")
                    .append(inline(stage.title())).append(" (`").append(code(stage.id())).append("`)\n\n");
            for (Step step : stage.steps()) {
                number++;
                step(md, number, step);
            }
        }

        if (!plan.notes().isEmpty()) {
            md.append("### Notes\n\n");
            plan.notes().forEach(n -> md.append("- ").append(paragraph(n)).append('\n'));
            md.append('\n');
        }
        md.append(plan.stages().isEmpty() ? "**Plan:** no steps.\n" : "**Plan:** " + inline(PlanView.summary(plan)) + "\n");
        return md.toString();
    }

    private static void step(StringBuilder md, int number, Step step) {
        if (step.pointOfNoReturn()) {
            md.append("> [!WARNING]\n> **").append(PONR_MARKER)
                    .append("**: the next step cannot be undone; after it the migration only goes forward.\n\n");
        }
        md.append("**").append(number).append(". `").append(code(step.id())).append("`** ")
                .append(inline(step.title()));
        PlanView.markers(step).forEach(m -> md.append(" `[").append(m).append("]`"));
        md.append("\n\n").append(paragraph(step.description())).append("\n\n");
        if (step.patch() != null && !step.patch().isEmpty()) {
            fenced(md, "diff", step.patch().stripTrailing());
        }
        request(md, step.request());
        if (step.azCli() != null) {
            fenced(md, "sh", PlanView.sanitize(step.azCli()));
        }
        Compensation undo = step.compensation();
        if (undo != null) {
            md.append("Undo: ").append(inline(undo.description())).append("\n\n");
            request(md, undo.request());
            if (undo.azCli() != null) {
                fenced(md, "sh", PlanView.sanitize(undo.azCli()));
            }
        }
    }

    private static void request(StringBuilder md, ArmRequest request) {
        if (request == null) {
            return;
        }
        StringBuilder http = new StringBuilder(PlanView.sanitize(PlanView.requestLine(request)));
        request.headers().forEach((name, value) -> http.append('\n')
                .append(PlanView.sanitize(name + ": " + value)));
        fenced(md, "http", http.toString());
        if (request.body() != null) {
            md.append(inline(PlanView.bodyLabel(request))).append(":\n\n");
            fenced(md, "json", JsonWriter.pretty(request.body()));
        }
    }

    private static void row(StringBuilder md, String label, String value) {
        md.append(cells(label, value));
    }

    /** One table row; every cell escaped. */
    static String cells(String... values) {
        StringBuilder row = new StringBuilder("|");
        for (String v : values) {
            row.append(' ').append(inline(v)).append(" |");
        }
        return row.append('\n').toString();
    }

    /**
     * Text safe inside a line or a table cell: line breaks become spaces and the Markdown punctuation that can
     * change meaning mid-line is backslash-escaped (CommonMark allows a backslash before any ASCII punctuation):
     * emphasis, code, links, HTML, entities and {@code |}, which would split a table cell.
     */
    static String inline(String text) {
        String clean = PlanView.sanitize(text);
        StringBuilder out = new StringBuilder(clean.length() + 8);
        for (int i = 0; i < clean.length(); i++) {
            char c = clean.charAt(i);
            if ("\\`*_[]<|~&".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /**
     * {@link #inline} for text that starts a line (a paragraph or a list item), where a leading {@code #},
     * {@code >}, {@code -}, {@code +}, {@code =} or {@code 1.} would make a heading, quote or list.
     */
    static String paragraph(String text) {
        String escaped = inline(text);
        if (!escaped.isEmpty() && "#>-+=".indexOf(escaped.charAt(0)) >= 0) {
            return "\\" + escaped;
        }
        return escaped.replaceFirst("^(\\d+)([.)])", "$1\\\\$2");
    }

    /** Text inside a code span of our own identifiers: backticks would end it, so they are dropped. */
    private static String code(String text) {
        return PlanView.sanitize(text).replace("`", "");
    }

    /** A fenced code block whose fence is longer than any backtick run in the content. */
    static void fenced(StringBuilder md, String language, String content) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < content.length(); i++) {
            run = content.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(Math.max(3, longest + 1));
        md.append(fence).append(language).append('\n').append(content).append('\n').append(fence).append("\n\n");
    }
}
