package org.kubenetmigrate.planner.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.kubenetmigrate.planner.model.Fleet;
import org.kubenetmigrate.planner.model.ManagedCluster;
import org.kubenetmigrate.planner.rules.Finding;
import org.kubenetmigrate.planner.rules.RuleCatalogue;
import org.kubenetmigrate.planner.testing.Fixtures;
import org.kubenetmigrate.planner.testing.Fixtures.Scenario;

/**
 * One assessor holds one copy of each distinct finding across the clusters it judges (a fleet report keeps every
 * cluster's findings until it is written), and that sharing never changes what a cluster's assessment says.
 */
class SharedFindingsTest {

    @Test
    void equalFindingsOnTwoClustersAreOneInstanceAndTheAssessmentIsUnchanged() {
        Scenario s = Fixtures.byoVnet().withNothingAround();
        Fleet fleet = s.fleet();
        ManagedCluster cluster = s.buildCluster();
        ReadinessAssessor assessor = new ReadinessAssessor(RuleCatalogue.all(), Fixtures.TODAY);

        ClusterAssessment first = assessor.assess(cluster, fleet, s.options.build());
        ClusterAssessment second = assessor.assess(cluster, fleet, s.options.build());
        ClusterAssessment alone = new ReadinessAssessor(RuleCatalogue.all(), Fixtures.TODAY)
                .assess(cluster, fleet, s.options.build());

        assertThat(first.findings()).isNotEmpty();
        assertThat(first.unverified()).isNotEmpty();
        assertThat(second).isEqualTo(first).isEqualTo(alone);
        for (int i = 0; i < first.findings().size(); i++) {
            assertThat(second.findings().get(i)).isSameAs(first.findings().get(i));
        }
        for (int i = 0; i < first.unverified().size(); i++) {
            assertThat(second.unverified().get(i)).isSameAs(first.unverified().get(i));
        }
    }

    @Test
    void findingsOfDifferentClustersShareTheirEqualTexts() {
        Scenario byo = Fixtures.byoVnet().withNothingAround();
        Scenario managed = Fixtures.managedVnet().withNothingAround();
        ReadinessAssessor assessor = new ReadinessAssessor(RuleCatalogue.all(), Fixtures.TODAY);

        List<Finding> a = assessor.assess(byo.buildCluster(), byo.fleet(), byo.options.build()).findings();
        List<Finding> b = assessor.assess(managed.buildCluster(), managed.fleet(), managed.options.build()).findings();

        int sharedTexts = 0;
        for (Finding x : a) {
            for (Finding y : b) {
                if (x.message().equals(y.message())) {
                    assertThat(y.message()).isSameAs(x.message());
                    sharedTexts++;
                }
            }
        }
        assertThat(sharedTexts).as("the two clusters have findings in common").isPositive();
    }
}
