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
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A gate never passes on input the tool knows is incomplete: a saved single page of a longer listing (Resource
 * Graph's {@code $skipToken}/{@code skip_token}, ARM's {@code nextLink}) and a folder without any managed cluster.
 * The cluster used is READY on its own, so only the missing data can fail the gate.
 */
class MissingDataGateTest {
    private static final ObjectMapper MAPPER = ReadyClusterFiles.MAPPER;

    @TempDir
    Path dir;

    @TempDir
    Path elsewhere;

    private JsonNode cluster;

    @BeforeEach
    void copyTheNetworkOfAReadyCluster() throws IOException {
        cluster = ReadyClusterFiles.networkInto(dir);
    }

    /**
     * Waives the one check an offline export cannot settle (the ip-masq-agent ConfigMap is seen only inside the
     * cluster), so that the gate rests on the listing alone.
     */
    private String inClusterWaiver() throws IOException {
        Path file = elsewhere.resolve("waivers.yaml");
        Files.writeString(file, """
                version: 1
                waivers:
                  - rule: ip-masq-agent-config
                    cluster: {name: "*"}
                    reason: checked inside the cluster by hand
                    owner: platform@example.com
                    expires: 2027-06-30
                """);
        return file.toString();
    }

    private Path listing(String listKey, String continuationKey) throws IOException {
        ObjectNode page = MAPPER.createObjectNode();
        page.putArray(listKey).add(cluster);
        if (listKey.equals("data")) {
            page.put("count", 1).put("totalRecords", 1000);
        }
        if (continuationKey != null) {
            page.put(continuationKey, continuationKey.equals("nextLink")
                    ? "https://management.azure.com/subscriptions/s/providers/Microsoft.ContainerService/managedClusters"
                            + "?api-version=2025-09-01&$skiptoken=abc"
                    : "ew0KICAiJGlkIjogIjEiLA0KICAiTWF4Um93cyI6IDEwMDAsDQp9");
        }
        Path file = dir.resolve("clusters.json");
        Files.writeString(file, MAPPER.writeValueAsString(page));
        return file;
    }

    @Test
    void theSameClustersWithoutAContinuationTokenPassTheGate() throws IOException {
        listing("data", null);
        CliRun run = CliRun.of("report", "--from", dir.toString(), "--waivers", inClusterWaiver(), "--fail-on",
                "blocker");
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("INCOMPLETE: 1").doesNotContain("WARNING: the input is incomplete");
    }

    @ParameterizedTest(name = "{0} page with {1} fails --fail-on blocker")
    @CsvSource({"data,$skipToken", "data,skip_token", "value,nextLink"})
    void aSavedSinglePageFailsTheGateAndNamesTheFile(String listKey, String continuationKey) throws IOException {
        Path file = listing(listKey, continuationKey);
        CliRun run = CliRun.of("report", "--from", dir.toString(), "--waivers", inClusterWaiver(), "--fail-on",
                "blocker");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.THRESHOLD_MET);
        assertThat(run.out()).contains("INCOMPLETE: 1", "WARNING: the input is incomplete", file.toString(),
                continuationKey, "the other pages are missing", "--fail-on blocker: met (exit code 3)");
        assertThat(run.err()).startsWith("warning: " + file).contains("other pages are missing");
    }

    @ParameterizedTest(name = "-o {0} shows the missing pages")
    @ValueSource(strings = {"table", "json", "csv", "markdown", "html", "junit"})
    void everyFormatShowsThatPagesAreMissing(String format) throws IOException {
        Path file = listing("data", "$skipToken");
        CliRun run = CliRun.of("report", "--from", dir.toString(), "-o", format);
        assertThat(run.exitCode()).as("no gate asked for").isZero();
        assertThat(run.out()).contains(file.getFileName().toString(), "other pages are missing");
        switch (format) {
            case "json" -> assertThat(MAPPER.readTree(run.out()).at("/input/missing/0").asText())
                    .startsWith(file.toString());
            case "csv" -> assertThat(run.out().lines().skip(1).findFirst().orElseThrow())
                    .startsWith(",,,,,,,,,input,input-complete,WARNING,");
            case "junit" -> assertThat(run.out()).contains("<testsuite name=\"input\" tests=\"1\" failures=\"1\"")
                    .contains("failures=\"1\"");
            default -> assertThat(run.out()).contains("the input is incomplete");
        }
    }

    @Test
    void theJsonReportWithMissingPagesFollowsTheSchema() throws IOException {
        listing("data", "$skipToken");
        JsonNode report = MAPPER.readTree(CliRun.of("report", "--from", dir.toString(), "-o", "json").out());
        assertThat(SchemaContractTest.schema("report-v1.schema.json").validate(report)).isEmpty();
    }

    @ParameterizedTest(name = "-o {0}: a folder without clusters is a warning")
    @ValueSource(strings = {"table", "json", "csv", "markdown", "html", "junit"})
    void aFolderWithoutAnyManagedClusterIsAWarningOnEveryFormat(String format) {
        CliRun run = CliRun.of("report", "--from", dir.toString(), "-o", format);
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("no managed cluster", dir.toString(), "1 virtual network(s), 1 route table(s)");
        assertThat(run.err()).contains("warning: no managed cluster");
    }

    @ParameterizedTest(name = "--fail-on {0} fails on a folder without clusters")
    @ValueSource(strings = {"blocker", "action", "warning"})
    void aFolderWithoutAnyManagedClusterFailsEveryGate(String threshold) {
        CliRun run = CliRun.of("report", "--from", dir.toString(), "--fail-on", threshold);
        assertThat(run.exitCode()).isEqualTo(ExitCodes.THRESHOLD_MET);
        assertThat(run.err()).contains("no managed cluster", dir.toString());
    }
}
