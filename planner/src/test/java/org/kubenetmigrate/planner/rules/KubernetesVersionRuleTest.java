package org.kubenetmigrate.planner.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kubenetmigrate.planner.testing.Fixtures.finding;
import static org.kubenetmigrate.planner.testing.Fixtures.findings;
import static org.kubenetmigrate.planner.testing.Fixtures.unverified;

import org.junit.jupiter.api.Test;
import org.kubenetmigrate.planner.assessment.ClusterAssessment;
import org.kubenetmigrate.planner.testing.Fixtures;
import org.kubenetmigrate.planner.testing.Fixtures.Scenario;

class KubernetesVersionRuleTest {
    private static final String ID = "kubernetes-version";

    @Test
    void blocksBelow127() {
        Scenario s = Fixtures.byoVnet();
        s.cluster.kubernetesVersion("1.26.3");

        ClusterAssessment a = s.assess();

        Finding f = finding(a, ID);
        assertThat(f.severity()).isEqualTo(Severity.BLOCKER);
        assertThat(f.message()).contains("1.26.3", "1.27");
        assertThat(f.remediation()).contains("az aks upgrade -g rg-aks -n aks-prod");
        assertThat(a.readiness()).isEqualTo(Readiness.BLOCKED);
    }

    @Test
    void passesAt127() {
        Scenario s = Fixtures.byoVnet();
        s.cluster.kubernetesVersion("1.27.0");

        ClusterAssessment a = s.assessChecked();

        assertThat(findings(a, ID)).isEmpty();
        assertThat(a.readiness()).isEqualTo(Readiness.READY);
    }

    @Test
    void judgesTheLowerVersionDuringAnUnfinishedUpgrade() {
        Scenario s = Fixtures.byoVnet();
        s.cluster.versions("1.28.0", "1.26.9");

        assertThat(finding(s.assess(), ID).message()).contains("1.26.9");
    }

    @Test
    void missingVersionIsUnverifiedNotPassed() {
        Scenario s = Fixtures.byoVnet();
        s.cluster.versions(null, null);

        ClusterAssessment a = s.assess();

        assertThat(findings(a, ID)).isEmpty();
        assertThat(unverified(a, ID)).singleElement()
                .satisfies(u -> assertThat(u.couldBe()).isEqualTo(Severity.BLOCKER));
        assertThat(a.readiness()).isEqualTo(Readiness.INCOMPLETE);
    }
}
