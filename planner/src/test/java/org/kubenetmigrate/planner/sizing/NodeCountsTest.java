package org.kubenetmigrate.planner.sizing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kubenetmigrate.planner.testing.Fixtures;

class NodeCountsTest {

    @ParameterizedTest(name = "{0} nodes, maxSurge {1} -> {2}")
    @CsvSource({
            "10, 3, 3",
            "10, 0, 0",
            "10, 33%, 4",
            "4, 50%, 2",
            "3, 33%, 1",
            "7, 100%, 7",
            "10, 0%, 0"})
    void integerAndPercentRoundedUp(int nodes, String maxSurge, int surge) {
        PoolSizing pool = NodeCounts.pool(Fixtures.pool("p").count(nodes).maxSurge(maxSurge).build());

        assertThat(pool.maxNodes()).isEqualTo(nodes);
        assertThat(pool.surgeNodes()).isEqualTo(surge);
    }

    @ParameterizedTest(name = "{0} nodes, maxSurge unset -> {1}")
    @CsvSource({"1, 1", "5, 1", "10, 1", "11, 2", "20, 2", "101, 11"})
    void unsetIsTheLargerOfOneNodeAndTenPercentRoundedUp(int nodes, int surge) {
        PoolSizing pool = NodeCounts.pool(Fixtures.pool("p").count(nodes).maxSurge(null).build());

        assertThat(pool.surgeNodes()).isEqualTo(surge);
        assertThat(pool.surgeBasis()).contains("unset");
    }

    @Test
    void blankIsUnset() {
        assertThat(NodeCounts.pool(Fixtures.pool("p").count(30).maxSurge(" ").build()).surgeNodes()).isEqualTo(3);
    }

    @Test
    void autoscalingPoolsCountAtMaxCountAndPercentAppliesToIt() {
        PoolSizing pool = NodeCounts.pool(Fixtures.pool("p").count(2).autoscale(1, 20).maxSurge("33%").build());

        assertThat(pool.maxNodes()).isEqualTo(20);
        assertThat(pool.surgeNodes()).isEqualTo(7);
    }

    @Test
    void poolsAddUpBecauseTheyReimageTogether() {
        List<PoolSizing> pools = NodeCounts.perPool(List.of(
                Fixtures.pool("a").count(5).maxSurge("1").build(),
                Fixtures.pool("b").autoscale(1, 20).maxSurge("50%").build(),
                Fixtures.pool("c").count(11).maxSurge(null).build()));

        assertThat(NodeCounts.maxNodes(pools)).isEqualTo(36);
        assertThat(NodeCounts.surgeNodes(pools)).isEqualTo(1 + 10 + 2);
    }

    @Test
    void invalidSettingsAreRejectedWithThePoolName() {
        assertThatThrownBy(() -> NodeCounts.pool(Fixtures.pool("gpu").maxSurge("-1").build()))
                .hasMessageContaining("gpu").hasMessageContaining("-1");
        assertThatThrownBy(() -> NodeCounts.pool(Fixtures.pool("gpu").maxSurge("lots").build()))
                .hasMessageContaining("lots");
        assertThatThrownBy(() -> NodeCounts.pool(Fixtures.pool("gpu").maxSurge("x%").build()))
                .hasMessageContaining("x%");
    }
}
