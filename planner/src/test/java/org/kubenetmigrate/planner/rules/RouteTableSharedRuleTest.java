package org.kubenetmigrate.planner.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kubenetmigrate.planner.testing.Fixtures.finding;
import static org.kubenetmigrate.planner.testing.Fixtures.findings;
import static org.kubenetmigrate.planner.testing.Fixtures.unverified;

import org.junit.jupiter.api.Test;
import org.kubenetmigrate.planner.assessment.ClusterAssessment;
import org.kubenetmigrate.planner.testing.Fixtures;
import org.kubenetmigrate.planner.testing.Fixtures.Scenario;

class RouteTableSharedRuleTest {
    private static final String ID = "route-table-shared";

    @Test
    void routeTableSharedWithAnAppGatewaySubnetBlocks() {
        Scenario s = Fixtures.byoVnet();
        s.vnet().subnet("snet-appgw", "10.240.8.0/24").routeTable(s.routeTable());

        ClusterAssessment a = s.assess();

        Finding f = finding(a, ID);
        assertThat(f.severity()).isEqualTo(Severity.BLOCKER);
        assertThat(f.message()).contains("route table rt-aks", "subnet snet-appgw of vnet-prod",
                "not a node subnet");
        assertThat(f.remediation()).contains(
                "az network vnet subnet update -g rg-net --vnet-name vnet-prod -n snet-appgw --route-table");
        assertThat(f.reference()).isEqualTo(Sources.ROUTE_TABLE_SHARED_ISSUE);
        assertThat(a.readiness()).isEqualTo(Readiness.BLOCKED);
    }

    @Test
    void managedRouteTableAssociatedWithASubnetInAnotherVnetBlocks() {
        // The AGIC add-on case: the AKS-managed route table is attached to the App Gateway subnet of a peered VNet.
        Scenario s = Fixtures.managedVnet();
        s.routeTable().associate(Fixtures.subnetId("rg-appgw", "vnet-appgw", "appgw-subnet"));

        Finding f = finding(s.assess(), ID);

        assertThat(f.message()).contains("aks-agentpool-12345678-routetable", "subnet appgw-subnet of vnet-appgw");
        assertThat(f.remediation()).contains("-g rg-appgw --vnet-name vnet-appgw -n appgw-subnet");
    }

    @Test
    void appGatewaySubnetInsideTheAksManagedVnetIsNotANodeSubnet() {
        // The AGIC add-on creates ingress-appgateway-subnet inside the managed VNet; nodes stay on aks-subnet.
        Scenario s = Fixtures.managedVnet();
        s.vnet().subnet("ingress-appgateway-subnet", "10.225.0.0/16").routeTable(s.routeTable());

        ClusterAssessment a = s.assess();

        assertThat(finding(a, ID).message()).contains("subnet ingress-appgateway-subnet of aks-vnet-12345678");
        assertThat(unverified(a, "node-subnet-surge")).isEmpty();
        assertThat(a.readiness()).isEqualTo(Readiness.BLOCKED);
    }

    @Test
    void routeTableOnlyOnNodeSubnetsPasses() {
        Scenario s = Fixtures.byoVnet();
        s.vnet().subnet("snet-aks-2", "10.240.4.0/22").routeTable(s.routeTable());
        s.cluster.addPool("apps").subnet(s.vnet().existingSubnet("snet-aks-2").id());

        ClusterAssessment a = s.assess();

        assertThat(findings(a, ID)).isEmpty();
        assertThat(unverified(a, ID)).isEmpty();
        assertThat(findings(Fixtures.managedVnet().assess(), ID)).isEmpty();
    }

    @Test
    void routeTableMissingFromTheInputIsUnverifiedCouldBeBlocker() {
        ClusterAssessment a = Fixtures.byoVnet().withoutRouteTables().assess();

        assertThat(findings(a, ID)).isEmpty();
        assertThat(unverified(a, ID)).singleElement().satisfies(u -> {
            assertThat(u.couldBe()).isEqualTo(Severity.BLOCKER);
            assertThat(u.reason()).contains("rt-aks", "not in the input");
        });
        assertThat(a.readiness()).isEqualTo(Readiness.INCOMPLETE);
    }

    @Test
    void vnetMissingFromTheInputIsUnverified() {
        ClusterAssessment a = Fixtures.byoVnet().withoutVnets().assess();

        assertThat(unverified(a, ID)).singleElement()
                .satisfies(u -> assertThat(u.reason()).contains("route table association is unknown"));
    }
}
