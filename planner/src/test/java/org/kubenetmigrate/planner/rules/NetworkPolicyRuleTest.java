package org.kubenetmigrate.planner.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kubenetmigrate.planner.testing.Fixtures.finding;
import static org.kubenetmigrate.planner.testing.Fixtures.findings;

import org.junit.jupiter.api.Test;
import org.kubenetmigrate.planner.assessment.ClusterAssessment;
import org.kubenetmigrate.planner.testing.Fixtures;
import org.kubenetmigrate.planner.testing.Fixtures.Scenario;

class NetworkPolicyRuleTest {
    private static final String ID = "network-policy";

    @Test
    void calicoOn130IsAnActionWithAnEnforcementGap() {
        Scenario s = Fixtures.byoVnet();
        s.cluster.networkPolicy("calico");

        ClusterAssessment a = s.assessChecked();

        Finding f = finding(a, ID);
        assertThat(f.severity()).isEqualTo(Severity.ACTION);
        assertThat(f.message()).contains("calico", "NOT enforced", "re-enables calico");
        assertThat(a.readiness()).isEqualTo(Readiness.ACTIONS_REQUIRED);
    }

    @Test
    void ciliumOptionReEnablesCilium() {
        Scenario s = Fixtures.byoVnet();
        s.cluster.networkPolicy("azure");
        s.options.cilium();

        assertThat(finding(s.assess(), ID).message()).contains("network policy engine azure", "re-enables Cilium");
    }

    @Test
    void blocksBelow130BecauseUninstallIsRejected() {
        Scenario s = Fixtures.byoVnet();
        s.cluster.networkPolicy("calico").kubernetesVersion("1.29.7");

        Finding f = finding(s.assess(), ID);

        assertThat(f.severity()).isEqualTo(Severity.BLOCKER);
        assertThat(f.message()).contains("calico", "1.29.7", "below 1.30");
    }

    @Test
    void noEngineOrNoneDoesNotFire() {
        Scenario none = Fixtures.byoVnet();
        none.cluster.networkPolicy("none");

        assertThat(findings(Fixtures.byoVnet().assess(), ID)).isEmpty();
        assertThat(findings(none.assess(), ID)).isEmpty();
    }
}
