package org.kubenetmigrate.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kubenetmigrate.testsupport.SyntheticFleet.Member;
import org.kubenetmigrate.testsupport.SyntheticFleet.Mix;

/** The generator's two mixes hold what their callers rely on (the report's verdicts are tested in the CLI). */
class SyntheticFleetTest {
    @Test
    void aReadyFleetIsKubenetClustersOnTheirOwnSubnetWithTheKubenetRouteTableNamedBySubscription() {
        ResourceStore store = new ResourceStore();

        List<String> ids = SyntheticFleet.load(store, 2, 3);

        assertThat(ids).hasSize(6).doesNotHaveDuplicates();
        assertThat(ids.get(4)).endsWith("/managedClusters/aks-1-1").contains(SyntheticFleet.subscriptionId(1));
        assertThat(store.subscriptions()).containsEntry(SyntheticFleet.subscriptionId(0), "synthetic-0");
        for (String id : ids) {
            JsonNode cluster = store.get(id).orElseThrow();
            assertThat(cluster.at("/properties/networkProfile/networkPlugin").asText()).isEqualTo("kubenet");
            assertThat(cluster.at("/properties/provisioningState").asText()).isEqualTo("Succeeded");
            String subnet = cluster.at("/properties/agentPoolProfiles/0/vnetSubnetID").asText();
            String vnetId = subnet.substring(0, subnet.indexOf("/subnets/"));
            JsonNode vnet = store.get(vnetId).orElseThrow();
            String table = vnet.at("/properties/subnets/0/properties/routeTable/id").asText();
            assertThat(store.get(table).orElseThrow().at("/properties/routes")).isNotEmpty();
        }
    }

    @Test
    void aVariedFleetHasEveryKindAndTheSameClusterKWhateverItsSize() {
        List<Member> small = SyntheticFleet.generate(150, 100, Mix.VARIED, 7L);
        List<Member> large = SyntheticFleet.generate(400, 100, Mix.VARIED, 7L);

        assertThat(Json.write(small.get(120).cluster())).isEqualTo(Json.write(large.get(120).cluster()));
        assertThat(large).extracting(m -> m.cluster().at("/properties/networkProfile/networkPlugin").asText())
                .contains("kubenet", "azure");
        assertThat(large).anyMatch(m -> m.vnet() == null).anyMatch(m -> m.routeTable() == null);
        assertThat(large.get(399).subscription()).isEqualTo(3);
    }

    @Test
    void writtenFilesAreBareArraysOfResourcesOneFolderPerHundredClusters(@TempDir Path dir) throws Exception {
        SyntheticFleet.write(dir, 130, 42L);

        try (Stream<Path> folders = Files.list(dir)) {
            assertThat(folders.map(p -> p.getFileName().toString()).sorted()).containsExactly("sub-0000", "sub-0001");
        }
        JsonNode clusters = Json.parse(Files.readString(dir.resolve("sub-0001/managed-clusters.json")));
        assertThat(clusters.isArray()).isTrue();
        assertThat(clusters).hasSize(30);
    }
}
