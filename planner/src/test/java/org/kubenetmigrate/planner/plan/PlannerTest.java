package org.kubenetmigrate.planner.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kubenetmigrate.planner.plan.PlanFixtures.assess;
import static org.kubenetmigrate.planner.plan.PlanFixtures.cluster;
import static org.kubenetmigrate.planner.plan.PlanFixtures.options;
import static org.kubenetmigrate.planner.plan.PlanFixtures.overlay;
import static org.kubenetmigrate.planner.plan.PlanFixtures.plan;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.kubenetmigrate.planner.assessment.ClusterAssessment;
import org.kubenetmigrate.planner.model.ManagedCluster;
import org.kubenetmigrate.planner.model.TargetIpam;
import org.kubenetmigrate.planner.rules.Readiness;
import org.kubenetmigrate.planner.rules.Severity;
import org.kubenetmigrate.planner.rules.Unverified;

class PlannerTest {

    @Test
    void aClusterAlreadyOffKubenetGetsNoStages() {
        ManagedCluster overlayCluster = cluster().plugin("azure", "overlay").build();

        MigrationPlan plan = plan(overlayCluster, overlay());

        assertThat(plan.assessment().readiness()).isEqualTo(Readiness.NOT_APPLICABLE);
        assertThat(plan.strategy()).isEqualTo(PlanStrategy.NONE);
        assertThat(plan.stages()).isEmpty();
        assertThat(plan.pointOfNoReturn()).isEmpty();
        assertThat(plan.notes()).singleElement().asString().contains("already uses azure/overlay");
        assertThat(plan.fingerprint()).isEqualTo(Fingerprints.of(overlayCluster));
    }

    @Test
    void aBlockedClusterStillGetsItsPlanWithTheBlockersNamedFirst() {
        MigrationPlan plan = plan(cluster().kubernetesVersion("1.26.3").policy("calico").build(), overlay());

        assertThat(plan.assessment().readiness()).isEqualTo(Readiness.BLOCKED);
        assertThat(plan.stepIds()).contains("disable-network-policy", "update-network-plugin");
        assertThat(plan.notes().get(0)).startsWith("BLOCKED: resolve these before apply: ")
                .contains("kubernetes-version", "network-policy");
        assertThat(plan.notes()).filteredOn(n -> n.startsWith("BLOCKED")).hasSize(1);
    }

    @Test
    void anIncompleteClusterNamesTheChecksToVerify() {
        ClusterAssessment ready = assess(cluster().build(), overlay());
        ClusterAssessment incomplete = new ClusterAssessment(ready.cluster(), ready.network(), Readiness.INCOMPLETE,
                List.of(), List.of(new Unverified("route-table", "route table not in the input", Severity.BLOCKER),
                new Unverified("nsg", "NSG not in the input", Severity.WARNING)),
                ready.sizing(), ready.target());

        MigrationPlan plan = Planner.plan(incomplete, overlay());

        assertThat(plan.notes().get(0)).isEqualTo("INCOMPLETE: these checks could not run; verify them before apply:"
                + " route-table");
        assertThat(plan.stepIds()).contains("update-network-plugin");
    }

    @Test
    void aReadyClusterHasNoLeadingNote() {
        ClusterAssessment assessed = assess(cluster().build(), overlay());
        ClusterAssessment ready = new ClusterAssessment(assessed.cluster(), assessed.network(), Readiness.READY,
                List.of(), List.of(), assessed.sizing(), assessed.target());

        MigrationPlan plan = Planner.plan(ready, overlay());

        assertThat(plan.notes().get(0)).startsWith("Point of no return");
        assertThat(plan.notes()).noneMatch(n -> n.startsWith("BLOCKED") || n.startsWith("INCOMPLETE"));
    }

    @Test
    void thePodSubnetTargetDispatchesToTheBlueGreenPlan() {
        MigrationPlan plan = plan(cluster().build(), options(TargetIpam.POD_SUBNET, false, null, null));

        assertThat(plan.strategy()).isEqualTo(PlanStrategy.BLUE_GREEN_POD_SUBNET);
    }

    @Test
    void aPodSubnetPlanNeedsAnAssessmentSizedForIt() {
        ClusterAssessment overlayAssessment = assess(cluster().build(), overlay());

        assertThatThrownBy(() -> Planner.plan(overlayAssessment, options(TargetIpam.POD_SUBNET, false, null, null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pod-subnet");
    }

    @Test
    void theFingerprintIsTheClustersAtPlanningTime() {
        ManagedCluster cluster = cluster().build();

        assertThat(plan(cluster, overlay()).fingerprint()).isEqualTo(Fingerprints.of(cluster));
    }
}
