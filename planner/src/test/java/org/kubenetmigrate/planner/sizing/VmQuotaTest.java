package org.kubenetmigrate.planner.sizing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Sizes against the family names Azure reports for them: the {@code family} of the size in the Resource SKUs list
 * ({@code az vm list-skus}) and the {@code name.value} of its line in the regional usage list
 * ({@code az vm list-usage}). The expected names are Azure's, copied as Azure spells them (the case differs between
 * the two lists for some families; comparisons ignore it).
 */
class VmQuotaTest {

    @ParameterizedTest(name = "{0} counts {2} vCPUs against {1}")
    @CsvSource({
            "Standard_D4s_v5, standardDSv5Family, 4",
            "Standard_D2ds_v5, standardDDSv5Family, 2",
            "Standard_D2as_v5, standardDASv5Family, 2",
            "Standard_D2ads_v5, standardDADSv5Family, 2",
            "Standard_D4as_v6, standardDASv6Family, 4",
            "Standard_D4s_v6, standardDSv6Family, 4",
            "Standard_D2s_v3, standardDSv3Family, 2",
            "Standard_D2_v3, standardDv3Family, 2",
            "Standard_D4d_v4, standardDDv4Family, 4",
            "Standard_D4as_v4, standardDASv4Family, 4",
            "Standard_DS1_v2, standardDSv2Family, 1",
            "Standard_DS2_v2, standardDSv2Family, 2",
            "Standard_D2_v2, standardDv2Family, 2",
            "Standard_DS13_v2, standardDSv2Family, 8",
            "Standard_D14_v2, standardDv2Family, 16",
            "Standard_DS12-1_v2, standardDSv2Family, 4",
            "Standard_DC4as_v5, standardDCASv5Family, 4",
            "Standard_E4s_v3, standardESv3Family, 4",
            "Standard_E4as_v4, standardEASv4Family, 4",
            "Standard_E4a_v4, standardEAv4Family, 4",
            "Standard_E4d_v4, standardEDv4Family, 4",
            "Standard_E8ads_v5, standardEADSv5Family, 8",
            "Standard_E4bds_v5, standardEBDSv5Family, 4",
            "Standard_E4-2s_v5, standardESv5Family, 4",
            "Standard_F4s_v2, standardFSv2Family, 4",
            "Standard_L8s_v3, standardLSv3Family, 8",
            "Standard_B2s, standardBSFamily, 2",
            "Standard_B2ms, standardBSFamily, 2",
            "Standard_B1ls, standardBSFamily, 1",
            "Standard_A2_v2, standardAv2Family, 2",
            "Standard_A4m_v2, standardAv2Family, 4",
            "Standard_NC4as_T4_v3, standardNCASv3_T4Family, 4",
            "Standard_NC64as_T4_v3, standardNCASv3_T4Family, 64",
            "Standard_NC6s_v3, standardNCSv3Family, 6",
            "Standard_NC24ads_A100_v4, standardNCADSA100v4Family, 24",
            "Standard_NC40ads_H100_v5, standardNCadsH100v5Family, 40",
            "Standard_NV36ads_A10_v5, standardNVADSA10v5Family, 36",
            "Standard_ND96asr_v4, standardNDASv4_A100Family, 96",
            "Standard_ND96amsr_A100_v4, standardNDAMSv4_A100Family, 96"})
    void knownSizesMapToAzuresFamilyNames(String size, String family, int vcpus) {
        assertThat(VmQuota.of(size)).hasValue(new VmQuota(family, vcpus));
    }

    /** Series whose family names this tool has not confirmed: never guessed. */
    @ParameterizedTest(name = "{0} is unknown")
    @ValueSource(strings = {"Standard_ND96isr_H100_v5", "Standard_NV4as_v4", "Standard_B2ats_v2", "Standard_M64ms",
            "Standard_HB120rs_v3", "Standard_NC6", "standard_d4s_v5", "not-a-size", ""})
    void otherSizesAreUnknown(String size) {
        assertThat(VmQuota.of(size)).isEmpty();
    }
}
