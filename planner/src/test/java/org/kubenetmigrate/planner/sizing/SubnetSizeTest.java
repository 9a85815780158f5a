package org.kubenetmigrate.planner.sizing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SubnetSizeTest {

    @Test
    void azureKeepsFiveAddressesPerSubnet() {
        assertThat(SubnetSize.usable(24)).isEqualTo(251);
        assertThat(SubnetSize.usable(29)).isEqualTo(3);
        assertThat(SubnetSize.usable(16)).isEqualTo(65_531);
    }

    @Test
    void lengthIsTheLongestPrefixWhoseUsableAddressesHoldTheNeed() {
        assertThat(SubnetSize.of(251, "").prefixLength()).isEqualTo(24);
        assertThat(SubnetSize.of(252, "").prefixLength()).isEqualTo(23);
        assertThat(SubnetSize.of(66, "").prefixLength()).isEqualTo(25);
    }

    @Test
    void neverSmallerThanASlash29() {
        assertThat(SubnetSize.of(0, "").prefixLength()).isEqualTo(29);
        assertThat(SubnetSize.of(3, "").prefixLength()).isEqualTo(29);
        assertThat(SubnetSize.of(4, "").prefixLength()).isEqualTo(28);
    }
}
