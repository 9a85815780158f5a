package org.kubenetmigrate.planner.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kubenetmigrate.planner.testing.Fixtures.finding;
import static org.kubenetmigrate.planner.testing.Fixtures.findings;

import org.junit.jupiter.api.Test;
import org.kubenetmigrate.planner.assessment.ClusterAssessment;
import org.kubenetmigrate.planner.testing.Fixtures;
import org.kubenetmigrate.planner.testing.Fixtures.Scenario;

class AgicAddonRuleTest {
    private static final String ID = "agic-addon";

    @Test
    void agicAddonWarns() {
        Scenario s = Fixtures.byoVnet();
        s.cluster.agic();

        ClusterAssessment a = s.assess();

        Finding f = finding(a, ID);
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.message()).contains("ingress-appgw", "OverlayExtensionConfig", "route-table-shared", "1.8.0");
        assertThat(f.remediation()).contains("ingress-appgw-deployment", "az aks show -g rg-aks -n aks-prod");
        assertThat(f.reference()).isEqualTo(Sources.AGIC_DEADLOCK_ISSUE);
        assertThat(a.readiness()).isEqualTo(Readiness.READY);
    }

    @Test
    void noAgicPasses() {
        assertThat(findings(Fixtures.byoVnet().assess(), ID)).isEmpty();
    }
}
