package org.kubenetmigrate.planner.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kubenetmigrate.planner.testing.Fixtures.finding;
import static org.kubenetmigrate.planner.testing.Fixtures.findings;
import static org.kubenetmigrate.planner.testing.Fixtures.routeTable;
import static org.kubenetmigrate.planner.testing.Fixtures.vnet;

import org.junit.jupiter.api.Test;
import org.kubenetmigrate.planner.assessment.ClusterAssessment;
import org.kubenetmigrate.planner.testing.Fixtures;
import org.kubenetmigrate.planner.testing.Fixtures.RouteTableBuilder;
import org.kubenetmigrate.planner.testing.Fixtures.Scenario;
import org.kubenetmigrate.planner.testing.Fixtures.VnetBuilder;

class PodIpConsumersRuleTest {
    private static final String ID = "pod-ip-consumers";

    @Test
    void routeTableOfAnotherSubnetRoutingIntoThePodCidrWarns() {
        Scenario s = Fixtures.byoVnet();
        RouteTableBuilder appgw = routeTable("rg-net", "rt-appgw").route("to-pods", "10.244.0.0/16",
                "VirtualAppliance", "10.240.0.4");
        s.vnet().subnet("snet-appgw", "10.240.8.0/24").routeTable(appgw);
        s.routeTables.add(appgw);

        ClusterAssessment a = s.assessChecked();

        Finding f = finding(a, ID);
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.message()).contains("rt-appgw", "snet-appgw", "to-pods 10.244.0.0/16 → VirtualAppliance 10.240.0.4");
        assertThat(a.readiness()).isEqualTo(Readiness.READY);
    }

    @Test
    void aPeeredNetworksRouteTableCounts() {
        Scenario s = Fixtures.byoVnet();
        s.vnet().peering("to-apps", "rg-apps", "vnet-apps", "10.50.0.0/16");
        VnetBuilder apps = vnet("rg-apps", "vnet-apps", "10.50.0.0/16");
        RouteTableBuilder table = routeTable("rg-apps", "rt-apps").route("aks-pods", "10.244.0.0/16",
                "VirtualAppliance", "10.240.0.4");
        apps.subnet("snet-vms", "10.50.0.0/24").routeTable(table);
        s.vnets.add(apps);
        s.routeTables.add(table);

        assertThat(finding(s.assessChecked(), ID).message()).contains("rt-apps", "snet-vms");
    }

    @Test
    void theClustersOwnRouteTableAndUnrelatedRoutesDoNotFire() {
        Scenario s = Fixtures.byoVnet();
        RouteTableBuilder egress = routeTable("rg-net", "rt-egress").route("default", "0.0.0.0/0",
                "VirtualAppliance", "10.100.0.4").route("hub", "10.100.0.0/16", "VirtualNetworkGateway", null);
        s.vnet().subnet("snet-vms", "10.240.8.0/24").routeTable(egress);
        s.routeTables.add(egress);

        assertThat(findings(s.assessChecked(), ID)).isEmpty();
    }
}
