package org.kubenetmigrate.planner.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kubenetmigrate.planner.testing.Fixtures.finding;
import static org.kubenetmigrate.planner.testing.Fixtures.findings;

import org.junit.jupiter.api.Test;
import org.kubenetmigrate.planner.assessment.ClusterAssessment;
import org.kubenetmigrate.planner.testing.Fixtures;
import org.kubenetmigrate.planner.testing.Fixtures.Scenario;

class DualStackRuleTest {
    private static final String ID = "dual-stack";

    @Test
    void dualStackWarnsAboutIpv6MidMigration() {
        Scenario s = Fixtures.byoVnet();
        s.cluster.dualStack();

        ClusterAssessment a = s.assess();

        Finding f = finding(a, ID);
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.message()).contains("dual-stack", "10.244.0.0/16, fd12:3456:789a::/64", "IPv6 pod traffic breaks")
                .doesNotContain("cannot be re-enabled");
        assertThat(f.reference()).isEqualTo(Sources.DUAL_STACK_ISSUE);
        assertThat(a.readiness()).isEqualTo(Readiness.READY);
    }

    @Test
    void calicoCannotComeBackOnDualStackOverlay() {
        Scenario s = Fixtures.byoVnet();
        s.cluster.dualStack().networkPolicy("calico").outboundType("managedNATGateway");

        assertThat(finding(s.assess(), ID).message()).contains(
                "network policy engine calico cannot be re-enabled", "outboundType managedNATGateway", "StandardV2");
    }

    @Test
    void withCiliumThePolicyEngineIsNotAProblem() {
        Scenario s = Fixtures.byoVnet();
        s.cluster.dualStack().networkPolicy("calico");
        s.options.cilium();

        assertThat(finding(s.assess(), ID).message()).doesNotContain("cannot be re-enabled");
    }

    @Test
    void singleStackPasses() {
        assertThat(findings(Fixtures.byoVnet().assess(), ID)).isEmpty();
    }
}
