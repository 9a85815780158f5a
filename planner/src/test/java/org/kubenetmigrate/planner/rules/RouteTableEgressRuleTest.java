package org.kubenetmigrate.planner.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kubenetmigrate.planner.testing.Fixtures.finding;
import static org.kubenetmigrate.planner.testing.Fixtures.findings;
import static org.kubenetmigrate.planner.testing.Fixtures.unverified;

import org.junit.jupiter.api.Test;
import org.kubenetmigrate.planner.assessment.ClusterAssessment;
import org.kubenetmigrate.planner.testing.Fixtures;
import org.kubenetmigrate.planner.testing.Fixtures.Scenario;

class RouteTableEgressRuleTest {
    private static final String ID = "route-table-egress";

    @Test
    void defaultRouteOnTheNodeRouteTableWarns() {
        Scenario s = Fixtures.byoVnet();
        s.routeTable().route("to-firewall", "0.0.0.0/0", "VirtualAppliance", "10.250.0.4");

        ClusterAssessment a = s.assessChecked();

        Finding f = finding(a, ID);
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.message()).contains("route table rt-aks carries default route to-firewall 0.0.0.0/0 to"
                + " VirtualAppliance 10.250.0.4", "UNCONFIRMED");
        assertThat(f.remediation()).contains("az network route-table show -g rg-net -n rt-aks");
        assertThat(a.readiness()).isEqualTo(Readiness.READY);
    }

    @Test
    void userDefinedRoutingOutboundTypeWarns() {
        Scenario s = Fixtures.byoVnet();
        s.cluster.outboundType("userDefinedRouting");

        assertThat(finding(s.assess(), ID).message()).contains("outboundType is userDefinedRouting");
    }

    @Test
    void podRoutesAndServiceTagsAreNotDefaultRoutes() {
        Scenario s = Fixtures.byoVnet();
        s.routeTable().route("to-storage", "Storage", "VirtualAppliance", "10.250.0.4");

        assertThat(findings(s.assess(), ID)).isEmpty();
    }

    @Test
    void unknownRouteTableIsUnverifiedCouldBeWarning() {
        ClusterAssessment a = Fixtures.byoVnet().withoutRouteTables().assess();

        assertThat(findings(a, ID)).isEmpty();
        assertThat(unverified(a, ID)).singleElement()
                .satisfies(u -> assertThat(u.couldBe()).isEqualTo(Severity.WARNING));
    }
}
