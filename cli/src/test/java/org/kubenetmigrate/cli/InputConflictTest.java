package org.kubenetmigrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Input that contradicts itself is said, and the conservative side wins: two copies of a cluster that differ are
 * both judged (the worse verdict stands, whichever file sorts first) and disagreeing podCidr/podCidrs block.
 */
class InputConflictTest {
    private static final ObjectMapper MAPPER = ReadyClusterFiles.MAPPER;

    @TempDir
    Path dir;

    private ObjectNode cluster;

    @BeforeEach
    void aReadyClusterWithItsNetwork() throws IOException {
        cluster = ReadyClusterFiles.networkInto(dir);
    }

    private JsonNode report() throws IOException {
        CliRun run = CliRun.of("report", "--from", dir.toString(), "-o", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        return MAPPER.readTree(run.out()).at("/clusters/0");
    }

    private void write(String name, JsonNode content) throws IOException {
        Files.writeString(dir.resolve(name), MAPPER.writeValueAsString(content));
    }

    @Test
    void anIdenticalRepeatIsNoConflict() throws IOException {
        write("a-cluster.json", cluster);
        JsonNode once = report();
        write("b-cluster.json", cluster);
        JsonNode c = report();
        assertThat(c.get("readiness").asText()).as("the verdict of a single copy").isEqualTo(
                once.get("readiness").asText());
        assertThat(c.get("findings")).isEqualTo(once.get("findings"));
        assertThat(c.get("findings").toString()).doesNotContain("input-conflict");
    }

    @ParameterizedTest(name = "the outdated copy in {0}, the current one in {1}")
    @CsvSource({"a-old.json,b-new.json", "b-old.json,a-new.json"})
    void twoDifferingCopiesAreBothJudgedAndTheWorseVerdictStands(String oldFile, String newFile) throws IOException {
        ObjectNode old = cluster.deepCopy();
        ((ObjectNode) old.get("properties")).put("kubernetesVersion", "1.26.15").put("currentKubernetesVersion",
                "1.26.15");
        write(oldFile, old);
        write(newFile, cluster);
        JsonNode c = report();
        assertThat(c.get("readiness").asText()).isEqualTo("BLOCKED");
        JsonNode conflict = finding(c, "input-conflict");
        assertThat(conflict.get("severity").asText()).isEqualTo("WARNING");
        assertThat(conflict.get("message").asText()).contains(oldFile, newFile, "kubernetesVersion",
                "the worse verdict stands");
        assertThat(finding(c, "kubernetes-version").get("severity").asText()).isEqualTo("BLOCKER");
    }

    @Test
    void aPlanOnConflictingCopiesIsJudgedOnTheWorseToo() throws IOException {
        ObjectNode old = cluster.deepCopy();
        ((ObjectNode) old.get("properties")).put("kubernetesVersion", "1.26.15").put("currentKubernetesVersion",
                "1.26.15");
        write("b-old.json", old);
        write("a-new.json", cluster);
        CliRun run = CliRun.of("plan", "--from", dir.toString(), "--cluster", ReadyClusterFiles.NAME, "-o", "json");
        assertThat(MAPPER.readTree(run.out()).get("readiness").asText()).isEqualTo("BLOCKED");
    }

    @Test
    void disagreeingPodCidrAndPodCidrsBlock() throws IOException {
        ObjectNode network = (ObjectNode) cluster.at("/properties/networkProfile");
        network.put("podCidr", "10.244.0.0/16");
        network.putArray("podCidrs").add("10.245.0.0/16");
        write("cluster.json", cluster);
        JsonNode c = report();
        assertThat(c.get("readiness").asText()).isEqualTo("BLOCKED");
        JsonNode conflict = finding(c, "input-conflict");
        assertThat(conflict.get("severity").asText()).isEqualTo("BLOCKER");
        assertThat(conflict.get("message").asText()).contains("podCidr 10.244.0.0/16", "podCidrs 10.245.0.0/16",
                "disagree", "cluster.json");
    }

    @Test
    void agreeingPodCidrAndPodCidrsAreFine() throws IOException {
        ObjectNode network = (ObjectNode) cluster.at("/properties/networkProfile");
        network.putArray("podCidrs").add(network.get("podCidr").asText());
        write("cluster.json", cluster);
        assertThat(report().get("findings").toString()).doesNotContain("input-conflict");
    }

    private static JsonNode finding(JsonNode cluster, String rule) {
        for (JsonNode f : cluster.get("findings")) {
            if (f.get("rule").asText().equals(rule)) {
                return f;
            }
        }
        throw new AssertionError("no " + rule + " finding in " + cluster.get("findings"));
    }
}
