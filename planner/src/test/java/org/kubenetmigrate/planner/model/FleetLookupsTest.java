package org.kubenetmigrate.planner.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.kubenetmigrate.planner.testing.Fixtures;

/** The fleet's per-network indexes answer as a scan of the lists would: input order, each resource once. */
class FleetLookupsTest {
    private static final String NET = "/subscriptions/sub/resourceGroups/rg/providers/Microsoft.Network";
    private static final SourceRef SOURCE = new SourceRef("fleet.json", "");

    private static ArmId vnet(String name) {
        return ArmId.of(NET + "/virtualNetworks/" + name);
    }

    private static ArmId subnet(String vnet, String subnet) {
        return ArmId.of(NET + "/virtualNetworks/" + vnet + "/subnets/" + subnet);
    }

    private static RouteTable table(String name, ArmId... subnets) {
        return new RouteTable(ArmId.of(NET + "/routeTables/" + name), name, "sub", "rg", List.of(), List.of(subnets),
                null, SOURCE);
    }

    private static AddressHolder holder(String name, ArmId... vnets) {
        return new AddressHolder(ArmId.of(NET + "/loadBalancers/" + name), AddressHolder.Kind.LOAD_BALANCER, name,
                List.of(vnets), List.of(new AddressHolder.Entry("backend pool be", "10.244.0.5")), SOURCE);
    }

    @Test
    void routeTablesOnNetworksComeInInputOrderEachOnce() {
        RouteTable both = table("rt-both", subnet("vnet-b", "s1"), subnet("VNET-A", "s2"), subnet("vnet-a", "s3"));
        RouteTable onlyA = table("rt-a", subnet("vnet-a", "s4"));
        RouteTable onlyC = table("rt-c", subnet("vnet-c", "s5"));
        RouteTable unattached = table("rt-none");
        Fleet fleet = new Fleet(List.of(), List.of(), List.of(onlyA, both, unattached, onlyC));

        assertThat(fleet.routeTablesOnVirtualNetworks(List.of(vnet("vnet-b"), vnet("vnet-a"))))
                .containsExactly(onlyA, both);
        assertThat(fleet.routeTablesOnVirtualNetworks(List.of(vnet("Vnet-A")))).containsExactly(onlyA, both);
        assertThat(fleet.routeTablesOnVirtualNetworks(List.of(vnet("vnet-c"), vnet("vnet-z")))).containsExactly(onlyC);
        assertThat(fleet.routeTablesOnVirtualNetworks(List.of(vnet("vnet-z")))).isEmpty();
    }

    @Test
    void addressHoldersOnNetworksComeInInputOrderEachOnce() {
        AddressHolder first = holder("lb-1", vnet("vnet-b"));
        AddressHolder spanning = holder("lb-2", vnet("vnet-a"), vnet("vnet-b"));
        AddressHolder elsewhere = holder("lb-3", vnet("vnet-c"));
        Surroundings around = new Surroundings.Builder().add(first).add(spanning).add(elsewhere).build();
        Fleet fleet = new Fleet(List.of(), List.of(), List.of(), List.of(), around);

        assertThat(fleet.addressHoldersOnVirtualNetworks(List.of(vnet("vnet-a"), vnet("VNET-B"))))
                .containsExactly(first, spanning);
        assertThat(fleet.addressHoldersOnVirtualNetworks(List.of(vnet("vnet-c")))).containsExactly(elsewhere);
        assertThat(fleet.addressHoldersOnVirtualNetworks(List.of(vnet("vnet-z")))).isEmpty();
        assertThat(new Fleet(List.of(), List.of(), List.of()).addressHoldersOnVirtualNetworks(List.of(vnet("vnet-a"))))
                .isEmpty();
    }

    @Test
    void clusterSubnetsAndRouteTablesAskedTogetherFromManyThreadsGiveOneAnswer() throws Exception {
        List<ManagedCluster> clusters = new ArrayList<>();
        List<RouteTable> tables = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            ArmId subnet = Fixtures.subnetId("rg-net", "vnet-" + (i % 20), "snet-" + i);
            clusters.add(Fixtures.kubenetCluster("aks-" + i).onSubnet(subnet).build());
            tables.add(table("rt-" + i, subnet));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 20; round++) {
                Fleet fleet = new Fleet(clusters, List.of(), tables);
                List<Callable<Integer>> asks = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    // As the pod-ip-consumers rule asks: the cluster subnets first, then the route tables.
                    asks.add(() -> fleet.clusterSubnets().size() * 1000
                            + fleet.routeTablesOnVirtualNetworks(List.of(Fixtures.vnetId("rg-net", "vnet-3"))).size());
                }
                for (Future<Integer> answer : pool.invokeAll(asks)) {
                    assertThat(answer.get()).isEqualTo(500 * 1000 + 25);
                }
                assertThat(fleet.clusterSubnets()).contains(Fixtures.subnetId("rg-net", "VNET-3", "SNET-3"));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void indexesAskedFromManyThreadsAtOnceGiveOneAnswer() throws Exception {
        List<RouteTable> tables = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            tables.add(table("rt-" + i, subnet("vnet-" + (i % 50), "s-" + i)));
        }
        Fleet fleet = new Fleet(List.of(), List.of(), tables);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<List<RouteTable>>> asks = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                asks.add(() -> fleet.routeTablesOnVirtualNetworks(List.of(vnet("vnet-7"))));
            }
            List<List<RouteTable>> answers = new ArrayList<>();
            for (Future<List<RouteTable>> answer : pool.invokeAll(asks)) {
                answers.add(answer.get());
            }
            assertThat(answers).allSatisfy(a -> assertThat(a).hasSize(40).isEqualTo(answers.get(0)));
            assertThat(answers.get(0).get(0).name()).isEqualTo("rt-7");
        } finally {
            pool.shutdownNow();
        }
    }
}
