package org.kubenetmigrate.planner.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kubenetmigrate.planner.plan.PlanFixtures.cluster;
import static org.kubenetmigrate.planner.plan.PlanFixtures.overlay;
import static org.kubenetmigrate.planner.plan.PlanFixtures.plan;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.kubenetmigrate.planner.model.ManagedCluster;
import org.kubenetmigrate.planner.plan.MigrationPlan;

class PlanTextRendererTest {

    private static List<String> lines(String text) {
        return text.lines().toList();
    }

    private static int lineStartingWith(List<String> lines, String prefix) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().startsWith(prefix)) {
                return i;
            }
        }
        throw new AssertionError("no line starting with " + prefix);
    }

    @Test
    void headerNamesTheClusterReadinessStrategyAndFingerprint() {
        ManagedCluster c = cluster().build();
        MigrationPlan plan = plan(c, overlay());

        String text = PlanTextRenderer.render(plan);

        assertThat(text).startsWith("Migration plan for aks-prod\n")
                .contains("cluster      " + c.id().value())
                .contains("readiness    " + plan.assessment().readiness())
                .contains("strategy     in-place-overlay")
                .contains("fingerprint  " + plan.fingerprint().propertiesHash())
                .contains("etag \"etag-1\"");
    }

    @Test
    void thePointOfNoReturnMarkerStandsRightBeforeTheUpdateStep() {
        List<String> lines = lines(PlanTextRenderer.render(plan(cluster().policy("calico").build(), overlay())));

        int step = lineStartingWith(lines, "4. update-network-plugin:");
        assertThat(lines.get(step - 1).strip()).isEqualTo(">>> POINT OF NO RETURN <<<");
        assertThat(lines).filteredOn(l -> l.contains("POINT OF NO RETURN <<<")).hasSize(1);
        assertThat(lines.get(step)).contains("[approval]", "[one-way]");
        assertThat(lines.get(lineStartingWith(lines, "3. disable-network-policy:"))).contains("[approval]",
                "[reversible]");
        assertThat(lines.get(lineStartingWith(lines, "6. restore-network-policy:"))).doesNotContain("[approval]");
    }

    @Test
    void stepsShowTheRequestTheChangedFieldsAndTheAzCommand() {
        ManagedCluster c = cluster().build();
        String text = PlanTextRenderer.render(plan(c, overlay()));

        assertThat(text)
                .contains("PUT " + c.id().value() + "?api-version=2025-09-01\n")
                .contains("If-Match: {etag-of-read}\n")
                .contains(": {\"properties\":{\"networkProfile\":{\"networkPlugin\":\"azure\","
                        + "\"networkPluginMode\":\"overlay\"}}}\n")
                .contains("az: az aks update -g rg-prod -n aks-prod --network-plugin azure --network-plugin-mode overlay\n")
                .contains("Plan: 5 steps in 4 stages, 1 change Azure, 1 need approval, point of no return at step 3"
                        + " (update-network-plugin).");
    }

    @Test
    void compensationsAreShownUnderTheirStep() {
        String text = PlanTextRenderer.render(plan(cluster().policy("calico").build(), overlay()));

        assertThat(text).contains("undo: Re-enable calico")
                .contains("{\"properties\":{\"networkProfile\":{\"networkPolicy\":\"calico\"}}}");
    }

    @Test
    void blockersComeFirstThenFindingsBySeverityThenUnverifiedThenSizing() {
        String text = PlanTextRenderer.render(ReportFixtures.blockedCalicoPlan());

        assertThat(text).containsSubsequence("readiness    BLOCKED (do not apply",
                "Blockers (resolve before apply):", "x kubernetes-version: blocker-message", "fix: blocker-fix",
                "Findings:", "ACTION", "action-message", "WARNING", "warning-message", "INFO", "info-message",
                "Unverified checks:", "? route-table: unverified-reason (could be BLOCKER)",
                "Sizing:", "pod CIDR    10.244.0.0/16", "Stage 1/5: Prepare",
                "Notes:", "- BLOCKED: resolve these before apply: kubernetes-version");
        assertThat(text.indexOf("blocker-message")).isLessThan(text.indexOf("warning-message"));
    }

    @Test
    void sizingShowsNodesSurgeAndThePodCidrChange() {
        String text = PlanTextRenderer.render(plan(cluster().podCidr("172.16.0.0/12").build(), overlay()));

        assertThat(text).contains("nodes       13 max + 5 surge = 18 nodes at once")
                .contains("pool user: max 10, surge 4 (maxSurge 33% of 10)")
                .containsPattern("pod CIDR    172\\.16\\.0\\.0/12 \\(4096 nodes\\) -> \\S+ \\(\\d+ nodes\\), proposed");
    }

    @Test
    void aPlanWithoutStagesSaysSo() {
        String text = PlanTextRenderer.render(plan(cluster().plugin("azure", "overlay").build(), overlay()));

        assertThat(text).contains("strategy     none").contains("already uses azure/overlay").endsWith("Plan: no steps.\n");
    }

    @Test
    void controlCharactersInNamesCannotForgeLinesOrEscapeSequences() {
        String text = PlanTextRenderer.render(plan(cluster().name("evil\n>>> POINT OF NO RETURN <<<\u001b[31m").build(),
                overlay()));

        assertThat(text).doesNotContain("\u001b");
        assertThat(lines(text)).noneMatch(l -> l.startsWith(">>>"));
        assertThat(lines(text)).filteredOn(l -> l.strip().equals(">>> POINT OF NO RETURN <<<")).hasSize(1);
    }

    @Test
    void longDescriptionsAreWrapped() {
        List<String> lines = lines(PlanTextRenderer.render(plan(cluster().policy("calico").build(), overlay())));
        int step = lineStartingWith(lines, "3. disable-network-policy:");

        assertThat(lines.get(step + 1)).startsWith("      The Overlay update is rejected").hasSizeLessThanOrEqualTo(100);
        assertThat(lines.get(step + 2)).startsWith("      ");
    }
}
