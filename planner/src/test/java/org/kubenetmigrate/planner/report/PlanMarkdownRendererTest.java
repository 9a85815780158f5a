package org.kubenetmigrate.planner.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kubenetmigrate.planner.plan.PlanFixtures.cluster;
import static org.kubenetmigrate.planner.plan.PlanFixtures.overlay;
import static org.kubenetmigrate.planner.plan.PlanFixtures.plan;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kubenetmigrate.planner.plan.MigrationPlan;

class PlanMarkdownRendererTest {
    private static final String HOSTILE = "evil|name<img src=x onerror=alert(1)>*bold*";

    /** Pipes that split cells: those not escaped with a backslash. */
    private static int cellSeparators(String row) {
        int count = 0;
        for (int i = 0; i < row.length(); i++) {
            if (row.charAt(i) == '\\') {
                i++;
            } else if (row.charAt(i) == '|') {
                count++;
            }
        }
        return count;
    }

    /** The Markdown with fenced code blocks left out. */
    private static String outsideFences(String md) {
        StringBuilder out = new StringBuilder();
        String fence = null;
        for (String line : md.lines().toList()) {
            if (fence == null && line.startsWith("```")) {
                fence = line.replaceAll("[^`].*", "");
            } else if (fence != null && line.equals(fence)) {
                fence = null;
            } else if (fence == null) {
                out.append(line).append('\n');
            }
        }
        return out.toString();
    }

    /** Consecutive lines that start with a pipe. */
    private static List<List<String>> tables(String md) {
        List<List<String>> tables = new ArrayList<>();
        List<String> current = null;
        for (String line : md.lines().toList()) {
            if (line.startsWith("|")) {
                if (current == null) {
                    current = new ArrayList<>();
                    tables.add(current);
                }
                current.add(line);
            } else {
                current = null;
            }
        }
        return tables;
    }

    @Test
    void thePointOfNoReturnMarkerPrecedesTheUpdateStep() {
        String md = PlanMarkdownRenderer.render(plan(cluster().policy("calico").build(), overlay()));

        assertThat(md).containsSubsequence("**3. `disable-network-policy`**", "POINT OF NO RETURN",
                "**4. `update-network-plugin`**", "`[approval]` `[one-way]`", "**5. `observe-rollout`**");
        assertThat(md.split("POINT OF NO RETURN", -1)).hasSize(2);
    }

    @Test
    void requestsAndBodiesAreFencedBlocks() {
        String md = PlanMarkdownRenderer.render(plan(cluster().build(), overlay()));

        assertThat(md).contains("```http\nPUT /subscriptions/")
                .contains("?api-version=2025-09-01\nIf-Match: {etag-of-read}\n```")
                .contains("```json\n{\n  \"properties\": {\n    \"networkProfile\": {\n"
                        + "      \"networkPlugin\": \"azure\",\n      \"networkPluginMode\": \"overlay\"\n    }\n  }\n}\n```")
                .contains("```sh\naz aks update -g rg-prod -n aks-prod --network-plugin azure --network-plugin-mode"
                        + " overlay\n```");
    }

    @Test
    void blockersComeFirstAsTheirOwnTable() {
        String md = PlanMarkdownRenderer.render(ReportFixtures.blockedCalicoPlan());

        assertThat(md).containsSubsequence("### Blockers", "| kubernetes-version | blocker-message | blocker-fix |",
                "### Findings", "| ACTION | network-policy | action-message", "| WARNING | agic | warning-message",
                "| INFO | private-cluster | info-message", "### Unverified checks",
                "| route-table | unverified-reason | BLOCKER |", "### Sizing", "### Steps", "### Notes",
                "- BLOCKED: resolve these before apply: kubernetes-version");
    }

    @Test
    void aHostileClusterNameCannotBreakTablesOrInjectHtml() {
        MigrationPlan plan = plan(cluster().name(HOSTILE).kubernetesVersion("1.26.3").build(), overlay());
        String md = PlanMarkdownRenderer.render(plan);

        assertThat(md).contains("| Cluster | /subscriptions/").contains("evil\\|name\\<img src=x onerror=alert(1)>\\*bold\\*");
        // Inside fenced blocks text is literal; everywhere else the tag must be escaped.
        assertThat(outsideFences(md)).doesNotContainPattern("(?<!\\\\)<img").contains("\\<img");
        // The name reaches a finding table through the kubernetes-version remediation.
        assertThat(md).contains("### Blockers");
        for (List<String> table : tables(md)) {
            int columns = cellSeparators(table.get(0));
            assertThat(table).allSatisfy(row -> assertThat(cellSeparators(row)).as(row).isEqualTo(columns));
        }
        assertThat(tables(md)).anySatisfy(t -> assertThat(String.join("\n", t)).contains("evil\\|name"));
    }

    @Test
    void lineBreaksInInputBecomeSpaces() {
        String md = PlanMarkdownRenderer.render(plan(cluster().name("a\n# heading\n| x |").build(), overlay()));

        assertThat(md.lines()).noneMatch(l -> l.startsWith("# heading"));
        assertThat(md.lines()).noneMatch(l -> l.equals("| x |"));
    }

    @Test
    void fencesOutgrowBackticksInTheirContent() {
        StringBuilder md = new StringBuilder();
        PlanMarkdownRenderer.fenced(md, "sh", "echo ```` done");

        assertThat(md.toString()).isEqualTo("`````sh\necho ```` done\n`````\n\n");
    }

    @Test
    void escapesLineStartsThatWouldBecomeBlocks() {
        assertThat(PlanMarkdownRenderer.paragraph("# not a heading")).isEqualTo("\\# not a heading");
        assertThat(PlanMarkdownRenderer.paragraph("> not a quote")).isEqualTo("\\> not a quote");
        assertThat(PlanMarkdownRenderer.paragraph("12. not a list")).isEqualTo("12\\. not a list");
        assertThat(PlanMarkdownRenderer.paragraph("- not a list")).isEqualTo("\\- not a list");
        assertThat(PlanMarkdownRenderer.inline("a|b")).isEqualTo("a\\|b");
        assertThat(PlanMarkdownRenderer.inline("10.0.0.0/16 -> x")).isEqualTo("10.0.0.0/16 -> x");
    }

    @Test
    void aPodSubnetPlanRendersItsSizes() {
        MigrationPlan plan = plan(cluster().build(), org.kubenetmigrate.planner.plan.PlanFixtures.options(
                org.kubenetmigrate.planner.model.TargetIpam.POD_SUBNET, false, null, null));
        String md = PlanMarkdownRenderer.render(plan);

        assertThat(md).contains("- Pod subnet: node /").contains("static block alternative /")
                .containsSubsequence("**7. `cutover-traffic`**", "POINT OF NO RETURN", "**8. `delete-old-cluster`**")
                .doesNotContain("- Pod CIDR:");
    }
}
