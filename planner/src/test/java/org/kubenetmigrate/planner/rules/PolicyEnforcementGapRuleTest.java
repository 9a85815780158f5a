package org.kubenetmigrate.planner.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kubenetmigrate.planner.testing.Fixtures.finding;
import static org.kubenetmigrate.planner.testing.Fixtures.findings;
import static org.kubenetmigrate.planner.testing.Fixtures.unverified;

import org.junit.jupiter.api.Test;
import org.kubenetmigrate.planner.assessment.ClusterAssessment;
import org.kubenetmigrate.planner.model.InClusterView;
import org.kubenetmigrate.planner.testing.Fixtures;
import org.kubenetmigrate.planner.testing.Fixtures.Scenario;
import org.kubenetmigrate.planner.testing.InClusterFixtures;

class PolicyEnforcementGapRuleTest {
    private static final String ID = "policy-enforcement-gap";

    private static Scenario calico() {
        Scenario s = Fixtures.byoVnet();
        s.cluster.networkPolicy("calico");
        return s;
    }

    @Test
    void countsKubernetesAndCalicoPoliciesLeftUnenforced() {
        ClusterAssessment a = InClusterFixtures.healthy()
                .networkPolicy("payments", "deny-all").networkPolicy("payments", "allow-api")
                .networkPolicy("web", "deny-all")
                .calico("crd.projectcalico.org", "GlobalNetworkPolicy", 2)
                .calico("crd.projectcalico.org", "NetworkPolicy", 3)
                .assess(calico());

        Finding f = finding(a, ID);
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.message()).startsWith("3 Kubernetes NetworkPolicies in 2 namespaces and 5 Calico policies"
                        + " (GlobalNetworkPolicy 2, NetworkPolicy 3) are not enforced from disable-network-policy until"
                        + " restore-network-policy re-installs calico")
                .doesNotContain("afterwards");
    }

    @Test
    void calicoApiServerAndCrdViewsOfTheSameObjectsAreNotCountedTwice() {
        ClusterAssessment a = InClusterFixtures.healthy()
                .calico("crd.projectcalico.org", "NetworkPolicy", 4)
                .calico("projectcalico.org", "NetworkPolicy", 4)
                .assess(calico());

        assertThat(finding(a, ID).message()).contains("and 4 Calico policies (NetworkPolicy 4)");
    }

    @Test
    void ciliumTargetLeavesCalicoPoliciesUnenforcedForGood() {
        Scenario s = calico();
        s.options.cilium();

        Finding f = finding(InClusterFixtures.healthy().calico("crd.projectcalico.org", "GlobalNetworkPolicy", 1)
                .assess(s), ID);

        assertThat(f.message()).startsWith("0 Kubernetes NetworkPolicies in 0 namespaces and 1 Calico policy")
                .contains("until enable-cilium", "stay unenforced afterwards too: Cilium");
        assertThat(f.remediation()).contains("translate the Calico policies");
    }

    @Test
    void noEngineMeansNoGapEvenWithPolicies() {
        ClusterAssessment a = InClusterFixtures.healthy().networkPolicy("web", "deny-all").assess(Fixtures.byoVnet());

        assertThat(findings(a, ID)).isEmpty();
    }

    @Test
    void engineWithoutAnyPolicyDoesNotFire() {
        assertThat(findings(InClusterFixtures.healthy().assess(calico()), ID)).isEmpty();
    }

    @Test
    void unreadableCalicoKindsAreReportedBesideTheCountsThatWereRead() {
        ClusterAssessment a = InClusterFixtures.healthy().networkPolicy("web", "deny-all")
                .gap(ID, "forbidden: list globalnetworkpolicies.crd.projectcalico.org").assess(calico());

        assertThat(finding(a, ID).message()).startsWith("1 Kubernetes NetworkPolicy in 1 namespace and 0 Calico")
                .contains("not every kind could be read");
        assertThat(unverified(a, ID)).singleElement().extracting(Unverified::reason).asString()
                .contains("globalnetworkpolicies");
    }

    @Test
    void unavailableClusterWithoutAnEngineIsNotReportedAsUnverified() {
        ClusterAssessment a = InClusterFixtures.assess(Fixtures.byoVnet(), InClusterView.unavailable("unreachable"));

        assertThat(unverified(a, ID)).isEmpty();
    }
}
