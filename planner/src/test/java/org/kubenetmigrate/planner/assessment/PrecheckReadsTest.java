package org.kubenetmigrate.planner.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kubenetmigrate.planner.testing.Fixtures.SUBSCRIPTION;

import org.junit.jupiter.api.Test;
import org.kubenetmigrate.planner.model.SurroundingType;
import org.kubenetmigrate.planner.rules.Readiness;
import org.kubenetmigrate.planner.testing.Fixtures;
import org.kubenetmigrate.planner.testing.Fixtures.Scenario;

/**
 * Which INCOMPLETE clusters a live read settles: those that lack only the in-cluster checks nobody asked for, and
 * locks, network security groups or quota usages the input does not hold. A read that was refused, or data that
 * no precheck reads, keeps a cluster out.
 */
class PrecheckReadsTest {

    @Test
    void theUnrunInClusterChecksAloneAreSettledByThePrecheck() {
        ClusterAssessment a = Fixtures.byoVnet().assess();

        assertThat(a.readiness()).isEqualTo(Readiness.INCOMPLETE);
        assertThat(a.incompleteOnlyForPrecheckReads()).isTrue();
    }

    @Test
    void locksAndSecurityGroupsMissingFromTheInputAreSettledByThePrecheck() {
        Scenario s = Fixtures.byoVnet().withNothingAround();

        ClusterAssessment a = s.assess();

        assertThat(a.unverified()).anySatisfy(u -> assertThat(u.missingType()).contains(SurroundingType.LOCKS));
        assertThat(a.incompleteOnlyForPrecheckReads()).isTrue();
        assertThat(s.assessChecked().incompleteOnlyForPrecheckReads()).as("in-cluster checks ran, locks still missing")
                .isTrue();
    }

    @Test
    void aLockReadThatWasRefusedIsNotSettledByThePrecheck() {
        Scenario s = Fixtures.byoVnet();
        s.surroundings = new org.kubenetmigrate.planner.model.Surroundings.Builder()
                .cover(SurroundingType.NETWORK_SECURITY_GROUPS, SUBSCRIPTION)
                .gap(new org.kubenetmigrate.planner.model.Surroundings.TypeGap(SurroundingType.LOCKS, SUBSCRIPTION,
                        "403 AuthorizationFailed", SurroundingType.LOCKS.readAction()));

        ClusterAssessment a = s.assess();

        assertThat(a.unverified()).anySatisfy(u -> {
            assertThat(u.check()).isEqualTo("resource-lock");
            assertThat(u.missingType()).isEmpty();
        });
        assertThat(a.readiness()).isEqualTo(Readiness.INCOMPLETE);
        assertThat(a.incompleteOnlyForPrecheckReads()).isFalse();
    }

    @Test
    void aMissingVirtualNetworkIsNotSettledByThePrecheck() {
        ClusterAssessment a = Fixtures.byoVnet().withoutVnets().assess();

        assertThat(a.readiness()).isEqualTo(Readiness.INCOMPLETE);
        assertThat(a.incompleteOnlyForPrecheckReads()).isFalse();
    }

    @Test
    void aReadyOrBlockedClusterIsNeverCounted() {
        assertThat(Fixtures.byoVnet().assessChecked().incompleteOnlyForPrecheckReads()).isFalse();
        Scenario blocked = Fixtures.byoVnet();
        blocked.cluster.networkPolicy("calico").kubernetesVersion("1.26.3");
        assertThat(blocked.assess().readiness()).isEqualTo(Readiness.BLOCKED);
        assertThat(blocked.assess().incompleteOnlyForPrecheckReads()).isFalse();
    }

    @Test
    void onlyTheTypesAPrecheckReadsCount() {
        assertThat(SurroundingType.LOCKS.readByPrecheck()).isTrue();
        assertThat(SurroundingType.NETWORK_SECURITY_GROUPS.readByPrecheck()).isTrue();
        assertThat(SurroundingType.COMPUTE_USAGES.readByPrecheck()).isTrue();
        assertThat(SurroundingType.EFFECTIVE_ROUTES.readByPrecheck()).isFalse();
    }
}
