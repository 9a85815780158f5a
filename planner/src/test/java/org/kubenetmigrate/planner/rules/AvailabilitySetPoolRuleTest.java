package org.kubenetmigrate.planner.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kubenetmigrate.planner.testing.Fixtures.finding;
import static org.kubenetmigrate.planner.testing.Fixtures.findings;

import org.junit.jupiter.api.Test;
import org.kubenetmigrate.planner.assessment.ClusterAssessment;
import org.kubenetmigrate.planner.testing.Fixtures;
import org.kubenetmigrate.planner.testing.Fixtures.Scenario;

class AvailabilitySetPoolRuleTest {
    private static final String ID = "availability-set-pool";

    @Test
    void availabilitySetPoolBlocksAndIsNamed() {
        Scenario s = Fixtures.managedVnet();
        s.cluster.pool("nodepool1").type("AvailabilitySet");

        ClusterAssessment a = s.assess();

        Finding f = finding(a, ID);
        assertThat(f.severity()).isEqualTo(Severity.BLOCKER);
        assertThat(f.message()).contains("nodepool1", "availability sets");
        assertThat(a.readiness()).isEqualTo(Readiness.BLOCKED);
    }

    @Test
    void namesOnlyTheAvailabilitySetPools() {
        Scenario s = Fixtures.byoVnet();
        s.cluster.addPool("legacy").type("availabilityset");
        s.cluster.addPool("apps");

        Finding f = finding(s.assess(), ID);

        assertThat(f.message()).contains("legacy").doesNotContain("nodepool1").doesNotContain("apps");
    }

    @Test
    void scaleSetPoolsPass() {
        assertThat(findings(Fixtures.byoVnet().assess(), ID)).isEmpty();
    }
}
