package org.kubenetmigrate.planner.sizing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The worked examples of the IP planning pages (concepts-network-ip-address-planning, configure-azure-cni-*). */
class SubnetFormulasTest {

    @Test
    void nodeSubnetLegacyDocExample() {
        // concepts-network-ip-address-planning: 50 nodes + 1 surge, maxPods 30: 51 + 51 × 30 = 1,581 → /21
        SubnetSize size = SubnetFormulas.nodeSubnetLegacy(51, 30);

        assertThat(size.addressesNeeded()).isEqualTo(1_581);
        assertThat(size.prefixLength()).isEqualTo(21);
        assertThat(SubnetFormulas.nodeSubnetLegacy(61, 30).addressesNeeded()).isEqualTo(1_891);
    }

    @ParameterizedTest(name = "maxPods {0} -> {1} blocks")
    @CsvSource({"30, 2", "31, 2", "32, 3", "15, 1", "16, 2", "250, 16"})
    void staticBlocksPerNode(int maxPods, int blocks) {
        assertThat(SubnetFormulas.staticBlocksPerNode(maxPods)).isEqualTo(blocks);
    }

    @Test
    void staticBlockPodSubnet() {
        // 51 nodes, P = 31: 51 × 32 = 1,632 → /21
        SubnetSize size = SubnetFormulas.staticBlockPodSubnet(51, 31);

        assertThat(size.addressesNeeded()).isEqualTo(1_632);
        assertThat(size.prefixLength()).isEqualTo(21);
    }

    @Test
    void dynamicPodSubnetWorstCase() {
        // 51 nodes, P = 250: 16 × ceil(258 / 16) = 272 per node, 51 × 272 = 13,872 → /18
        SubnetSize size = SubnetFormulas.dynamicPodSubnet(51, 250);

        assertThat(size.addressesNeeded()).isEqualTo(13_872);
        assertThat(size.prefixLength()).isEqualTo(18);
    }

    @Test
    void overlayNodeSubnet() {
        // 60 max + 1 surge = 61 nodes → 61 + 5 reserved = 66 → /25
        assertThat(SubnetFormulas.nodeSubnet(61).prefixLength()).isEqualTo(25);
    }
}
