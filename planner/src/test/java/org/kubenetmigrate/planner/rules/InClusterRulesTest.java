package org.kubenetmigrate.planner.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.kubenetmigrate.planner.assessment.ClusterAssessment;
import org.kubenetmigrate.planner.model.InClusterCheck;
import org.kubenetmigrate.planner.model.InClusterView;
import org.kubenetmigrate.planner.testing.Fixtures;
import org.kubenetmigrate.planner.testing.Fixtures.Scenario;
import org.kubenetmigrate.planner.testing.InClusterFixtures;

/** What every in-cluster rule shares: silent unless asked, unverified when asked but unreadable, never READY then. */
class InClusterRulesTest {

    @Test
    void notRequestedLeavesOnlyTheIpMasqCheckUnverifiedSoTheClusterIsNeverReady() {
        Scenario s = Fixtures.byoVnet();
        s.cluster.networkPolicy("calico");
        s.options.podCidr("100.64.0.0/16");

        ClusterAssessment without = s.assess();
        ClusterAssessment notRequested = InClusterFixtures.assess(s, InClusterView.notRequested());

        assertThat(notRequested.findings()).isEqualTo(without.findings());
        assertThat(notRequested.unverified()).isEqualTo(without.unverified()).singleElement().satisfies(u -> {
            assertThat(u.check()).isEqualTo(InClusterCheck.IP_MASQ_AGENT_CONFIG);
            assertThat(u.couldBe()).isEqualTo(Severity.BLOCKER);
            assertThat(u.reason()).contains("in-cluster checks were not run", "ip-masq-agent", "--in-cluster",
                    "--kubeconfig");
        });
        assertThat(notRequested.readiness()).isEqualTo(Readiness.INCOMPLETE);
    }

    @Test
    void notRequestedWithRemoveIpMasqConfigCouldStillBeAnAction() {
        Scenario s = Fixtures.byoVnet();
        s.options.removeIpMasqConfig();

        ClusterAssessment a = s.assess();

        assertThat(a.unverified()).singleElement().satisfies(u -> {
            assertThat(u.check()).isEqualTo(InClusterCheck.IP_MASQ_AGENT_CONFIG);
            assertThat(u.couldBe()).isEqualTo(Severity.ACTION);
        });
        assertThat(a.readiness()).isEqualTo(Readiness.INCOMPLETE);
    }

    @Test
    void aCleanReadInsideMakesTheSameClusterReady() {
        assertThat(Fixtures.byoVnet().assessChecked().readiness()).isEqualTo(Readiness.READY);
    }

    @Test
    void requestedButUnavailableMakesEveryApplicableCheckUnverifiedAndTheClusterIncomplete() {
        Scenario s = Fixtures.byoVnet();
        s.cluster.networkPolicy("calico");
        s.options.podCidr("100.64.0.0/16");

        ClusterAssessment a = InClusterFixtures.assess(s,
                InClusterView.unavailable("cannot reach the API server (private cluster?)"));

        // cilium-limits concerns only a Cilium target, so without --dataplane cilium it is not even unverified.
        assertThat(a.unverified()).extracting(Unverified::check).containsExactlyInAnyOrderElementsOf(
                InClusterCheck.ALL.stream().filter(c -> !c.equals(InClusterCheck.CILIUM_LIMITS)).toList());
        assertThat(a.unverified()).allSatisfy(u -> assertThat(u.reason()).contains("cannot reach the API server"));
        assertThat(a.unverified()).filteredOn(u -> u.couldBe() == Severity.BLOCKER).extracting(Unverified::check)
                .containsExactlyInAnyOrder("ip-masq-agent-config", "nodes-not-ready");
        assertThat(a.readiness()).isEqualTo(Readiness.INCOMPLETE);
    }

    @Test
    void aHealthyClusterReadInsideStaysReadyWithNoInClusterFindings() {
        ClusterAssessment a = InClusterFixtures.healthy().assess(Fixtures.byoVnet());

        assertThat(a.readiness()).isEqualTo(Readiness.READY);
        assertThat(a.unverified()).isEmpty();
        assertThat(a.findings()).extracting(Finding::rule).doesNotContainAnyElementsOf(InClusterCheck.ALL);
        assertThat(a.inCluster()).isInstanceOf(InClusterView.Collected.class);
    }

    @Test
    void inClusterRulesCiteTheirSources() {
        List<Rule> inCluster = RuleCatalogue.all().stream().filter(r -> InClusterCheck.ALL.contains(r.id())).toList();

        assertThat(inCluster).hasSize(InClusterCheck.ALL.size());
        assertThat(inCluster).allSatisfy(r -> assertThat(r.reference()).startsWith("https://"));
    }
}
