package org.kubenetmigrate.executor.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kubenetmigrate.executor.Harness;
import org.kubenetmigrate.executor.engine.Approvals;
import org.kubenetmigrate.executor.testing.Scenario;
import org.kubenetmigrate.planner.input.InputException;

/**
 * The three ways a hand-edited plan file used to decide the executor's safety: each is now refused at read, with
 * one line naming the step and the field, and nothing is sent to Azure.
 */
class PlanFileSafetyTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void aPointOfNoReturnWhoseGateAndFlagAreEditedAwayIsRefusedAndNothingIsSent() throws Exception {
        Harness h = new Harness(dir.resolve("state"), Scenario.azure());
        Path plan = edited(p -> {
            ObjectNode update = (ObjectNode) p.at("/stages/1/steps/0");
            update.put("requiresApproval", false);
            update.put("pointOfNoReturn", false);
            update.put("reversible", true);
        });

        assertThatThrownBy(() -> h.apply(plan, Approvals.NONE)).isInstanceOf(InputException.class)
                .hasMessage(plan + ": /stages/1/steps/0/requiresApproval: step update-network-plugin always has a"
                        + " gate before it; the plan says false (the executor decides its gates, not the plan file)");
        assertThat(h.azure.mutatingCalls()).isEmpty();
        assertThat(h.state.resolve("runs")).doesNotExist();
    }

    @Test
    void stagesReorderedToPutTheOneWayUpdateFirstAreRefusedAndNothingIsSent() throws Exception {
        Harness h = new Harness(dir.resolve("state"), Scenario.azure());
        Path plan = edited(p -> {
            ArrayNode stages = (ArrayNode) p.get("stages");
            stages.insert(0, stages.remove(1));
        });

        assertThatThrownBy(() -> h.apply(plan, Approvals.all())).isInstanceOf(InputException.class)
                .hasMessageStartingWith(plan + ": /stages/1/steps/0/id: step precheck comes after"
                        + " update-network-plugin, but the executor runs it before");
        assertThat(h.azure.mutatingCalls()).isEmpty();
    }

    @Test
    void aKubernetesVersionSmuggledIntoTheOneWayBodyIsRefusedNamingStepAndFieldAndNothingIsSent() throws Exception {
        Harness h = new Harness(dir.resolve("state"), Scenario.azure());
        Path plan = edited(p -> ((ObjectNode) p.at("/stages/1/steps/0/request/body/properties"))
                .put("kubernetesVersion", "1.33.0"));

        assertThatThrownBy(() -> h.apply(plan, Approvals.all())).isInstanceOf(InputException.class)
                .hasMessage(plan + ": /stages/1/steps/0/request/body/properties/kubernetesVersion: step"
                        + " update-network-plugin may not change properties.kubernetesVersion (it changes only"
                        + " networkPlugin, networkPluginMode, podCidr)");
        assertThat(h.azure.mutatingCalls()).isEmpty();
    }

    private Path edited(Consumer<ObjectNode> edit) throws Exception {
        ObjectNode plan = (ObjectNode) MAPPER.readTree(Files.readAllBytes(Scenario.plan(dir, Scenario.STG)));
        assertThat(plan.at("/stages/1/steps/0/id").asText()).isEqualTo("update-network-plugin");
        edit.accept(plan);
        Path file = dir.resolve("edited.plan.json");
        Files.writeString(file, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(plan));
        return file;
    }
}
