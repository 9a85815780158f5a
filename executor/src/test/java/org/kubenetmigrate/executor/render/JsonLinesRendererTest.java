package org.kubenetmigrate.executor.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kubenetmigrate.executor.engine.EngineEvent;
import org.kubenetmigrate.executor.engine.RunOutcome;
import org.kubenetmigrate.executor.engine.RunResult;

class JsonLinesRendererTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void writesOneObjectPerEventNamedByItsType() throws Exception {
        Instant t = Instant.parse("2026-12-01T12:00:00Z");
        JsonNode gate = MAPPER.readTree(JsonLinesRenderer.line(new EngineEvent.GatePending(t, "r1",
                "update-network-plugin", "migrate", "Update", "ONE-WAY", false, true, "cannot be undone", "PUT /x")));
        JsonNode stopped = MAPPER.readTree(JsonLinesRenderer.line(new EngineEvent.RunStopped(t, "r1",
                RunOutcome.STOPPED_AT_GATE, "update-network-plugin", "waiting", "resume r1")));

        assertThat(gate.get("event").asText()).isEqualTo("gate-pending");
        assertThat(gate.get("time").asText()).isEqualTo("2026-12-01T12:00:00Z");
        assertThat(gate.get("pointOfNoReturn").asBoolean()).isTrue();
        assertThat(gate.get("stepId").asText()).isEqualTo("update-network-plugin");
        assertThat(stopped.get("event").asText()).isEqualTo("run-stopped");
        assertThat(stopped.get("outcome").asText()).isEqualTo("STOPPED_AT_GATE");
    }

    @Test
    void endsWithOneResultLineCarryingTheExitCodeTheCommandEndsWith() throws Exception {
        StringWriter out = new StringWriter();
        new JsonLinesRenderer(new PrintWriter(out)).result(new RunResult("r1", RunOutcome.STOPPED_AT_GATE,
                "update-network-plugin", "waiting for approval", List.of("kubenet-migrate resume r1")), 5);

        assertThat(out.toString().lines()).hasSize(1);
        JsonNode result = MAPPER.readTree(out.toString());
        assertThat(result.get("event").asText()).isEqualTo("result");
        assertThat(result.get("runId").asText()).isEqualTo("r1");
        assertThat(result.get("outcome").asText()).isEqualTo("STOPPED_AT_GATE");
        assertThat(result.get("exitCode").asInt()).isEqualTo(5);
        assertThat(result.get("stepId").asText()).isEqualTo("update-network-plugin");
        assertThat(result.get("message").asText()).isEqualTo("waiting for approval");
        assertThat(result.get("remediation").get(0).asText()).isEqualTo("kubenet-migrate resume r1");
    }
}
