package org.kubenetmigrate.planner.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kubenetmigrate.planner.testing.Fixtures.finding;
import static org.kubenetmigrate.planner.testing.Fixtures.findings;

import org.junit.jupiter.api.Test;
import org.kubenetmigrate.planner.assessment.ClusterAssessment;
import org.kubenetmigrate.planner.testing.Fixtures;
import org.kubenetmigrate.planner.testing.Fixtures.Scenario;

class PrivateClusterRuleTest {
    private static final String ID = "private-cluster";

    @Test
    void privateClusterIsInfo() {
        Scenario s = Fixtures.byoVnet();
        s.cluster.privateCluster();

        ClusterAssessment a = s.assessChecked();

        Finding f = finding(a, ID);
        assertThat(f.severity()).isEqualTo(Severity.INFO);
        assertThat(f.message()).contains("private", "unconfirmed");
        assertThat(f.remediation()).contains("az aks command invoke -g rg-aks -n aks-prod");
        assertThat(a.readiness()).isEqualTo(Readiness.READY);
    }

    @Test
    void publicClusterPasses() {
        assertThat(findings(Fixtures.byoVnet().assess(), ID)).isEmpty();
    }
}
