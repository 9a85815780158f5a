package org.kubenetmigrate.planner.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kubenetmigrate.planner.model.Fleet;
import org.kubenetmigrate.planner.model.ManagedCluster;

/** A live ARM response read from memory means exactly what the same JSON read from a file means. */
class InMemoryDocumentTest {
    private static final Path CLUSTER = Path.of("../examples/fleet/sub-a001-payments/arm/managedClusters/"
            + "aks-payments-stg-weu.json");

    @Test
    void readsADocumentInMemoryAsTheSameFileWouldBeRead() throws Exception {
        JsonNode json = new ObjectMapper().readTree(CLUSTER.toFile());
        Fleet fromFile = new FleetReader().read(List.of(CLUSTER));
        Fleet fromMemory = new FleetReader().read("live GET /subscriptions/…/aks-payments-stg-weu", json);

        ManagedCluster file = fromFile.clusters().get(0);
        ManagedCluster memory = fromMemory.clusters().get(0);
        assertThat(memory).usingRecursiveComparison().ignoringFields("source").isEqualTo(file);
        assertThat(memory.source().file()).isEqualTo("live GET /subscriptions/…/aks-payments-stg-weu");
    }

    @Test
    void namesTheSourceAndPointerOfABadValue() throws Exception {
        ObjectNode json = (ObjectNode) new ObjectMapper().readTree(CLUSTER.toFile());
        ((ObjectNode) json.at("/properties/networkProfile")).put("podCidr", "10.244.0.0/33");
        assertThatThrownBy(() -> new FleetReader().read("live GET x", json)).isInstanceOf(InputException.class)
                .hasMessageStartingWith("live GET x: /properties/networkProfile/podCidr: invalid CIDR");
    }
}
