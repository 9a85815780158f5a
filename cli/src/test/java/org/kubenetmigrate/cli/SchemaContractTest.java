package org.kubenetmigrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The JSON outputs validate against the published schemas in docs/schema, and the schemas do reject bad output. */
class SchemaContractTest {
    static final String BASE = "https://kubenet-migrate.invalid/schema/";
    static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaMappers(m -> m.mapPrefix(BASE, Path.of("../docs/schema").toAbsolutePath().toUri().toString())));
    static final ObjectMapper MAPPER = new ObjectMapper();

    static JsonSchema schema(String file) {
        return FACTORY.getSchema(SchemaLocation.of(BASE + file));
    }

    @Test
    void reportJsonOfTheExampleFleetValidates() throws Exception {
        CliRun run = CliRun.of("report", "--from", ExampleFleetReportTest.FLEET, "--format", "json");
        Set<ValidationMessage> errors = schema("report-v1.schema.json").validate(MAPPER.readTree(run.out()));
        assertThat(errors).isEmpty();
    }

    @Test
    void reportJsonWithWaiversGateAndGroupingValidates() throws Exception {
        CliRun run = CliRun.of("report", "--from", ExampleFleetReportTest.FLEET, "--format", "json", "--waivers",
                "../examples/waivers.yaml", "--fail-on", "blocker", "--group-by", "tag:owner");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
        JsonNode report = MAPPER.readTree(run.out());
        assertThat(report.get("waivers")).hasSize(5);
        assertThat(schema("report-v1.schema.json").validate(report)).isEmpty();
    }

    @Test
    void theSchemaRejectsAWaiverStateItDoesNotKnow() throws Exception {
        CliRun run = CliRun.of("report", "--from", ExampleFleetReportTest.FLEET, "--format", "json", "--waivers",
                "../examples/waivers.yaml");
        ObjectNode report = (ObjectNode) MAPPER.readTree(run.out());
        for (JsonNode c : report.get("clusters")) {
            for (JsonNode f : c.get("findings")) {
                if (f.get("waiver").isObject()) {
                    ((ObjectNode) f.get("waiver")).put("state", "IGNORED");
                }
            }
        }
        assertThat(schema("report-v1.schema.json").validate(report)).isNotEmpty();
    }

    @Test
    void theSchemaRejectsAReportWithARenamedField() throws Exception {
        CliRun run = CliRun.of("report", "--from", ExampleFleetReportTest.FLEET, "--format", "json");
        ObjectNode report = (ObjectNode) MAPPER.readTree(run.out());
        ObjectNode first = (ObjectNode) report.get("clusters").get(0);
        first.set("verdict", first.remove("readiness"));
        assertThat(schema("report-v1.schema.json").validate(report)).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"aks-payments-stg-weu", "aks-ledger-prod-weu", "aks-web-overlay-neu", "aks-retail-prod-eus2"})
    void planJsonValidates(String cluster) throws Exception {
        CliRun run = CliRun.of("plan", "--from", ExampleFleetReportTest.FLEET, "--cluster", cluster, "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode plan = MAPPER.readTree(run.out());
        assertThat(schema("plan-v1.schema.json").validate(plan)).isEmpty();
    }

    @Test
    void podSubnetPlanJsonValidates() throws Exception {
        CliRun run = CliRun.of("plan", "--from", ExampleFleetReportTest.FLEET, "--cluster", "aks-payments-prod-weu",
                "--target", "pod-subnet", "--dataplane", "cilium", "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(schema("plan-v1.schema.json").validate(MAPPER.readTree(run.out()))).isEmpty();
    }

    @Test
    void theExampleRolloutStrategyValidatesAndTheSchemaRejectsATypo() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper yaml = new com.fasterxml.jackson.databind.ObjectMapper(
                new com.fasterxml.jackson.dataformat.yaml.YAMLFactory());
        JsonNode strategy = yaml.readTree(Path.of("../examples/rollout/strategy.yaml").toFile());
        assertThat(schema("rollout-strategy-v1.schema.json").validate(strategy)).isEmpty();
        ((ObjectNode) strategy.get("stages").get(0)).put("maxConcurency", 2);
        assertThat(schema("rollout-strategy-v1.schema.json").validate(strategy)).isNotEmpty();
    }
}
