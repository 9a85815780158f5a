package org.kubenetmigrate.planner.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kubenetmigrate.planner.model.ArmId;
import org.kubenetmigrate.planner.model.Fleet;
import org.kubenetmigrate.planner.model.NetworkSecurityGroup;
import org.kubenetmigrate.planner.model.SecurityRule;
import org.kubenetmigrate.planner.model.SurroundingType;
import org.kubenetmigrate.planner.model.Surroundings;

/** Locks, NSGs, usages and effective routes in each family of the example fleet, and what a snapshot says it read. */
class SurroundingsReaderTest {
    private static final Path FLEET = Path.of("../examples/fleet");
    private static final String A001 = "00000000-0000-0000-0000-00000000a001";
    private static final String A002 = "00000000-0000-0000-0000-00000000a002";
    private static final String A003 = "00000000-0000-0000-0000-00000000a003";

    private static Surroundings files(String... files) throws InputException {
        return new FleetReader().read(List.of(files).stream().map(FLEET::resolve).toList()).surroundings();
    }

    private static Fleet read(String json) throws Exception {
        return new FleetReader().read("test.json", new ObjectMapper().readTree(json));
    }

    @Test
    void armLockListAndAzLockListReadAlike() throws Exception {
        Surroundings arm = files("sub-a001-payments/arm/authorization/locks.json");
        Surroundings az = files("sub-a002-retail/az/lock-list.json");

        assertThat(arm.locks()).extracting(l -> l.level()).contains("CanNotDelete");
        ArmId managedTable = ArmId.of("/subscriptions/" + A001
                + "/resourceGroups/MC_rg-vault_aks-vault-weu_westeurope/providers/Microsoft.Network/routeTables/rt");
        assertThat(arm.locks()).filteredOn(l -> l.covers(managedTable)).extracting(l -> l.name())
                .containsExactly("protect-vault-nodes");
        assertThat(az.locks()).singleElement().satisfies(l -> {
            assertThat(l.scope().value()).endsWith("/resourceGroups/rg-legacy-apps");
            assertThat(l.level()).isEqualTo("CanNotDelete");
        });
        assertThat(arm.covers(SurroundingType.LOCKS, A001)).isTrue();
        assertThat(arm.covers(SurroundingType.LOCKS, A002)).isFalse();
        assertThat(arm.missing(SurroundingType.LOCKS, A002)).hasValueSatisfying(m -> assertThat(m).contains("az lock list -o json"));
    }

    @Test
    void nsgsFromArmAzAndResourceGraphKeepRulesInPriorityOrderWithDefaultsLast() throws Exception {
        Surroundings az = files("sub-a002-retail/az/network-nsg-list.json");
        NetworkSecurityGroup orders = az.networkSecurityGroups().stream().filter(n -> n.name().equals("nsg-snet-aks-orders"))
                .findFirst().orElseThrow();

        assertThat(orders.evaluationOrder(SecurityRule.Direction.INBOUND)).extracting(SecurityRule::name).containsExactly(
                "AllowNodesToPods", "AllowPodsToPods", "AllowNodesToNodes", "AllowAzureLoadBalancer", "AllowHttpsFromHub",
                "DenyAllInbound", "AllowVnetInBound", "AllowAzureLoadBalancerInBound", "DenyAllInBound");
        assertThat(orders.subnetIds()).singleElement().satisfies(s -> assertThat(s.name()).isEqualTo("snet-aks-nodes"));
        assertThat(files("sub-a001-payments/arm/network/network-security-groups.json").covers(
                SurroundingType.NETWORK_SECURITY_GROUPS, A001)).isTrue();
        assertThat(files("resource-graph/sub-a003-network-security-groups.json").networkSecurityGroups()).isNotEmpty()
                .allSatisfy(n -> assertThat(n.defaultSecurityRules()).hasSize(6));
    }

    @Test
    void usageListsReadWithNumbersOrStrings() throws Exception {
        Surroundings arm = files("sub-a001-payments/arm/compute/usages-westeurope.json");
        Surroundings az = files("sub-a003-data/az/vm-list-usage-northeurope.json");

        assertThat(arm.computeUsages(A001, "West Europe")).hasValueSatisfying(u ->
                assertThat(u.usage("standardDSv5Family")).hasValueSatisfying(x -> assertThat(x.free()).isEqualTo(226)));
        assertThat(az.computeUsages(A003, "northeurope")).hasValueSatisfying(u ->
                assertThat(u.usage("standardNCADSA100v4Family")).hasValueSatisfying(x -> assertThat(x.limit()).isEqualTo(96)));
    }

    @Test
    void aUsageListThatNamesNoRegionIsNotReadAndSaysSo() throws Exception {
        FleetInput input = new FleetReader().readInput(List.of(writeTemp("""
                [{"currentValue": "0", "limit": "2500", "localName": "Availability Sets",
                  "name": {"localizedValue": "Availability Sets", "value": "availabilitySets"}}]""")));

        assertThat(input.fleet().surroundings().computeUsages()).isEmpty();
        assertThat(input.metadata().notes()).anySatisfy(n -> assertThat(n).contains("names neither its subscription nor its region"));
    }

    @Test
    void azEffectiveRouteTableIsReadWithItsVirtualNetworkPrefixes() throws Exception {
        Surroundings s = files("sub-a003-data/az/nic-show-effective-route-table-aks-branch-sea.json");

        assertThat(s.effectiveRoutes()).singleElement().satisfies(t -> {
            assertThat(t.virtualNetworkPrefixes()).containsExactly("10.136.0.0/16");
            assertThat(t.routes()).filteredOn(r -> r.fromGateway()).flatExtracting(r -> r.addressPrefixes())
                    .containsExactly("10.240.0.0/12", "192.168.32.0/20");
        });
    }

    @Test
    void aSnapshotThatReadLocksAndFoundNoneCoversThemAndATypeItCouldNotReadIsAGap() throws Exception {
        Fleet fleet = read("""
                {"snapshotVersion": 1,
                 "metadata": {"generatedAt": "2026-12-01T12:00:00Z", "cloud": "AzureCloud", "scope": {},
                   "queries": [], "subscriptionsFailed": [],
                   "typesRead": [{"type": "Microsoft.Authorization/locks", "subscriptions": ["%s"]}],
                   "unverified": [{"resourceId": "/subscriptions/%s", "check": "Microsoft.Authorization/locks",
                                   "reason": "403 AuthorizationFailed", "missingAction": "Microsoft.Authorization/locks/read"}]},
                 "resources": []}""".formatted(A001, A002));

        Surroundings s = fleet.surroundings();
        assertThat(s.covers(SurroundingType.LOCKS, A001)).isTrue();
        assertThat(s.missing(SurroundingType.LOCKS, A002)).hasValueSatisfying(m ->
                assertThat(m).contains("403 AuthorizationFailed", "Microsoft.Authorization/locks/read"));
        assertThat(fleet.accessGaps()).as("a type gap is not a gap of every resource in the subscription").isEmpty();
    }

    @Test
    void aLockWithoutALevelNamesTheField() {
        assertThatThrownBy(() -> read("""
                {"id": "/subscriptions/%s/providers/Microsoft.Authorization/locks/l1", "type": "Microsoft.Authorization/locks",
                 "properties": {}}""".formatted(A001))).isInstanceOf(InputException.class)
                .hasMessageContaining("test.json").hasMessageContaining("/properties/level");
    }

    private static Path writeTemp(String json) throws Exception {
        Path file = java.nio.file.Files.createTempFile("usage", ".json");
        java.nio.file.Files.writeString(file, json);
        file.toFile().deleteOnExit();
        return file;
    }
}
