package org.kubenetmigrate.planner.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kubenetmigrate.planner.input.Fixtures.fixture;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kubenetmigrate.planner.model.ArmId;
import org.kubenetmigrate.planner.model.Fleet;
import org.kubenetmigrate.planner.model.ManagedCluster;
import org.kubenetmigrate.planner.model.SourceRef;
import org.kubenetmigrate.planner.model.VirtualNetwork;

/** The four file layouts, directories, duplicates and foreign types. */
class FleetReaderLayoutTest {
    private static final String SUB = "/subscriptions/00000000-0000-0000-0000-000000000000";

    @Test
    void readsASingleResourceObject() throws Exception {
        Path file = fixture("shapes/arm-managed-cluster.json");

        Fleet fleet = Fixtures.read(file);

        assertThat(fleet.clusters()).singleElement()
                .satisfies(c -> assertThat(c.name()).isEqualTo("clustername1"))
                .satisfies(c -> assertThat(c.source()).isEqualTo(new SourceRef(file.toString(), "")));
        assertThat(fleet.virtualNetworks()).isEmpty();
        assertThat(fleet.routeTables()).isEmpty();
    }

    @Test
    void readsABareArrayOfResources() throws Exception {
        Path file = fixture("layouts/az-list.json");

        Fleet fleet = Fixtures.read(file);

        assertThat(fleet.virtualNetworks()).extracting(VirtualNetwork::name).containsExactly("vnet-a", "vnet-b");
        assertThat(fleet.virtualNetworks()).extracting(v -> v.source().pointer()).containsExactly("/0", "/1");
    }

    @Test
    void readsAnArmListUnderValue() throws Exception {
        Fleet fleet = Fixtures.readFixtures("layouts/arm-list.json");

        assertThat(fleet.clusters()).extracting(ManagedCluster::name).containsExactly("clustername1", "clustername2");
        assertThat(fleet.clusters()).extracting(c -> c.source().pointer()).containsExactly("/value/0", "/value/1");
        assertThat(fleet.clusters().get(1).network().pluginMode()).hasToString("overlay");
    }

    @Test
    void readsAResourceGraphResultWithLowerCaseTypes() throws Exception {
        Fleet fleet = Fixtures.readFixtures("layouts/resource-graph.json");

        ManagedCluster cluster = fleet.clusters().get(0);
        assertThat(cluster.name()).isEqualTo("graph-cluster");
        assertThat(cluster.source().pointer()).isEqualTo("/data/1");
        assertThat(cluster.network().isKubenet()).isTrue();
        assertThat(cluster.identity().type()).isEqualTo("SystemAssigned");
        assertThat(cluster.tags()).containsExactlyEntriesOf(java.util.Map.of("env", "prod"));
        assertThat(fleet.virtualNetworks()).singleElement()
                .satisfies(v -> assertThat(v.resourceGroup()).isEqualTo("mc_rg3_graph-cluster_westeurope"))
                .satisfies(v -> assertThat(v.source().pointer()).isEqualTo("/data/2"));
        assertThat(fleet.routeTables()).singleElement()
                .satisfies(r -> assertThat(r.routes()).hasSize(1))
                .satisfies(r -> assertThat(r.source().pointer()).isEqualTo("/data/3"));
    }

    @Test
    void skipsResourcesOfOtherTypes() throws Exception {
        // The Resource Graph fixture also holds a virtual machine (/data/0) and a network security group (/data/4).
        Fleet fleet = Fixtures.readFixtures("layouts/resource-graph.json");

        assertThat(fleet.clusters().size() + fleet.virtualNetworks().size() + fleet.routeTables().size()).isEqualTo(3);
    }

    @Test
    void skipsAnObjectWithNeitherTypeNorId(@TempDir Path dir) throws Exception {
        Path file = Fixtures.write(dir, "create-output.json", "{\"newVNet\": {\"name\": \"vnet-a\"}}");

        Fleet fleet = Fixtures.read(file);

        assertThat(fleet.virtualNetworks()).isEmpty();
    }

    @Test
    void takesTheTypeFromTheIdWhenTypeIsAbsent(@TempDir Path dir) throws Exception {
        Path file = Fixtures.write(dir, "rt.json", """
                {"id": "%s/resourceGroups/rg1/providers/Microsoft.Network/routeTables/testrt", "name": "testrt"}
                """.formatted(SUB));

        Fleet fleet = Fixtures.read(file);

        assertThat(fleet.routeTables()).extracting(r -> r.name()).containsExactly("testrt");
    }

    @Test
    void doesNotMistakeAChildResourceIdForItsParentType(@TempDir Path dir) throws Exception {
        Path file = Fixtures.write(dir, "subnet.json", """
                {"id": "%s/resourceGroups/rg1/providers/Microsoft.Network/virtualNetworks/v/subnets/s", "name": "s",
                 "addressPrefix": "10.0.0.0/24"}
                """.formatted(SUB));

        Fleet fleet = Fixtures.read(file);

        assertThat(fleet.virtualNetworks()).isEmpty();
    }

    @Test
    void readsDirectoriesRecursivelyTakingOnlyJsonFilesInSortedOrder(@TempDir Path dir) throws Exception {
        Fixtures.copy("layouts/arm-list.json", dir, "b/nested/clusters.json");
        Fixtures.copy("layouts/resource-graph.json", dir, "a/graph.json");
        Fixtures.copy("shapes/arm-route-table.json", dir, "c.json");
        Fixtures.write(dir, "b/readme.txt", "{ not read: not a .json file");
        Fixtures.write(dir, "b/clusters.json.bak", "{ not read either");

        Fleet fleet = Fixtures.read(dir);

        assertThat(fleet.clusters()).extracting(ManagedCluster::name)
                .containsExactly("graph-cluster", "clustername1", "clustername2");
        assertThat(fleet.routeTables()).extracting(r -> r.name())
                .containsExactly("aks-agentpool-12345678-routetable", "testrt");
    }

    @Test
    void mixesLayoutsAndShapesAcrossFilesAndDirectories() throws Exception {
        Fleet fleet = Fixtures.read(fixture("layouts/resource-graph.json").getParent(),
                fixture("shapes/arm-virtual-network.json"), fixture("shapes/az-route-table.json"));

        assertThat(fleet.clusters()).hasSize(3);
        assertThat(fleet.virtualNetworks()).extracting(VirtualNetwork::name)
                .containsExactly("vnet-a", "vnet-b", "aks-vnet-12345678", "test-vnet");
        assertThat(fleet.routeTables()).hasSize(2);
    }

    @Test
    void keepsTheFirstOccurrenceOfADuplicateIdInSortedFileOrder() throws Exception {
        Path arm = fixture("shapes/arm-managed-cluster.json");
        Path az = fixture("shapes/az-managed-cluster.json");

        // Given in reverse: sorting puts arm-... first, so it wins whatever the argument order.
        Fleet fleet = Fixtures.read(az, arm);

        assertThat(fleet.clusters()).singleElement()
                .satisfies(c -> assertThat(c.source().file()).isEqualTo(arm.toString()));
    }

    @Test
    void treatsArmIdsThatDifferOnlyInCaseAsDuplicates(@TempDir Path dir) throws Exception {
        String id = SUB + "/resourceGroups/rg1/providers/Microsoft.Network/routeTables/testrt";
        Path file = Fixtures.write(dir, "rts.json", """
                [{"id": "%s", "name": "testrt", "etag": "first"},
                 {"id": "%s", "name": "testrt", "etag": "second"}]
                """.formatted(id, id.toLowerCase(java.util.Locale.ROOT)));

        Fleet fleet = Fixtures.read(file);

        assertThat(fleet.routeTables()).singleElement().satisfies(r -> assertThat(r.etag()).isEqualTo("first"));
        assertThat(fleet.routeTable(ArmId.of(id.toUpperCase(java.util.Locale.ROOT)))).isPresent();
    }

    @Test
    void readsEachResourceOnceWhenAFileIsNamedTwice() throws Exception {
        Path file = fixture("layouts/arm-list.json");

        Fleet fleet = Fixtures.read(file, file.getParent(), file);

        assertThat(fleet.clusters()).extracting(ManagedCluster::name)
                .containsExactly("clustername1", "clustername2", "graph-cluster");
    }

    @Test
    void readsAFileWithAUtf8ByteOrderMark(@TempDir Path dir) throws Exception {
        // Windows PowerShell's redirection writes one; Jackson has to see the raw bytes to skip it.
        byte[] json = Files.readAllBytes(fixture("shapes/az-route-table.json"));
        byte[] withBom = new byte[json.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(json, 0, withBom, 3, json.length);
        Path file = Files.write(dir.resolve("bom.json"), withBom);

        Fleet fleet = Fixtures.read(file);

        assertThat(fleet.routeTables()).extracting(r -> r.name()).containsExactly("testrt");
    }

    @Test
    void readsAFileInUtf16(@TempDir Path dir) throws Exception {
        String json = Files.readString(fixture("shapes/az-route-table.json"));
        Path file = Files.write(dir.resolve("utf16.json"), json.getBytes(StandardCharsets.UTF_16));

        Fleet fleet = Fixtures.read(file);

        assertThat(fleet.routeTables()).extracting(r -> r.name()).containsExactly("testrt");
    }
}
