package org.kubenetmigrate.executor.commands;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kubenetmigrate.executor.Harness;
import org.kubenetmigrate.executor.engine.Approvals;
import org.kubenetmigrate.executor.engine.RunOutcome;
import org.kubenetmigrate.executor.engine.RunResult;
import org.kubenetmigrate.executor.testing.InMemoryClusterOperations;
import org.kubenetmigrate.executor.testing.Scenario;

class ApplyHappyPathTest {
    @TempDir
    Path dir;

    @Test
    void migratesTheCalicoClusterWithExactlyThreeUpdatesInPlanOrder() throws Exception {
        Harness h = new Harness(dir.resolve("state"), Scenario.azure());
        Path plan = Scenario.plan(dir, Scenario.STG);

        RunResult result = h.apply(plan, Approvals.all());

        assertThat(result.outcome()).as(result.message() + " " + result.remediation()).isEqualTo(RunOutcome.COMPLETED);
        List<InMemoryClusterOperations.Call> puts = h.azure.mutatingCalls();
        assertThat(puts).extracting(InMemoryClusterOperations.Call::method).containsExactly("PUT", "PUT", "PUT");
        assertThat(puts).extracting(InMemoryClusterOperations.Call::path).containsOnly(Scenario.STG_ID);
        assertThat(puts).extracting(InMemoryClusterOperations.Call::ifMatch)
                .containsExactly("00000000-0000-0000-0000-0000000e7a02", "fake-etag-0001", "fake-etag-0002");
        JsonNode first = puts.get(0).body().path("properties").path("networkProfile");
        JsonNode second = puts.get(1).body().path("properties").path("networkProfile");
        JsonNode third = puts.get(2).body().path("properties").path("networkProfile");
        assertThat(first.path("networkPolicy").asText()).isEqualTo("none");
        assertThat(first.path("networkPlugin").asText()).isEqualTo("kubenet");
        assertThat(second.path("networkPlugin").asText()).isEqualTo("azure");
        assertThat(second.path("networkPluginMode").asText()).isEqualTo("overlay");
        assertThat(second.path("networkPolicy").asText()).isEqualTo("none");
        assertThat(third.path("networkPolicy").asText()).isEqualTo("calico");
        assertThat(third.path("networkPluginMode").asText()).isEqualTo("overlay");
    }
}
