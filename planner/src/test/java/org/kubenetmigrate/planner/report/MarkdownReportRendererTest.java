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
import org.kubenetmigrate.planner.rules.Unverified;
import org.kubenetmigrate.planner.waivers.WaiverSet;

class MarkdownReportRendererTest {

    @Test
    void saysWhatWasCheckedWhatWasNotAndHowOldTheInputIs() {
        ClusterAssessment gap = assessed(cluster("aks-gap", "sub-0001", "westeurope", Map.of()), List.of(),
                List.of(new Unverified("node-subnet-surge", "vnet-x is not in the input", Severity.BLOCKER)));
        String md = new MarkdownReportRenderer().render(FleetReports.report(List.of(gap)));
        assertThat(md).contains("**486 days left until kubenet retires on 31 March 2028**")
                .contains("- Input: exports/ (3 files); captured between 2026-11-28 11:59 UTC and 2026-11-30 12:00 UTC;"
                        + " the oldest part 3 days before this report (by file modification time).")
                .contains("- Checked: " + FleetReports.RULES.size() + " rules (target overlay) on 1 kubenet cluster")
                .contains("  - node-subnet-surge (could be BLOCKER): 1 cluster, e.g. aks-gap: vnet-x is not in the input")
                .contains("- **NOT CHECKED** `node-subnet-surge` (could be BLOCKER): vnet-x is not in the input");
    }

    @Test
    void hostileNamesCannotBreakTablesOrInjectMarkup() {
        ClusterAssessment hostile = assessed(cluster("<img src=x onerror=alert(1)>|[x](javascript:y)", "sub-0001",
                "westeurope", Map.of()), List.of(finding("identity-type", Severity.BLOCKER)), List.of());
        String md = new MarkdownReportRenderer().render(FleetReports.report(List.of(hostile)));
        assertThat(md).doesNotContain("<img").doesNotContain("[x](")
                .contains("&lt;img src=x onerror=alert(1)&gt;\\|\\[x\\](javascript:y)");
        String row = md.lines().filter(l -> l.startsWith("| &lt;img")).findFirst().orElseThrow();
        assertThat(row.replace("\\|", "").chars().filter(ch -> ch == '|').count())
                .as("the cluster table keeps its 7 columns").isEqualTo(8);
    }

    @Test
    void groupsTheClusterTableAndCountsByGroup() {
        ClusterAssessment a = assessed(cluster("aks-a", "sub-0001", "westeurope", Map.of("owner", "team-a")),
                List.of(finding("identity-type", Severity.BLOCKER)), List.of());
        ClusterAssessment b = assessed(cluster("aks-b", "sub-0002", "eastus2", Map.of()), List.of(), List.of());
        String md = new MarkdownReportRenderer().render(FleetReports.report(List.of(a, b), WaiverSet.NONE,
                Grouping.parse("tag:owner"), null));
        assertThat(md).contains("## Clusters by tag owner")
                .contains("| team-a | 1 | 1 | 0 | 0 | 0 | 0 |")
                .contains("| (no owner tag) | 1 | 0 | 0 | 0 | 1 | 0 |")
                .contains("### tag owner: team-a")
                .contains("### tag owner: (no owner tag)");
    }
}
