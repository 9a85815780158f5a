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

    private static final String NET = "/subscriptions/" + Fixtures.SUBSCRIPTION + "/resourceGroups/rg-net"
            + "/providers/Microsoft.Network";

    /**
     * ARM GET of a load balancer with an IP-based backend pool, in the shape of the REST example
     * LoadBalancerBackendAddressPoolWithBackendAddressesPut (addresses under properties, with their virtual network).
     */
    private static String loadBalancer(String address) {
        return """
                {"id": "%1$s/loadBalancers/lb-legacy", "name": "lb-legacy", "type": "Microsoft.Network/loadBalancers",
                 "location": "westeurope",
                 "properties": {
                   "frontendIPConfigurations": [{"name": "fe", "properties": {"privateIPAddress": "10.240.8.10",
                     "subnet": {"id": "%1$s/virtualNetworks/vnet-prod/subnets/snet-lb"}}}],
                   "backendAddressPools": [{"name": "be-pods", "id": "%1$s/loadBalancers/lb-legacy/backendAddressPools/be-pods",
                     "properties": {"loadBalancerBackendAddresses": [
                       {"name": "pod-a", "properties": {"ipAddress": "%2$s",
                        "virtualNetwork": {"id": "%1$s/virtualNetworks/vnet-prod"}}}]}}]}}"""
                .formatted(NET, address);
    }

    @Test
    void aLoadBalancerBackendPoolHoldingAPodIpWarns() {
        Scenario s = Fixtures.byoVnet().around(loadBalancer("10.244.1.17"));

        ClusterAssessment a = s.assessChecked();

        assertThat(finding(a, ID).message()).contains("load balancer lb-legacy holds pod IPs of pod CIDR 10.244.0.0/16",
                "backend pool be-pods 10.244.1.17");
        assertThat(a.readiness()).isEqualTo(Readiness.READY);
    }

    @Test
    void aBackendPoolOfNodeOrOtherAddressesDoesNotFire() {
        Scenario s = Fixtures.byoVnet().around(loadBalancer("10.240.0.4"));

        assertThat(findings(s.assessChecked(), ID)).isEmpty();
    }

    /** az network application-gateway list -o json: flattened, backend addresses with ipAddress or fqdn. */
    @Test
    void anApplicationGatewayPoolInAPeeredNetworkWarns() {
        Scenario s = Fixtures.byoVnet();
        s.vnet().peering("to-edge", "rg-edge", "vnet-edge", "10.60.0.0/16");
        s.around("""
                [{"id": "/subscriptions/%1$s/resourceGroups/rg-edge/providers/Microsoft.Network/applicationGateways/agw-edge",
                  "name": "agw-edge", "resourceGroup": "rg-edge", "type": "Microsoft.Network/applicationGateways",
                  "gatewayIPConfigurations": [{"name": "gw", "subnet": {"id":
                    "/subscriptions/%1$s/resourceGroups/rg-edge/providers/Microsoft.Network/virtualNetworks/vnet-edge/subnets/snet-agw"}}],
                  "backendAddressPools": [
                    {"name": "pool-api", "backendAddresses": [{"ipAddress": "10.244.2.9"}, {"fqdn": "api.example.com"}]},
                    {"name": "pool-web", "backendAddresses": []}]}]""".formatted(Fixtures.SUBSCRIPTION));

        assertThat(finding(s.assessChecked(), ID).message()).contains(
                "application gateway agw-edge holds pod IPs", "backend pool pool-api 10.244.2.9");
    }

    @Test
    void aGatewayInAnUnrelatedNetworkDoesNotFire() {
        Scenario s = Fixtures.byoVnet().around("""
                {"id": "/subscriptions/%1$s/resourceGroups/rg-other/providers/Microsoft.Network/applicationGateways/agw",
                 "name": "agw", "type": "Microsoft.Network/applicationGateways",
                 "properties": {"gatewayIPConfigurations": [{"name": "gw", "properties": {"subnet": {"id":
                   "/subscriptions/%1$s/resourceGroups/rg-other/providers/Microsoft.Network/virtualNetworks/vnet-other/subnets/agw"}}}],
                  "backendAddressPools": [{"name": "p", "properties": {"backendAddresses": [{"ipAddress": "10.244.0.8"}]}}]}}"""
                .formatted(Fixtures.SUBSCRIPTION));

        assertThat(findings(s.assessChecked(), ID)).isEmpty();
    }

    /** ARM GET of an Azure Firewall with classic rule collections, as in the AzureFirewallGet REST example. */
    @Test
    void aFirewallNatRuleAndNetworkRuleTargetingPodsWarn() {
        Scenario s = Fixtures.byoVnet().around("""
                {"id": "%1$s/azureFirewalls/fw-hub", "name": "fw-hub", "type": "Microsoft.Network/azureFirewalls",
                 "properties": {
                   "ipConfigurations": [{"name": "ip", "properties": {"privateIPAddress": "10.240.255.4",
                     "subnet": {"id": "%1$s/virtualNetworks/vnet-prod/subnets/AzureFirewallSubnet"}}}],
                   "networkRuleCollections": [{"name": "to-pods", "properties": {"priority": 110,
                     "action": {"type": "Allow"}, "rules": [
                       {"name": "allow-pods", "protocols": ["TCP"], "sourceAddresses": ["10.0.0.0/8"],
                        "destinationAddresses": ["10.244.0.0/16"], "destinationPorts": ["443"]},
                       {"name": "allow-any", "protocols": ["Any"], "sourceAddresses": ["*"],
                        "destinationAddresses": ["*", "AzureCloud"], "destinationPorts": ["*"]}]}}],
                   "natRuleCollections": [{"name": "dnat", "properties": {"priority": 100, "action": {"type": "Dnat"},
                     "rules": [{"name": "api", "protocols": ["TCP"], "sourceAddresses": ["*"],
                       "destinationAddresses": ["52.0.0.1"], "destinationPorts": ["443"],
                       "translatedAddress": "10.244.1.30", "translatedPort": "8443"}]}}]}}"""
                .formatted(NET));

        assertThat(finding(s.assessChecked(), ID).message()).contains("Azure Firewall fw-hub",
                "network rule to-pods/allow-pods 10.244.0.0/16", "NAT rule dnat/api 10.244.1.30")
                .doesNotContain("allow-any");
    }
}
