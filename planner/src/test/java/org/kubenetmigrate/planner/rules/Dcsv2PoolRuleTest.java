package org.kubenetmigrate.planner.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kubenetmigrate.planner.testing.Fixtures.finding;
import static org.kubenetmigrate.planner.testing.Fixtures.findings;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kubenetmigrate.planner.testing.Fixtures;
import org.kubenetmigrate.planner.testing.Fixtures.Scenario;

class Dcsv2PoolRuleTest {
    private static final String ID = "dcsv2-pool";

    @ParameterizedTest
    @ValueSource(strings = {"Standard_DC1s_v2", "Standard_DC2s_v2", "Standard_DC4s_v2", "Standard_DC8_v2",
            "standard_dc2s_v2", "STANDARD_DC4S_V2"})
    void dcsv2SizesBlock(String size) {
        Scenario s = Fixtures.byoVnet();
        s.cluster.addPool("sgx").vmSize(size);

        Finding f = finding(s.assess(), ID);

        assertThat(f.severity()).isEqualTo(Severity.BLOCKER);
        assertThat(f.message()).contains("sgx (" + size + ")").doesNotContain("nodepool1");
        assertThat(f.remediation()).contains("az aks nodepool delete -g rg-aks --cluster-name aks-prod -n sgx");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Standard_D4s_v5", "Standard_DC2s_v3", "Standard_DC4ds_v3", "Standard_DC2as_v5",
            "Standard_DC2s_v2_Promo", "Standard_D2s_v2"})
    void otherSizesPass(String size) {
        Scenario s = Fixtures.byoVnet();
        s.cluster.pool("nodepool1").vmSize(size);

        assertThat(findings(s.assess(), ID)).isEmpty();
    }
}
