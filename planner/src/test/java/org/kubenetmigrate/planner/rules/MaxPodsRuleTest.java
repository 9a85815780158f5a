package org.kubenetmigrate.planner.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kubenetmigrate.planner.testing.Fixtures.finding;
import static org.kubenetmigrate.planner.testing.Fixtures.findings;

import org.junit.jupiter.api.Test;
import org.kubenetmigrate.planner.assessment.ClusterAssessment;
import org.kubenetmigrate.planner.testing.Fixtures;
import org.kubenetmigrate.planner.testing.Fixtures.Scenario;

class MaxPodsRuleTest {
    private static final String ID = "max-pods";

    @Test
    void listsEveryPoolsMaxPodsWithTheKubenetDefault() {
        Scenario s = Fixtures.byoVnet();
        s.cluster.addPool("apps").maxPods(50);

        Finding f = finding(s.assess(), ID);

        assertThat(f.severity()).isEqualTo(Severity.INFO);
        assertThat(f.message()).contains("nodepool1 110 (kubenet default), apps 50", "250", "new pools");
        assertThat(f.remediation()).contains("--max-pods 250");
    }

    @Test
    void notForClustersOffKubenet() {
        Scenario s = Fixtures.byoVnet();
        s.cluster.plugin("azure", "overlay");

        ClusterAssessment a = s.assess();

        assertThat(findings(a, ID)).isEmpty();
        assertThat(a.readiness()).isEqualTo(Readiness.NOT_APPLICABLE);
    }
}
