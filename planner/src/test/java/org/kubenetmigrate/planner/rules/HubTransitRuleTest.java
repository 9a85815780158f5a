package org.kubenetmigrate.planner.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kubenetmigrate.planner.testing.Fixtures.finding;
import static org.kubenetmigrate.planner.testing.Fixtures.findings;
import static org.kubenetmigrate.planner.testing.Fixtures.unverified;

import org.junit.jupiter.api.Test;
import org.kubenetmigrate.planner.assessment.ClusterAssessment;
import org.kubenetmigrate.planner.testing.Fixtures;
import org.kubenetmigrate.planner.testing.Fixtures.Scenario;

/** Effective routes in the shape of {@code az network nic show-effective-route-table -o json}. */
class HubTransitRuleTest {
    private static final String ID = "hub-transit";

    private static String effectiveRoutes(String vnetSpace, String gatewayPrefix) {
        return """
                {"nextLink": null, "value": [
                  {"addressPrefix": ["%s"], "disableBgpRoutePropagation": false, "name": null, "nextHopIpAddress": [],
                   "nextHopType": "VnetLocal", "source": "Default", "state": "Active"},
                  {"addressPrefix": ["%s"], "disableBgpRoutePropagation": false, "name": null,
                   "nextHopIpAddress": ["10.100.0.68"], "nextHopType": "VirtualNetworkGateway",
                   "source": "VirtualNetworkGateway", "state": "Active"},
                  {"addressPrefix": ["0.0.0.0/0"], "disableBgpRoutePropagation": false, "name": null,
                   "nextHopIpAddress": [], "nextHopType": "Internet", "source": "Default", "state": "Active"}]}"""
                .formatted(vnetSpace, gatewayPrefix);
    }

    private static Scenario spokeOfAHub() {
        Scenario s = Fixtures.byoVnet();
        s.vnet().gatewayPeering("to-hub", "rg-hub", "vnet-hub", "10.100.0.0/16");
        return s;
    }

    @Test
    void gatewayLearnedRangeOverlappingThePodCidrIsAnAction() {
        Scenario s = spokeOfAHub().around(effectiveRoutes("10.240.0.0/16", "10.244.0.0/14"));

        ClusterAssessment a = s.assessChecked();

        Finding f = finding(a, ID);
        assertThat(f.severity()).isEqualTo(Severity.ACTION);
        assertThat(f.message()).contains("10.244.0.0/14", "useRemoteGateways");
        assertThat(f.remediation()).contains("--avoid 10.244.0.0/14");
        assertThat(a.readiness()).isEqualTo(Readiness.ACTIONS_REQUIRED);
    }

    @Test
    void gatewayLearnedRangesClearOfThePodCidrPass() {
        ClusterAssessment a = spokeOfAHub().around(effectiveRoutes("10.240.0.0/16", "192.168.0.0/16")).assessChecked();

        assertThat(findings(a, ID)).isEmpty();
        assertThat(unverified(a, ID)).isEmpty();
        assertThat(a.readiness()).isEqualTo(Readiness.READY);
    }

    @Test
    void effectiveRoutesOfAnotherNetworkDoNotCount() {
        ClusterAssessment a = spokeOfAHub().around(effectiveRoutes("10.99.0.0/16", "192.168.0.0/16")).assessChecked();

        assertThat(unverified(a, ID)).singleElement()
                .satisfies(u -> assertThat(u.couldBe()).isEqualTo(Severity.ACTION));
    }

    @Test
    void transitWithoutEffectiveRoutesIsUnverifiedAndNamesTheExport() {
        ClusterAssessment a = spokeOfAHub().assessChecked();

        assertThat(unverified(a, ID)).singleElement().satisfies(u -> {
            assertThat(u.couldBe()).isEqualTo(Severity.ACTION);
            assertThat(u.reason()).contains("az network nic show-effective-route-table", "--avoid");
        });
        assertThat(a.readiness()).isEqualTo(Readiness.INCOMPLETE);
    }

    @Test
    void rangesGivenWithAvoidAnswerIt() {
        Scenario s = spokeOfAHub();
        s.options.avoid("192.168.0.0/16");

        assertThat(unverified(s.assessChecked(), ID)).isEmpty();
    }

    @Test
    void aNodeSubnetRouteToTheGatewayIsTransitToo() {
        Scenario s = Fixtures.byoVnet();
        s.routeTable().route("onprem", "172.20.0.0/14", "VirtualNetworkGateway", null);

        assertThat(unverified(s.assessChecked(), ID)).singleElement()
                .satisfies(u -> assertThat(u.reason()).contains("route onprem 172.20.0.0/14"));
    }

    @Test
    void noGatewayNoCheck() {
        Scenario s = Fixtures.byoVnet();
        s.vnet().peering("to-hub", "rg-hub", "vnet-hub", "10.100.0.0/16");

        ClusterAssessment a = s.assessChecked();

        assertThat(findings(a, ID)).isEmpty();
        assertThat(unverified(a, ID)).isEmpty();
    }
}
