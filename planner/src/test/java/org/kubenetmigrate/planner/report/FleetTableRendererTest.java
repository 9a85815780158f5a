package org.kubenetmigrate.planner.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kubenetmigrate.planner.report.FleetReports.assessed;
import static org.kubenetmigrate.planner.report.FleetReports.cluster;
import static org.kubenetmigrate.planner.report.FleetReports.finding;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kubenetmigrate.planner.assessment.ClusterAssessment;
import org.kubenetmigrate.planner.rules.Severity;
import org.kubenetmigrate.planner.waivers.WaiverSet;

class FleetTableRendererTest {
    final ClusterAssessment ready = assessed("aks-ready");
    final ClusterAssessment blocked = assessed("aks-blocked", finding("identity-type", Severity.BLOCKER));

    @Test
    void countsComeFirstThenClustersMostUrgentFirst() {
        String table = new FleetTableRenderer(false).render(FleetReports.report(List.of(ready, blocked)));
        List<String> lines = table.lines().toList();
        assertThat(lines.get(0)).isEqualTo("Clusters: 2  BLOCKED: 1  INCOMPLETE: 0  ACTIONS_REQUIRED: 0  READY: 1"
                + "  NOT_APPLICABLE: 0");
        assertThat(lines.get(1)).isEqualTo("486 days left until kubenet retires on 31 March 2028");
        int header = lines.indexOf(lines.stream().filter(l -> l.startsWith("NAME")).findFirst().orElseThrow());
        assertThat(lines.get(header + 1)).startsWith("aks-blocked");
        assertThat(lines.get(header + 2)).startsWith("aks-ready");
    }

    @Test
    void colourOnlyWhenAskedAndThenColumnsStillAlign() {
        String plain = new FleetTableRenderer(false).render(FleetReports.report(List.of(ready, blocked)));
        String colour = new FleetTableRenderer(true).render(FleetReports.report(List.of(ready, blocked)));
        assertThat(plain).doesNotContain("\u001b[");
        assertThat(colour).contains("\u001b[1;31mBLOCKED\u001b[0m");
        assertThat(colour.replaceAll("\u001b\\[[0-9;]*m", "")).isEqualTo(plain);
    }

    @Test
    void controlCharactersInNamesCannotReachTheTerminal() {
        ClusterAssessment evil = assessed(cluster("aks-\u001b]0;pwned\u0007-x", "sub-0001", "westeurope", Map.of()),
                List.of(), List.of());
        String table = new FleetTableRenderer(false).render(FleetReports.report(List.of(evil)));
        assertThat(table).doesNotContain("\u001b").doesNotContain("\u0007").contains("aks-?]0;pwned?-x");
    }

    @Test
    void groupByPrintsOneHeadedTablePerGroup() {
        ClusterAssessment east = assessed(cluster("aks-east", "sub-0001", "eastus2", Map.of()), List.of(), List.of());
        String table = new FleetTableRenderer(false).render(FleetReports.report(List.of(ready, blocked, east),
                WaiverSet.NONE, Grouping.parse("location"), null));
        assertThat(table).contains("== location westeurope: 2 clusters  BLOCKED: 1  READY: 1")
                .contains("== location eastus2: 1 cluster  READY: 1");
        assertThat(table.indexOf("== location westeurope")).isLessThan(table.indexOf("== location eastus2"));
    }
}
