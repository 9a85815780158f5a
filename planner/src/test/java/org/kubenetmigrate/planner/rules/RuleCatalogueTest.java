package org.kubenetmigrate.planner.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Modifier;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kubenetmigrate.planner.assessment.ClusterAssessment;
import org.kubenetmigrate.planner.testing.Fixtures;

class RuleCatalogueTest {

    @Test
    void everyRuleOnceInReadingOrder() {
        assertThat(RuleCatalogue.all()).extracting(Rule::id).containsExactly(
                "input-conflict", "kubernetes-version", "network-policy", "ip-masq-agent-config", "identity-type",
                "availability-set-pool", "azure-linux-2-pool", "dcsv2-pool", "name-length", "provisioning-state",
                "node-disruption-policy", "stopped-pool", "pool-version-skew", "nodes-not-ready",
                "pod-cidr-reserved", "pod-cidr-overlap", "pod-cidr-capacity", "route-table-shared",
                "route-table-egress", "node-subnet-surge", "pdb-blocks-drain", "policy-enforcement-gap",
                "ipblock-pod-cidr", "service-cidr-overlap", "dual-stack", "cilium-limits", "agic-addon",
                "pod-identity", "service-principal-acr", "private-cluster", "single-replica-workloads", "max-pods",
                "iac-drift", "retirement", "pod-subnet-space", "resource-lock", "nsg-pod-traffic", "pod-ip-consumers",
                "hub-transit", "surge-quota");
    }

    @Test
    void rulesAreFinalAndCiteAnHttpsSource() {
        for (Rule rule : RuleCatalogue.all()) {
            assertThat(Modifier.isFinal(rule.getClass().getModifiers())).as(rule.id()).isTrue();
            assertThat(rule.reference()).as(rule.id()).startsWith("https://");
        }
    }

    @Test
    void cleanClustersAreReadyWithOnlyContext() {
        for (Fixtures.Scenario s : List.of(Fixtures.byoVnet(), Fixtures.managedVnet())) {
            ClusterAssessment a = s.assessChecked();

            assertThat(a.readiness()).isEqualTo(Readiness.READY);
            assertThat(a.unverified()).isEmpty();
            assertThat(a.findings()).extracting(Finding::rule).containsExactly("max-pods", "iac-drift", "retirement");
            assertThat(a.findings()).allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.INFO));
        }
    }

    @Test
    void findingsAreSortedBySeverityThenCatalogueOrder() {
        Fixtures.Scenario s = Fixtures.byoVnet();
        s.cluster.privateCluster().agic().identity("SystemAssigned").podCidr("172.16.0.0/12");

        assertThat(s.assess().findings()).extracting(Finding::rule).containsExactly(
                "identity-type", "pod-cidr-reserved", "agic-addon", "private-cluster", "max-pods", "iac-drift",
                "retirement");
    }

    @Test
    void everyRuleDescribesItselfInOneSentenceAndSaysWhichSeveritiesItGives() {
        for (Rule rule : RuleCatalogue.all()) {
            assertThat(rule.description()).as(rule.id() + " description").isNotBlank().endsWith(".")
                    .doesNotContain("\n");
            assertThat(rule.severities()).as(rule.id() + " severities").isNotEmpty();
            assertThat(rule.sources()).as(rule.id() + " sources").isNotEmpty()
                    .allSatisfy(url -> assertThat(url).startsWith("https://"))
                    .first().isEqualTo(rule.reference());
        }
    }
}
