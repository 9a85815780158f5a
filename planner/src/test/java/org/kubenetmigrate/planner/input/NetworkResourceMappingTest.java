package org.kubenetmigrate.planner.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kubenetmigrate.planner.cidr.IpPrefix;
import org.kubenetmigrate.planner.model.ArmId;
import org.kubenetmigrate.planner.model.Peering;
import org.kubenetmigrate.planner.model.Route;
import org.kubenetmigrate.planner.model.RouteTable;
import org.kubenetmigrate.planner.model.Subnet;
import org.kubenetmigrate.planner.model.VirtualNetwork;

/** Field by field mapping of virtual networks and route tables (Network api-version 2025-03-01 names). */
class NetworkResourceMappingTest {
    private static final String NET = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.Network";

    @TempDir
    Path dir;

    @Test
    void mapsEveryFieldOfAnArmVirtualNetwork() throws Exception {
        VirtualNetwork v = Fixtures.readFixtures("shapes/arm-virtual-network.json").virtualNetworks().get(0);

        assertThat(v.id()).isEqualTo(ArmId.of(NET + "/virtualNetworks/test-vnet"));
        assertThat(v.name()).isEqualTo("test-vnet");
        assertThat(v.subscriptionId()).isEqualTo("00000000-0000-0000-0000-000000000000");
        assertThat(v.resourceGroup()).isEqualTo("rg1");
        assertThat(v.location()).isEqualTo("westus");
        assertThat(v.etag()).isEqualTo("W/\"00000000-0000-0000-0000-00000000aaaa\"");
        assertThat(v.addressSpace()).containsExactly(IpPrefix.parse("10.224.0.0/12"), IpPrefix.parse("fd00:db8:deca::/48"));
        assertThat(v.subnets()).containsExactly(
                new Subnet(ArmId.of(NET + "/virtualNetworks/test-vnet/subnets/subnet1"), "subnet1",
                        List.of(IpPrefix.parse("10.225.1.0/24")), null, 1),
                new Subnet(ArmId.of(NET + "/virtualNetworks/test-vnet/subnets/aks-nodes"), "aks-nodes",
                        List.of(IpPrefix.parse("10.224.0.0/16")), ArmId.of(NET + "/routeTables/testrt"), 3),
                new Subnet(ArmId.of(NET + "/virtualNetworks/test-vnet/subnets/dual"), "dual",
                        List.of(IpPrefix.parse("10.226.0.0/24"), IpPrefix.parse("fd00:db8:deca:1::/64")), null, 0));
        assertThat(v.peerings()).containsExactly(new Peering("to-hub",
                ArmId.of("/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/hub-rg/providers/Microsoft.Network/virtualNetworks/hub-vnet"),
                List.of(IpPrefix.parse("10.100.0.0/16")), "Connected"));
    }

    @Test
    void combinesAddressPrefixAndAddressPrefixesWithoutRepeats() throws Exception {
        VirtualNetwork v = vnet("""
                "subnets": [{"id": "%s/virtualNetworks/v/subnets/s", "name": "s",
                             "addressPrefix": "10.0.0.0/24", "addressPrefixes": ["10.0.0.0/24", "10.0.1.0/24"]}]
                """.formatted(NET));

        assertThat(v.subnets().get(0).addressPrefixes())
                .containsExactly(IpPrefix.parse("10.0.0.0/24"), IpPrefix.parse("10.0.1.0/24"));
    }

    @Test
    void takesASubnetNameFromItsIdWhenTheNameIsAbsent() throws Exception {
        VirtualNetwork v = vnet("""
                "subnets": [{"id": "%s/virtualNetworks/v/subnets/from-id", "addressPrefix": "10.0.0.0/24"}]
                """.formatted(NET));

        assertThat(v.subnets().get(0).name()).isEqualTo("from-id");
    }

    @Test
    void mapsEveryFieldOfAnArmRouteTable() throws Exception {
        RouteTable t = Fixtures.readFixtures("shapes/arm-route-table.json").routeTables().get(0);

        assertThat(t.id()).isEqualTo(ArmId.of(NET + "/routeTables/testrt"));
        assertThat(t.name()).isEqualTo("testrt");
        assertThat(t.subscriptionId()).isEqualTo("00000000-0000-0000-0000-000000000000");
        assertThat(t.resourceGroup()).isEqualTo("rg1");
        assertThat(t.etag()).isEqualTo("W/\"00000000-0000-0000-0000-00000000bbbb\"");
        assertThat(t.subnetIds()).containsExactly(ArmId.of(NET + "/virtualNetworks/test-vnet/subnets/aks-nodes"));
        assertThat(t.routes()).containsExactly(
                new Route("route1", "10.0.3.0/24", IpPrefix.parse("10.0.3.0/24"), "VirtualNetworkGateway", null),
                new Route("aks-nodepool1-12345678-vmss000000", "10.244.0.0/24", IpPrefix.parse("10.244.0.0/24"),
                        "VirtualAppliance", "10.224.0.4"),
                new Route("default-via-firewall", "0.0.0.0/0", IpPrefix.parse("0.0.0.0/0"), "VirtualAppliance", "10.100.0.4"),
                new Route("azure-cloud-direct", "AzureCloud.westus", null, "Internet", null));
        assertThat(t.routes().get(2).isDefaultRoute()).isTrue();
    }

    @Test
    void keepsServiceTagRoutesWithoutAParsedPrefix() throws Exception {
        RouteTable t = routeTable("""
                "routes": [{"name": "r1", "addressPrefix": "Internet", "nextHopType": "Internet"},
                           {"name": "r2", "addressPrefix": "AzureCloud.westeurope", "nextHopType": "Internet"},
                           {"name": "r3", "addressPrefix": "Storage", "nextHopType": "Internet"}]
                """);

        assertThat(t.routes()).extracting(Route::addressPrefix).containsExactly("Internet", "AzureCloud.westeurope", "Storage");
        assertThat(t.routes()).extracting(Route::prefix).containsOnlyNulls();
        assertThat(t.routes()).noneMatch(Route::isDefaultRoute);
    }

    @Test
    void parsesIpv6RoutePrefixes() throws Exception {
        RouteTable t = routeTable("""
                "routes": [{"name": "v6-default", "addressPrefix": "::/0", "nextHopType": "VirtualAppliance",
                            "nextHopIpAddress": "fd00:db8::4"}]
                """);

        assertThat(t.routes().get(0).prefix()).isEqualTo(IpPrefix.parse("::/0"));
        assertThat(t.routes().get(0).nextHopIpAddress()).isEqualTo("fd00:db8::4");
    }

    private VirtualNetwork vnet(String fields) throws InputException {
        String json = """
                {"id": "%s/virtualNetworks/v", "name": "v", "type": "Microsoft.Network/virtualNetworks", %s}
                """.formatted(NET, fields);
        return Fixtures.read(Fixtures.write(dir, "vnet.json", json)).virtualNetworks().get(0);
    }

    private RouteTable routeTable(String fields) throws InputException {
        String json = """
                {"id": "%s/routeTables/rt", "name": "rt", "type": "Microsoft.Network/routeTables", %s}
                """.formatted(NET, fields);
        return Fixtures.read(Fixtures.write(dir, "rt.json", json)).routeTables().get(0);
    }
}
