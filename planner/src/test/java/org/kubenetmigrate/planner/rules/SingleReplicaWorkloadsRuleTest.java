package org.kubenetmigrate.planner.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kubenetmigrate.planner.testing.Fixtures.finding;
import static org.kubenetmigrate.planner.testing.Fixtures.findings;
import static org.kubenetmigrate.planner.testing.Fixtures.unverified;

import org.junit.jupiter.api.Test;
import org.kubenetmigrate.planner.assessment.ClusterAssessment;
import org.kubenetmigrate.planner.testing.Fixtures;
import org.kubenetmigrate.planner.testing.InClusterFixtures;

class SingleReplicaWorkloadsRuleTest {
    private static final String ID = "single-replica-workloads";

    @Test
    void countsSingleReplicaWorkloadsWithTheTopNamespaces() {
        ClusterAssessment a = InClusterFixtures.healthy()
                .singleReplica("Deployment", "payments", "api")
                .singleReplica("Deployment", "payments", "worker")
                .singleReplica("StatefulSet", "payments", "db")
                .singleReplica("Deployment", "web", "frontend")
                .singleReplica("Deployment", "batch", "cron")
                .singleReplica("Deployment", "audit", "shipper")
                .singleReplica("Deployment", "kube-system", "metrics-server")
                .assess(Fixtures.byoVnet());

        Finding f = finding(a, ID);
        assertThat(f.severity()).isEqualTo(Severity.INFO);
        assertThat(f.message()).startsWith("6 workloads run a single replica (5 Deployments, 1 StatefulSet;"
                        + " kube-system not counted)")
                .endsWith("most in payments (3), audit (1), batch (1)");
        assertThat(a.readiness()).isEqualTo(Readiness.READY);
    }

    @Test
    void onlyKubeSystemOrNoneDoesNotFire() {
        ClusterAssessment a = InClusterFixtures.healthy().singleReplica("Deployment", "kube-system", "coredns-autoscaler")
                .assess(Fixtures.byoVnet());

        assertThat(findings(a, ID)).isEmpty();
    }

    @Test
    void unreadableWorkloadsAreAnInfoLevelGap() {
        ClusterAssessment a = InClusterFixtures.healthy().gap(ID, "forbidden: list deployments.apps")
                .assess(Fixtures.byoVnet());

        assertThat(unverified(a, ID)).singleElement().extracting(Unverified::couldBe).isEqualTo(Severity.INFO);
        assertThat(a.readiness()).isEqualTo(Readiness.READY);
    }
}
