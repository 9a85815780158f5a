package org.kubenetmigrate.planner.input;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.kubenetmigrate.planner.model.Fleet;
import org.kubenetmigrate.planner.model.SourceRef;

/**
 * The same resource printed by ARM (fields under "properties") and by az (flattened, with az's own key case and
 * nulls for unset fields) must map to the same model; only where it was read from differs.
 */
class ShapeEquivalenceTest {

    @Test
    void readsTheSameManagedClusterFromArmAndAzShapes() throws Exception {
        Fleet arm = Fixtures.readFixtures("shapes/arm-managed-cluster.json");
        Fleet az = Fixtures.readFixtures("shapes/az-managed-cluster.json");

        assertThat(az.clusters()).singleElement()
                .usingRecursiveComparison()
                .ignoringFieldsOfTypes(SourceRef.class)
                .isEqualTo(arm.clusters().get(0));
    }

    @Test
    void readsTheSameVirtualNetworkFromArmAndAzShapes() throws Exception {
        Fleet arm = Fixtures.readFixtures("shapes/arm-virtual-network.json");
        Fleet az = Fixtures.readFixtures("shapes/az-virtual-network.json");

        assertThat(az.virtualNetworks()).singleElement()
                .usingRecursiveComparison()
                .ignoringFieldsOfTypes(SourceRef.class)
                .isEqualTo(arm.virtualNetworks().get(0));
    }

    @Test
    void readsTheSameRouteTableFromArmAndAzShapes() throws Exception {
        Fleet arm = Fixtures.readFixtures("shapes/arm-route-table.json");
        Fleet az = Fixtures.readFixtures("shapes/az-route-table.json");

        assertThat(az.routeTables()).singleElement()
                .usingRecursiveComparison()
                .ignoringFieldsOfTypes(SourceRef.class)
                .isEqualTo(arm.routeTables().get(0));
    }
}
