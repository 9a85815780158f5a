package org.kubenetmigrate.planner.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kubenetmigrate.planner.testing.Fixtures.finding;
import static org.kubenetmigrate.planner.testing.Fixtures.findings;
import static org.kubenetmigrate.planner.testing.Fixtures.unverified;

import org.junit.jupiter.api.Test;
import org.kubenetmigrate.planner.assessment.ClusterAssessment;
import org.kubenetmigrate.planner.testing.Fixtures;
import org.kubenetmigrate.planner.testing.Fixtures.Scenario;

class ServiceCidrOverlapRuleTest {
    private static final String ID = "service-cidr-overlap";

    @Test
    void serviceCidrOverlappingAnySubnetOfTheVnetWarns() {
        Scenario s = Fixtures.byoVnet();
        s.vnet().addressSpace("10.240.0.0/16", "10.0.0.0/16");
        s.vnet().subnet("snet-legacy", "10.0.5.0/24");

        ClusterAssessment a = s.assessChecked();

        Finding f = finding(a, ID);
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.message()).contains("service CIDR 10.0.0.0/16 overlaps subnet snet-legacy 10.0.5.0/24 of"
                + " vnet-prod", "ServiceCidrOverlapExistingSubnetsCidr");
        assertThat(f.remediation()).contains("az network vnet subnet delete -g rg-net --vnet-name vnet-prod"
                + " -n snet-legacy");
        assertThat(a.readiness()).isEqualTo(Readiness.READY);
    }

    @Test
    void dualStackServiceCidrsAreCheckedPerFamily() {
        Scenario s = Fixtures.byoVnet();
        s.cluster.dualStack();

        assertThat(findings(s.assess(), ID)).isEmpty();
    }

    @Test
    void unknownVnetIsUnverifiedCouldBeWarning() {
        ClusterAssessment a = Fixtures.byoVnet().withoutVnets().assess();

        assertThat(findings(a, ID)).isEmpty();
        assertThat(unverified(a, ID)).singleElement()
                .satisfies(u -> assertThat(u.couldBe()).isEqualTo(Severity.WARNING));
    }

    @Test
    void clearServiceCidrPasses() {
        ClusterAssessment a = Fixtures.byoVnet().assess();

        assertThat(findings(a, ID)).isEmpty();
        assertThat(unverified(a, ID)).isEmpty();
    }
}
