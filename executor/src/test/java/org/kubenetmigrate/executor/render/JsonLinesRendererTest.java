package org.kubenetmigrate.executor.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.kubenetmigrate.executor.engine.EngineEvent;
import org.kubenetmigrate.executor.engine.RunOutcome;

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
}
