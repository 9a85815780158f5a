package org.kubenetmigrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad input never gives a stack trace: one line naming the file, the field and the problem, and exit 2. */
class BadInputTest {
    @TempDir
    Path dir;

    private static final String CLUSTER = """
            {"id": "/subscriptions/00000000-0000-0000-0000-00000000b001/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks1",
             "name": "aks1", "type": "Microsoft.ContainerService/managedClusters", "location": "westeurope",
             "properties": {"kubernetesVersion": "1.31.2", "provisioningState": "Succeeded",
               "networkProfile": {"networkPlugin": "kubenet", "podCidr": "%s", "serviceCidr": "10.0.0.0/16"},
               "agentPoolProfiles": [{"name": "np1", "count": %s, "vmSize": "Standard_D4s_v5", "mode": "System"}]}}
            """;

    private Path file(String name, String content) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, content);
        return f;
    }

    private static void assertOneLineError(CliRun run, String... parts) {
        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().strip().lines().count()).as(run.err()).isEqualTo(1);
        assertThat(run.err()).startsWith("error: ").contains(parts).doesNotContain("Exception", "\tat ");
    }

    @Test
    void notJsonNamesTheFileAndThePosition() throws IOException {
        Path f = file("clusters.json", "this is not json");
        assertOneLineError(CliRun.of("report", "--from", f.toString()), "clusters.json", "not valid JSON", "line 1");
    }

    @Test
    void truncatedJsonIsRejected() throws IOException {
        Path f = file("truncated.json", CLUSTER.formatted("10.244.0.0/16", "3").substring(0, 200));
        assertOneLineError(CliRun.of("report", "--from", f.toString()), "truncated.json", "not valid JSON");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "10.244.0.0/33|3|/properties/networkProfile/podCidr|10.244.0.0/33",
        "10.244.1.0/16|3|/properties/networkProfile/podCidr|host bits",
        "10.244.0.0/16|\"three\"|/properties/agentPoolProfiles/0/count|three"})
    void invalidFieldNamesTheFileThePointerAndTheProblem(String podCidr, String count, String pointer, String problem)
            throws IOException {
        Path f = file("cluster.json", CLUSTER.formatted(podCidr, count));
        assertOneLineError(CliRun.of("plan", "--from", f.toString(), "--cluster", "aks1"), "cluster.json", pointer, problem);
    }

    @Test
    void emptyFolderIsAnError() {
        assertOneLineError(CliRun.of("report", "--from", dir.toString()), "no JSON files");
    }

    @Test
    void missingPathIsAnError() {
        assertOneLineError(CliRun.of("report", "--from", dir.resolve("nope").toString()), "nope");
    }

    @Test
    void unknownClusterNameIsAnError() throws IOException {
        Path f = file("cluster.json", CLUSTER.formatted("10.244.0.0/16", "3"));
        assertOneLineError(CliRun.of("plan", "--from", f.toString(), "--cluster", "aks-nope"), "aks-nope", "1 clusters read");
    }

    @Test
    void invalidPodCidrOptionIsAUsageError() throws IOException {
        Path f = file("cluster.json", CLUSTER.formatted("10.244.0.0/16", "3"));
        assertOneLineError(CliRun.of("plan", "--from", f.toString(), "--cluster", "aks1", "--pod-cidr", "10.0.0.0/40"),
                "--pod-cidr", "10.0.0.0/40");
    }

    @Test
    void unknownOptionIsAUsageError() {
        assertOneLineError(CliRun.of("report", "--from", "x.json", "--bogus"), "--bogus", "--help");
    }

    @Test
    void nothingIsWrittenWhenInputIsBad() throws IOException {
        Path f = file("cluster.json", CLUSTER.formatted("10.244.0.0/33", "3"));
        Path out = dir.resolve("plan.json");
        CliRun run = CliRun.of("plan", "--from", f.toString(), "--cluster", "aks1", "--out", out.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(out).doesNotExist();
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("cluster.json");
        }
    }
}
