package org.kubenetmigrate.planner.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kubenetmigrate.planner.testing.Fixtures.finding;
import static org.kubenetmigrate.planner.testing.Fixtures.findings;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.kubenetmigrate.planner.testing.Fixtures;
import org.kubenetmigrate.planner.testing.Fixtures.Scenario;

class RetirementRuleTest {
    private static final String ID = "retirement";

    private static Finding on(LocalDate today) {
        ClusterContext c = Fixtures.byoVnet().context();
        RuleOutcome outcome = new RetirementRule()
                .evaluate(new ClusterContext(c.cluster(), c.network(), c.sizing(), c.options(), today));
        assertThat(outcome.unverified()).isEmpty();
        assertThat(outcome.findings()).hasSize(1);
        return outcome.findings().get(0);
    }

    @Test
    void countsTheDaysLeftFromTheAssessmentDate() {
        // 2026-12-01 → 2028-03-31: 365 days to 2027-12-01, then 31 + 31 + 29 (2028 is a leap year) + 30.
        Finding f = finding(Fixtures.byoVnet().assess(), ID);

        assertThat(f.severity()).isEqualTo(Severity.INFO);
        assertThat(f.message()).isEqualTo("486 days left until kubenet retires on 31 March 2028");
        assertThat(f.reference()).isEqualTo(Sources.KUBENET_RETIREMENT);
    }

    @Test
    void onTheDayAndAfterIt() {
        assertThat(on(LocalDate.of(2028, 3, 31)).message()).startsWith("0 days left");
        assertThat(on(LocalDate.of(2028, 4, 10)).message())
                .startsWith("kubenet retired on 31 March 2028, 10 days ago");
    }

    @Test
    void notForClustersOffKubenet() {
        Scenario s = Fixtures.byoVnet();
        s.cluster.plugin("azure", "overlay");

        assertThat(findings(s.assess(), ID)).isEmpty();
    }
}
