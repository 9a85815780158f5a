package org.kubenetmigrate.planner.rules;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.kubenetmigrate.planner.model.TargetIpam;

/**
 * Renders {@code docs/reference/rules.md} from {@link RuleCatalogue}: every rule's id, the severities it can give,
 * what it checks and its sources. {@link RuleReferenceTest} fails when the committed page differs.
 */
final class RuleReference {
    /** The one command that rewrites the page; printed by the test when it is stale. */
    static final String REGENERATE = "./mvnw -B -q -pl planner -am test -Dtest=RuleReferenceTest"
            + " -Dsurefire.failIfNoSpecifiedTests=false -Drule.reference.write=true";
    static final String PATH = "docs/reference/rules.md";

    private RuleReference() {
    }

    static String page(List<Rule> rules) {
        StringBuilder md = new StringBuilder()
                .append("<!-- Generated from the rule catalogue; do not edit. Regenerate with: ").append(REGENERATE)
                .append(" -->\n")
                .append("# Readiness rules\n\n")
                .append("Each rule is one class in `planner/src/main/java/org/kubenetmigrate/planner/rules/`, with a"
                        + " stable id (used in reports and waivers), a message with the concrete values, a remediation"
                        + " and a source you can open. Severities: `BLOCKER` (fix outside the tool first), `ACTION`"
                        + " (the plan has a step that resolves it), `WARNING` (a risk to review), `INFO`. A rule that"
                        + " lacks its data reports the check as unverified, never as passed. How findings become"
                        + " verdicts: [report.md](../guide/report.md).\n\n")
                .append("| rule | severity | what it checks | applies to | source |\n")
                .append("|---|---|---|---|---|\n");
        for (Rule rule : rules) {
            md.append("| `").append(rule.id()).append("` | ")
                    .append(rule.severities().stream().map(Severity::name).collect(Collectors.joining(", ")))
                    .append(rule.readsInsideTheCluster() ? " (in-cluster)" : "")
                    .append(" | ").append(cell(rule.description()))
                    .append(" | ").append(targets(rule.targets()))
                    .append(" | ").append(rule.sources().stream().map(RuleReference::link)
                            .collect(Collectors.joining(", ")))
                    .append(" |\n");
        }
        md.append("\n(in-cluster) rules read the cluster through the Kubernetes API and run only with `--in-cluster`;"
                + " without it, `ip-masq-agent-config` is reported as unverified, because what it finds makes AKS"
                + " reject the update, and the others say nothing.\n");
        return md.toString();
    }

    private static String targets(Set<TargetIpam> targets) {
        return targets.stream().sorted().map(TargetIpam::label).collect(Collectors.joining(", "));
    }

    private static String cell(String text) {
        return text == null ? "" : text.replace("|", "\\|");
    }

    /** A link whose text says what it is: the page name, "AKS release notes DATE", or owner/repo#N. */
    static String link(String url) {
        String text;
        if (url.startsWith("https://github.com/Azure/AKS/releases/tag/")) {
            text = "AKS release notes " + url.substring(url.lastIndexOf('/') + 1);
        } else if (url.startsWith("https://github.com/") && url.matches(".*/(issues|pull)/\\d+")) {
            String[] parts = url.substring("https://github.com/".length()).split("/");
            text = parts[0] + "/" + parts[1] + "#" + parts[3];
        } else {
            String trimmed = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
            text = trimmed.substring(trimmed.lastIndexOf('/') + 1);
        }
        return "[" + text + "](" + url + ")";
    }
}
