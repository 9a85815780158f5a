package org.kubenetmigrate.planner.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kubenetmigrate.planner.testing.Fixtures.finding;
import static org.kubenetmigrate.planner.testing.Fixtures.findings;

import org.junit.jupiter.api.Test;
import org.kubenetmigrate.planner.testing.Fixtures;
import org.kubenetmigrate.planner.testing.Fixtures.Scenario;

class IacDriftRuleTest {
    private static final String ID = "iac-drift";

    @Test
    void alwaysWarnsAboutTerraformReplacementWithTheTargetValues() {
        Finding f = finding(Fixtures.byoVnet().assess(), ID);

        assertThat(f.severity()).isEqualTo(Severity.INFO);
        assertThat(f.message()).contains("REPLACEMENT", "#30959", "before 4.66.0")
                .doesNotContain("pod CIDR also changes");
        assertThat(f.remediation()).contains("network_plugin = \"azure\"", "network_plugin_mode = \"overlay\"",
                "pod_cidr = \"10.244.0.0/16\"", Sources.TERRAFORM_UPGRADE_PATH_PR, "kubenet-migrate iac");
        assertThat(f.reference()).isEqualTo(Sources.TERRAFORM_REPLACEMENT_ISSUE);
    }

    @Test
    void aPodCidrChangeIsCalledOut() {
        Scenario s = Fixtures.byoVnet();
        s.cluster.podCidr("172.16.0.0/12");

        Finding f = finding(s.assess(), ID);

        assertThat(f.message()).contains("pod CIDR also changes (172.16.0.0/12 to 10.244.0.0/16)", "forces a new");
        assertThat(f.remediation()).contains("pod_cidr = \"10.244.0.0/16\"");
    }

    @Test
    void notForClustersOffKubenet() {
        Scenario s = Fixtures.byoVnet();
        s.cluster.plugin("azure", "overlay");

        assertThat(findings(s.assess(), ID)).isEmpty();
    }
}
