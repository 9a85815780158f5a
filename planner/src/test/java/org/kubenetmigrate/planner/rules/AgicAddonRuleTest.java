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
    void agicAddonIsAnActionWithTheDisableAndReEnableWorkaround() {
        Scenario s = Fixtures.byoVnet();
        s.cluster.agic();

        ClusterAssessment a = s.assessChecked();

        Finding f = finding(a, ID);
        assertThat(f.severity()).isEqualTo(Severity.ACTION);
        assertThat(f.message()).contains("ingress-appgw", "OverlayExtensionConfig", "Failed", "route-table-shared",
                "1.8.0");
        assertThat(f.remediation()).contains("az aks disable-addons -a ingress-appgw -g rg-aks -n aks-prod",
                "az aks enable-addons -a ingress-appgw -g rg-aks -n aks-prod --appgw-id",
                "effectiveApplicationGatewayId", "DELETED", AgicAddonRule.DISABLE_ADDON_PAGE, "not confirmed");
        assertThat(f.reference()).isEqualTo(Sources.AGIC_DEADLOCK_ISSUE);
        assertThat(a.readiness()).as("never READY while the deadlock is open").isEqualTo(Readiness.ACTIONS_REQUIRED);
    }

    @Test
    void noAgicPasses() {
        assertThat(findings(Fixtures.byoVnet().assess(), ID)).isEmpty();
    }
}
