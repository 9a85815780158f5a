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

        ClusterAssessment a = s.assessChecked();

        Finding f = finding(a, ID);
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.message()).contains("dual-stack", "10.244.0.0/16, fd12:3456:789a::/64", "IPv6 pod traffic breaks")
                .doesNotContain("cannot be re-installed");
        assertThat(f.reference()).isEqualTo(Sources.DUAL_STACK_ISSUE);
        assertThat(a.readiness()).isEqualTo(Readiness.READY);
    }

    @Test
    void calicoOnDualStackBlocksUnlessTheTargetIsCilium() {
        Scenario s = Fixtures.byoVnet();
        s.cluster.dualStack().networkPolicy("calico").outboundType("managedNATGateway").kubernetesVersion("1.31.2");

        ClusterAssessment a = s.assessChecked();

        Finding f = finding(a, ID);
        assertThat(f.severity()).isEqualTo(Severity.BLOCKER);
        assertThat(f.message()).contains("network policy engine calico", "neither Calico nor Azure network policies",
                "cannot be re-installed");
        assertThat(f.remediation()).contains("--dataplane cilium", "re-enables nothing else");
        assertThat(a.readiness()).isEqualTo(Readiness.BLOCKED);
    }

    @Test
    void azureNpmOnDualStackBlocksToo() {
        Scenario s = Fixtures.byoVnet();
        s.cluster.dualStack().networkPolicy("azure").kubernetesVersion("1.31.2");

        assertThat(finding(s.assessChecked(), ID).severity()).isEqualTo(Severity.BLOCKER);
    }

    @Test
    void withCiliumThePolicyEngineIsReplacedAndTheClusterOnlyWarned() {
        Scenario s = Fixtures.byoVnet();
        s.cluster.dualStack().networkPolicy("calico").outboundType("managedNATGateway").kubernetesVersion("1.31.2");
        s.options.cilium();

        Finding f = finding(s.assessChecked(), ID);

        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.message()).contains("calico is replaced by Cilium", "outboundType managedNATGateway", "StandardV2")
                .doesNotContain("cannot be re-installed");
    }

    @Test
    void singleStackPasses() {
        assertThat(findings(Fixtures.byoVnet().assess(), ID)).isEmpty();
    }
}
