package org.kubenetmigrate.planner.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kubenetmigrate.planner.testing.Fixtures.finding;
import static org.kubenetmigrate.planner.testing.Fixtures.findings;
import static org.kubenetmigrate.planner.testing.Fixtures.unverified;

import org.junit.jupiter.api.Test;
import org.kubenetmigrate.planner.assessment.ClusterAssessment;
import org.kubenetmigrate.planner.model.InClusterView;
import org.kubenetmigrate.planner.model.TargetIpam;
import org.kubenetmigrate.planner.testing.Fixtures;
import org.kubenetmigrate.planner.testing.Fixtures.Scenario;
import org.kubenetmigrate.planner.testing.InClusterFixtures;

class IpMasqAgentConfigRuleTest {
    private static final String ID = "ip-masq-agent-config";

    @Test
    void leftoverCustomConfigMapBlocksTheMigration() {
        ClusterAssessment a = InClusterFixtures.healthy().ipMasqConfigMap("azure-ip-masq-agent-config")
                .assess(Fixtures.byoVnet());

        Finding f = finding(a, ID);
        assertThat(f.severity()).isEqualTo(Severity.BLOCKER);
        assertThat(f.message()).contains("kube-system/azure-ip-masq-agent-config").doesNotContain("reconciled,");
        assertThat(f.remediation()).contains("--remove-ip-masq-config", "kubectl -n kube-system delete configmap");
        assertThat(a.readiness()).isEqualTo(Readiness.BLOCKED);
    }

    @Test
    void upstreamNamedConfigMapCountsToo() {
        ClusterAssessment a = InClusterFixtures.healthy().ipMasqConfigMap("ip-masq-agent").assess(Fixtures.byoVnet());

        assertThat(finding(a, ID).message()).contains("kube-system/ip-masq-agent");
    }

    @Test
    void removeOptionTurnsItIntoAnAction() {
        Scenario s = Fixtures.byoVnet();
        s.options.removeIpMasqConfig();

        ClusterAssessment a = InClusterFixtures.healthy().ipMasqConfigMap("azure-ip-masq-agent-config").assess(s);

        Finding f = finding(a, ID);
        assertThat(f.severity()).isEqualTo(Severity.ACTION);
        assertThat(f.message()).contains("remove-ip-masq-config", "run directory");
        assertThat(a.readiness()).isEqualTo(Readiness.ACTIONS_REQUIRED);
    }

    @Test
    void onlyTheReconciledConfigMapDoesNotFire() {
        ClusterAssessment a = InClusterFixtures.healthy().assess(Fixtures.byoVnet());

        assertThat(findings(a, ID)).isEmpty();
        assertThat(unverified(a, ID)).isEmpty();
        assertThat(a.readiness()).isEqualTo(Readiness.READY);
    }

    @Test
    void unreadableConfigMapsKeepTheClusterFromReady() {
        ClusterAssessment a = InClusterFixtures.healthy()
                .gap(ID, "forbidden: list configmaps in namespace kube-system").assess(Fixtures.byoVnet());

        assertThat(unverified(a, ID)).singleElement().satisfies(u -> {
            assertThat(u.reason()).contains("forbidden");
            assertThat(u.couldBe()).isEqualTo(Severity.BLOCKER);
        });
        assertThat(a.readiness()).isEqualTo(Readiness.INCOMPLETE);
    }

    @Test
    void unreadableWithRemoveOptionCouldBeAnAction() {
        Scenario s = Fixtures.byoVnet();
        s.options.removeIpMasqConfig();

        ClusterAssessment a = InClusterFixtures.assess(s, InClusterView.unavailable("API server unreachable"));

        assertThat(unverified(a, ID)).singleElement().extracting(Unverified::couldBe).isEqualTo(Severity.ACTION);
        assertThat(a.readiness()).isEqualTo(Readiness.INCOMPLETE);
    }

    @Test
    void doesNotJudgeANewPodSubnetCluster() {
        Scenario s = Fixtures.byoVnet();
        s.options.target(TargetIpam.POD_SUBNET);

        ClusterAssessment a = InClusterFixtures.healthy().ipMasqConfigMap("azure-ip-masq-agent-config").assess(s);

        assertThat(findings(a, ID)).isEmpty();
    }
}
