package org.kubenetmigrate.executor.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kubenetmigrate.executor.testing.Scenario;
import org.kubenetmigrate.planner.input.InputException;
import org.kubenetmigrate.planner.plan.ArmRequest;
import org.kubenetmigrate.planner.plan.Step;

class PlanReaderTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final PlanReader reader = new PlanReader();

    @TempDir
    Path dir;

    @Test
    void readsThePlannersOwnJsonBackIntoStepsRequestsAndFingerprint() throws Exception {
        ExecutablePlan plan = reader.read(Scenario.plan(dir, Scenario.STG));

        assertThat(plan.clusterId()).isEqualTo(Scenario.STG_ID);
        assertThat(plan.steps()).extracting(Step::id).containsExactly("precheck", "backup", "disable-network-policy",
                "update-network-plugin", "observe-rollout", "restore-network-policy", "validate");
        assertThat(plan.pointOfNoReturn()).map(Step::id).contains("update-network-plugin");
        assertThat(plan.fingerprint().etag()).isEqualTo("00000000-0000-0000-0000-0000000e7a02");
        assertThat(plan.fingerprint().propertiesHash()).startsWith("sha256:");
        ArmRequest disable = plan.step("disable-network-policy").orElseThrow().request();
        assertThat(disable.bodyMode()).isEqualTo(ArmRequest.MERGE_INTO_CURRENT);
        assertThat(disable.headers()).containsEntry("If-Match", ArmRequest.ETAG_OF_READ);
        assertThat(plan.step("disable-network-policy").orElseThrow().compensation().request().body())
                .isEqualTo(java.util.Map.of("properties", java.util.Map.of("networkProfile",
                        java.util.Map.of("networkPolicy", "calico"))));
        assertThat(plan.original().networkPolicy()).hasToString("calico");
        assertThat(plan.target().podCidr()).isEqualTo("10.244.0.0/16");
        assertThat(plan.planId()).matches("sha256:[0-9a-f]{64}");
    }

    @Test
    void refusesAnotherSchemaVersionNamingFilePointerAndProblem() throws Exception {
        Path file = edited(p -> p.put("schemaVersion", 2));
        assertThatThrownBy(() -> reader.read(file)).isInstanceOf(InputException.class)
                .hasMessage(file + ": /schemaVersion: unsupported schema version 2; this executor reads 1 (re-plan with"
                        + " this version of the tool)");
    }

    @Test
    void refusesAReportInsteadOfAPlan() throws Exception {
        Path file = edited(p -> p.remove("kind"));
        assertThatThrownBy(() -> reader.read(file)).hasMessageContaining("/kind: expected \"plan\"");
    }

    @Test
    void refusesAStepItHasNoImplementationFor() throws Exception {
        Path file = edited(p -> ((ObjectNode) p.at("/stages/0/steps/1")).put("id", "format-disk"));
        assertThatThrownBy(() -> reader.read(file))
                .hasMessageStartingWith(file + ": /stages/0/steps/1/id: unknown step \"format-disk\"");
    }

    @Test
    void leavesThePersonsInfrastructureCodeStepOutButOnlyWhenItSendsNothing() throws Exception {
        Path file = edited(p -> ((com.fasterxml.jackson.databind.node.ArrayNode) p.get("stages")).addObject()
                .put("id", "infrastructure-code").put("title", "Infrastructure code").putArray("steps").addObject()
                .put("id", "update-iac").put("title", "t").put("description", "d").put("reversible", true)
                .put("pointOfNoReturn", false).put("requiresApproval", false).put("manual", true)
                .putNull("request").putNull("azCli").putNull("compensation").put("patch", "diff --git a/x b/x\n"));
        assertThat(reader.read(file).steps()).extracting(Step::id).last().isEqualTo("validate");

        Path sending = edited(p -> {
            ObjectNode step = ((com.fasterxml.jackson.databind.node.ArrayNode) p.get("stages")).addObject()
                    .put("id", "infrastructure-code").put("title", "Infrastructure code").putArray("steps").addObject()
                    .put("id", "update-iac").put("title", "t").put("description", "d").put("reversible", true)
                    .put("pointOfNoReturn", false).put("requiresApproval", false).put("manual", true)
                    .putNull("azCli").putNull("compensation");
            step.set("request", p.at("/stages/0/steps/0/request").deepCopy());
        });
        assertThatThrownBy(() -> reader.read(sending)).hasMessageContaining("unknown step \"update-iac\"");
    }

    @Test
    void refusesAWriteToAnythingButThePlannedCluster() throws Exception {
        Path file = edited(p -> ((ObjectNode) p.at("/stages/0/steps/2/request")).put("path",
                "/subscriptions/x/resourceGroups/y/providers/Microsoft.ContainerService/managedClusters/other"));
        assertThatThrownBy(() -> reader.read(file))
                .hasMessageContaining("/stages/0/steps/2/request/path: a write to");
    }

    @Test
    void refusesBlueGreenPlans() throws Exception {
        Path file = edited(p -> p.put("strategy", "blue-green-pod-subnet"));
        assertThatThrownBy(() -> reader.read(file)).hasMessageContaining("/strategy: the executor runs");
    }

    @Test
    void refusesBrokenJsonWithItsLine() throws Exception {
        Path file = dir.resolve("broken.json");
        Files.writeString(file, "{\n  \"schemaVersion\": 1,\n  oops\n}");
        assertThatThrownBy(() -> reader.read(file)).hasMessageStartingWith(file + ": not valid JSON")
                .hasMessageContaining("line 3");
    }

    @Test
    void refusesAMissingFile() {
        Path file = dir.resolve("nope.json");
        assertThatThrownBy(() -> reader.read(file)).hasMessage(file + ": no such file");
    }

    @Test
    void refusesAMalformedFingerprint() throws Exception {
        Path file = edited(p -> ((ObjectNode) p.get("fingerprint")).put("propertiesHash", "md5:abc"));
        assertThatThrownBy(() -> reader.read(file)).hasMessageContaining("/fingerprint/propertiesHash: expected sha256");
    }

    // Plans of the previous release: fixtures written by that release's planner (fixed clock, the example fleet).

    @Test
    void readsAPreviousReleasePlansPlannedEtagAsTheEtagOfTheExecutorsRead() throws Exception {
        Path file = resource("/plans/v1-aks-payments-stg-weu.plan.json");
        assertThat(MAPPER.readTree(file.toFile()).at("/stages/0/steps/2/request/headers/If-Match").asText())
                .isEqualTo("00000000-0000-0000-0000-0000000e7a02");

        ExecutablePlan plan = reader.read(file);

        assertThat(plan.step("disable-network-policy").orElseThrow().request().headers())
                .containsExactly(java.util.Map.entry("If-Match", ArmRequest.ETAG_OF_READ));
        assertThat(plan.steps()).extracting(Step::id).containsExactly("precheck", "backup", "disable-network-policy",
                "update-network-plugin", "observe-rollout", "restore-network-policy", "validate");
        assertThat(PreviousReleasePlan.wrote(plan.fingerprint())).isTrue();
        // The plan's id stays the hash of the file as written, so that a run started with it still matches.
        assertThat(plan.planId()).isEqualTo(PlanReader.sha256(Files.readAllBytes(file)));
    }

    @Test
    void putsSettleIdentityAfterAPreviousReleasePlansAssignIdentity() throws Exception {
        ExecutablePlan plan = reader.read(resource("/plans/v1-aks-ledger-prod-weu-assign-identity.plan.json"));

        assertThat(plan.steps()).extracting(Step::id).containsSubsequence("backup", "assign-identity",
                "settle-identity", "update-network-plugin");
        Step settle = plan.step("settle-identity").orElseThrow();
        assertThat(settle.request()).isNull();
        assertThat(settle.requiresApproval()).isFalse();
        assertThat(plan.stageOf("settle-identity")).map(st -> st.id()).contains("prepare");
        assertThat(plan.step("assign-identity").orElseThrow().request().headers())
                .containsEntry("If-Match", ArmRequest.ETAG_OF_READ);
    }

    @Test
    void refusesAPreviousReleasePlanWithAnIfMatchOtherThanItsPlannedEtag() throws Exception {
        Path file = editedResource("/plans/v1-aks-payments-stg-weu.plan.json", p -> ((ObjectNode) p
                .at("/stages/0/steps/2/request/headers")).put("If-Match", "*"));
        assertThatThrownBy(() -> reader.read(file)).isInstanceOf(InputException.class)
                .hasMessageContaining("/stages/0/steps/2/request/headers/If-Match:")
                .hasMessageContaining("found \"*\"");
    }

    @Test
    void refusesAPlanOfThisReleaseWithALiteralIfMatch() throws Exception {
        Path file = edited(p -> ((ObjectNode) p.at("/stages/0/steps/2/request/headers"))
                .put("If-Match", p.at("/fingerprint/etag").asText()));
        assertThatThrownBy(() -> reader.read(file)).isInstanceOf(InputException.class)
                .hasMessageContaining("/stages/0/steps/2/request/headers/If-Match:")
                .hasMessageContaining("found \"00000000-0000-0000-0000-0000000e7a02\" (re-plan");
    }

    @Test
    void refusesAPlanOfThisReleaseWithAssignIdentityButNoSettleIdentity() throws Exception {
        ObjectNode plan = (ObjectNode) MAPPER.readTree(Files.readAllBytes(
                Scenario.plan(dir, Scenario.LEDGER, Scenario.assignIdentity())));
        com.fasterxml.jackson.databind.node.ArrayNode steps = (com.fasterxml.jackson.databind.node.ArrayNode)
                plan.at("/stages/0/steps");
        for (int i = steps.size() - 1; i >= 0; i--) {
            if ("settle-identity".equals(steps.get(i).path("id").asText())) {
                steps.remove(i);
            }
        }
        Path file = dir.resolve("no-settle.json");
        Files.write(file, MAPPER.writeValueAsBytes(plan));
        assertThatThrownBy(() -> reader.read(file)).isInstanceOf(InputException.class)
                .hasMessageContaining("assign-identity is not followed by settle-identity");
    }

    private Path resource(String name) throws Exception {
        return Path.of(getClass().getResource(name).toURI());
    }

    private Path editedResource(String name, Consumer<ObjectNode> edit) throws Exception {
        ObjectNode plan = (ObjectNode) MAPPER.readTree(Files.readAllBytes(resource(name)));
        edit.accept(plan);
        Path file = dir.resolve("edited-resource.json");
        Files.write(file, MAPPER.writeValueAsBytes(plan));
        return file;
    }

    private Path edited(Consumer<ObjectNode> edit) throws Exception {
        ObjectNode plan = (ObjectNode) MAPPER.readTree(Files.readAllBytes(Scenario.plan(dir, Scenario.STG)));
        edit.accept(plan);
        Path file = dir.resolve("edited.json");
        Files.write(file, MAPPER.writeValueAsString(plan).getBytes(StandardCharsets.UTF_8));
        return file;
    }
}
