package org.kubenetmigrate.planner.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.kubenetmigrate.planner.assessment.ClusterAssessment;
import org.kubenetmigrate.planner.rules.Severity;
import org.kubenetmigrate.planner.waivers.WaiverSet;
import org.junit.jupiter.api.Test;

class AssessmentJsonTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String EMOJI = new String(Character.toChars(0x1F680));

    @Test
    void writesEachClusterAsTheOneMappingDoesIndentedAsIfOneGeneratorHadWrittenTheWholeDocument() throws IOException {
        List<ClusterAssessment> clusters = List.of(
                FleetReports.assessed(FleetReports.cluster("alpha", "sub-0001", "westeurope", Map.of("owner", "a")),
                        List.of(FleetReports.finding("agic", Severity.WARNING)), List.of()),
                FleetReports.assessed("beta", FleetReports.finding("kubernetes-version", Severity.BLOCKER)),
                FleetReports.assessed("gamma"));
        FleetReport report = FleetReports.report(clusters, WaiverSet.NONE, Grouping.parse("location"), null);

        String text = new String(bytes(report), StandardCharsets.UTF_8);

        JsonNode parsed = MAPPER.readTree(text);
        assertThat(parsed.get("clusters")).hasSize(3);
        for (int i = 0; i < clusters.size(); i++) {
            ObjectNode expected = AssessmentJson.cluster(clusters.get(i), report.waivers());
            expected.put("group", "westeurope");
            // As text: a number read back is an int where the mapping wrote a long of the same value.
            assertThat(parsed.get("clusters").get(i)).hasToString(expected.toString());
        }
        DefaultPrettyPrinter pretty = new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"));
        assertThat(text).isEqualTo(MAPPER.writer(pretty).writeValueAsString(parsed) + "\n");
    }

    @Test
    void writesAnEmptyFleetsClustersAsTheGeneratorWritesAnEmptyArray() throws IOException {
        String text = new String(bytes(FleetReports.report(List.of())), StandardCharsets.UTF_8);

        assertThat(text).contains("\"clusters\" : [ ]\n}\n");
    }

    @Test
    void writesCharactersBeyondTheBasicPlaneAsUtf8AndASurrogateWithoutPartnerAsAnEscape() throws IOException {
        ClusterAssessment odd = FleetReports.assessed(FleetReports.cluster("bad\uD800name", "sub-0001", "westeurope",
                Map.of("team", "rocket " + EMOJI)), List.of(), List.of());
        FleetReport report = FleetReports.report(List.of(odd));

        String text = new String(bytes(report), StandardCharsets.UTF_8);

        assertThat(text).contains("\"team\" : \"rocket " + EMOJI + "\"");
        // Lossless and valid JSON: a reader gets back the very string the input held.
        assertThat(text).contains("\"name\" : \"bad\\uD800name\"");
        assertThat(MAPPER.readTree(text).get("clusters").get(0).get("name").asText()).isEqualTo("bad\uD800name");
    }

    @Test
    void writesTheSameTextToAnyWriterAsToBytes() throws IOException {
        FleetReport report = FleetReports.report(List.of(FleetReports.assessed(FleetReports.cluster("delta",
                "sub-0002", "northeurope", Map.of("note", "é — " + EMOJI)), List.of(), List.of())));
        StringWriter writer = new StringWriter();

        AssessmentJson.write(report, writer);

        assertThat(writer.toString()).isEqualTo(new String(bytes(report), StandardCharsets.UTF_8));
    }

    private static byte[] bytes(FleetReport report) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Utf8Output out = new Utf8Output(bytes);
        AssessmentJson.write(report, out);
        out.flush();
        return bytes.toByteArray();
    }
}
