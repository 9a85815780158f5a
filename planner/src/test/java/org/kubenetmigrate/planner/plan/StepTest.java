package org.kubenetmigrate.planner.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** A step's effect and reversibility, and the plan file's flags they stand for in both directions. */
class StepTest {
    private static final String PATH = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.ContainerService/"
            + "managedClusters/aks";
    private static final ArmRequest GET = ArmRequest.get(PATH, ApiVersions.AKS);
    private static final ArmRequest UPDATE = ArmRequest.mergeIntoCurrent(PATH, ApiVersions.AKS,
            ArmRequest.ETAG_OF_READ, Map.of("properties", Map.of()));

    private static Step fromFlags(boolean reversible, boolean pointOfNoReturn, boolean manual, ArmRequest request,
                                  boolean changesCluster) {
        return Step.fromFlags("s", "t", "d", reversible, pointOfNoReturn, false, manual, request, null, null,
                changesCluster, null);
    }

    @Test
    void theFlagsOfAPlanFileMapToOneEffectAndOneReversibility() {
        assertThat(fromFlags(true, false, false, GET, false))
                .extracting(Step::effect, Step::reversibility).containsExactly(Effect.READ_ONLY, Reversibility.REVERSIBLE);
        assertThat(fromFlags(false, false, false, UPDATE, false))
                .extracting(Step::effect, Step::reversibility).containsExactly(Effect.CHANGES_AZURE, Reversibility.ONE_WAY);
        assertThat(fromFlags(false, true, false, UPDATE, false)).extracting(Step::effect, Step::reversibility)
                .containsExactly(Effect.CHANGES_AZURE, Reversibility.POINT_OF_NO_RETURN);
        assertThat(fromFlags(true, false, false, null, true).effect()).isEqualTo(Effect.CHANGES_CLUSTER);
        assertThat(fromFlags(false, true, true, ArmRequest.delete(PATH, ApiVersions.AKS, null), false).effect())
                .isEqualTo(Effect.BY_A_PERSON);
    }

    @Test
    void theFlagsReadBackAsTheyWereWritten() {
        for (boolean[] flags : new boolean[][]{{true, false, false, false}, {false, false, false, false},
                {false, true, false, false}, {false, true, true, false}, {true, false, false, true}}) {
            Step step = fromFlags(flags[0], flags[1], flags[2], flags[3] ? null : UPDATE, flags[3]);
            assertThat(new boolean[]{step.reversible(), step.pointOfNoReturn(), step.manual(), step.changesCluster()})
                    .containsExactly(flags);
        }
    }

    @Test
    void whatNoPlanMeansIsRefused() {
        assertThatThrownBy(() -> fromFlags(true, true, false, UPDATE, false))
                .hasMessageContaining("a point of no return cannot be reversible");
        assertThatThrownBy(() -> fromFlags(true, false, true, null, true))
                .hasMessageContaining("a manual step is done by a person");
        assertThatThrownBy(() -> new Step("s", "t", "d", Effect.READ_ONLY, Reversibility.REVERSIBLE, false, UPDATE,
                null, null, null)).hasMessageContaining("a read-only step sends no PUT");
        assertThatThrownBy(() -> new Step("s", "t", "d", Effect.CHANGES_AZURE, Reversibility.ONE_WAY, false, UPDATE,
                null, new Compensation("undo", UPDATE, null), null))
                .hasMessageContaining("an irreversible step has no compensation");
    }

    @Test
    void theBuilderSaysTheSameInWords() {
        Step ponr = Step.builder(StepId.UPDATE_NETWORK_PLUGIN, "t").request(UPDATE).pointOfNoReturn().approval().build();
        Step cluster = Step.builder(StepId.REMOVE_IP_MASQ_CONFIG, "t").changesCluster().build();

        assertThat(ponr.effect()).isEqualTo(Effect.CHANGES_AZURE);
        assertThat(ponr.reversibility()).isEqualTo(Reversibility.POINT_OF_NO_RETURN);
        assertThat(ponr.requiresApproval()).isTrue();
        assertThat(cluster.effect()).isEqualTo(Effect.CHANGES_CLUSTER);
        assertThat(cluster.reversibility()).isEqualTo(Reversibility.REVERSIBLE);
    }
}
