package org.kubenetmigrate.planner.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kubenetmigrate.planner.testing.Fixtures.finding;
import static org.kubenetmigrate.planner.testing.Fixtures.findings;
import static org.kubenetmigrate.planner.testing.Fixtures.unverified;

import org.junit.jupiter.api.Test;
import org.kubenetmigrate.planner.assessment.ClusterAssessment;
import org.kubenetmigrate.planner.testing.Fixtures;
import org.kubenetmigrate.planner.testing.InClusterFixtures;

class PdbBlocksDrainRuleTest {
    private static final String ID = "pdb-blocks-drain";

    @Test
    void budgetWithNoAllowedDisruptionIsAWarningNamingItAndItsWorkload() {
        ClusterAssessment a = InClusterFixtures.healthy()
                .pdb("payments", "api", 0, 2, "Deployment api")
                .pdb("payments", "worker", 1, 3, "Deployment worker")
                .assess(Fixtures.byoVnet());

        Finding f = finding(a, ID);
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.message()).startsWith("1 PodDisruptionBudget allow")
                .contains("payments/api (Deployment api; minAvailable 2, 2 pods)", "reimaged", "UpgradeFailed")
                .doesNotContain("payments/worker");
        assertThat(f.reference()).contains("error-code-poddrainfailure");
        assertThat(a.readiness()).isEqualTo(Readiness.READY);
    }

    @Test
    void budgetMatchingNoWorkloadSaysSo() {
        ClusterAssessment a = InClusterFixtures.healthy().pdb("ops", "legacy", 0, 1, null).assess(Fixtures.byoVnet());

        assertThat(finding(a, ID).message()).contains("ops/legacy (no Deployment/StatefulSet matches app=legacy");
    }

    @Test
    void manyBudgetsAreListedUpToTenThenCounted() {
        InClusterFixtures cluster = InClusterFixtures.healthy();
        for (int i = 0; i < 12; i++) {
            cluster.pdb("ns" + i, "pdb" + i, 0, 1, "StatefulSet db" + i);
        }

        assertThat(finding(cluster.assess(Fixtures.byoVnet()), ID).message())
                .startsWith("12 PodDisruptionBudgets").contains("ns9/pdb9", "and 2 more").doesNotContain("ns11/pdb11");
    }

    @Test
    void budgetsThatAllowDisruptionOrCoverNoPodDoNotFire() {
        ClusterAssessment a = InClusterFixtures.healthy()
                .pdb("web", "frontend", 1, 3, "Deployment frontend")
                .pdb("web", "scaled-to-zero", 0, 0, "Deployment idle")
                .assess(Fixtures.byoVnet());

        assertThat(findings(a, ID)).isEmpty();
    }

    @Test
    void unreadableBudgetsAreAWarningLevelGap() {
        ClusterAssessment a = InClusterFixtures.healthy()
                .gap(ID, "forbidden: list poddisruptionbudgets.policy").assess(Fixtures.byoVnet());

        assertThat(unverified(a, ID)).singleElement().extracting(Unverified::couldBe).isEqualTo(Severity.WARNING);
        assertThat(a.readiness()).isEqualTo(Readiness.READY);
    }
}
