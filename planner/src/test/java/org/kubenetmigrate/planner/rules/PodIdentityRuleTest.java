package org.kubenetmigrate.planner.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kubenetmigrate.planner.testing.Fixtures.finding;
import static org.kubenetmigrate.planner.testing.Fixtures.findings;

import org.junit.jupiter.api.Test;
import org.kubenetmigrate.planner.testing.Fixtures;
import org.kubenetmigrate.planner.testing.Fixtures.Scenario;

class PodIdentityRuleTest {
    private static final String ID = "pod-identity";

    @Test
    void podIdentityWarns() {
        Scenario s = Fixtures.byoVnet();
        s.cluster.podIdentity();

        Finding f = finding(s.assess(), ID);

        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.message()).contains("aad-pod-identity", "2024-04-28", "deprecated");
        assertThat(f.remediation()).contains("Workload ID", "--disable-pod-identity");
    }

    @Test
    void noPodIdentityPasses() {
        assertThat(findings(Fixtures.byoVnet().assess(), ID)).isEmpty();
    }
}
