package org.kubenetmigrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One flag vocabulary: {@code -o/--output} for the format everywhere ({@code --format} a hidden, deprecated alias),
 * scope flags only where they apply, {@code --state} that must exist when named, and an offline verdict that no
 * ambient KUBECONFIG changes.
 */
class FlagVocabularyTest {
    private static final String FLEET = ExampleFleetReportTest.FLEET;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} --help shows -o, --output and hides --format")
    @ValueSource(strings = {"report", "plan", "status", "apply", "resume", "rollback"})
    void everyCommandNamesTheOutputFormatOption(String command) {
        CliRun run = CliRun.of(command, "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("-o, --output=").doesNotContain("  --format=");
        assertThat(run.out().replaceAll("\\s+", " ")).contains("--format is a deprecated alias of -o");
    }

    @Test
    void inventorySpellsItsOnlyFormatAlike() {
        assertThat(CliRun.of("inventory", "--help").out()).contains("-o, --output=json");
    }

    @Test
    void theDeprecatedFormatAliasStillWorks() {
        CliRun alias = CliRun.of("report", "--from", FLEET, "--format", "csv");
        CliRun output = CliRun.of("report", "--from", FLEET, "-o", "csv");
        CliRun longName = CliRun.of("report", "--from", FLEET, "--output", "csv");
        assertThat(alias.exitCode()).isZero();
        assertThat(alias.out()).startsWith("cluster,clusterId,").isEqualTo(output.out()).isEqualTo(longName.out());
    }

    @Test
    void theAliasIsRewrittenInBothSpellingsAndNotAfterTheEndOfOptions() {
        assertThat(OutputFormats.withoutDeprecatedNames("report", "--format", "json", "--format=csv", "--", "--format"))
                .containsExactly("report", "--output", "json", "--output=csv", "--", "--format");
    }

    @ParameterizedTest(name = "{0} --help lists sign-in options but no scope options")
    @ValueSource(strings = {"apply", "resume", "rollback"})
    void runCommandsListNoScopeOptions(String command) {
        CliRun run = CliRun.of(command, "--help");
        assertThat(run.out()).contains("--tenant", "--cloud").doesNotContain("--subscription", "--management-group");
    }

    @Test
    void readCommandsKeepTheirScopeOptions() {
        assertThat(CliRun.of("report", "--help").out()).contains("--subscription", "--management-group", "--tenant");
        assertThat(CliRun.of("inventory", "--help").out()).contains("--subscription", "--management-group");
    }

    @Test
    void applyRefusesAScopeOptionAsAnUnknownOption() {
        CliRun run = CliRun.of("apply", "plan.json", "--subscription", "s1");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).contains("--subscription");
    }

    @Test
    void statusOnAStateDirectoryThatDoesNotExistIsAnError() {
        Path typo = dir.resolve("typo");
        CliRun run = CliRun.of("status", "--state", typo.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().strip()).isEqualTo("error: --state " + typo + ": no such directory");
    }

    @Test
    void statusOnAnEmptyStateDirectorySaysNoRuns() throws IOException {
        CliRun run = CliRun.of("status", "--state", Files.createDirectory(dir.resolve("state")).toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).containsIgnoringCase("no runs");
    }

    @Test
    void anAmbientKubeconfigWithoutTheClustersContextLeavesAnOfflinePlanAlone() throws IOException {
        Path kubeconfig = Files.writeString(dir.resolve("config"), """
                apiVersion: v1
                kind: Config
                clusters:
                - name: somewhere-else
                  cluster: {server: "https://127.0.0.1:1"}
                contexts:
                - name: somewhere-else
                  context: {cluster: somewhere-else, user: me}
                current-context: somewhere-else
                users:
                - name: me
                  user: {token: not-a-real-token}
                """);
        String[] args = {"plan", "--from", FLEET, "--cluster", "aks-payments-prod-weu", "-o", "json"};
        CliRun clean = CliRun.of(args);
        CliRun ambient = run(Map.of("KUBECONFIG", kubeconfig.toString()), args);
        assertThat(clean.exitCode()).as(clean.err()).isZero();
        assertThat(ambient.exitCode()).as(ambient.err()).isZero();
        // Offline, the in-cluster checks stay "not run" (INCOMPLETE), never "could not read" through a stray context.
        assertThat(ambient.out()).contains("\"readiness\" : \"INCOMPLETE\"").isEqualTo(clean.out());
    }

    @Test
    void theVersionColumnShowsTheRunningVersionNotTheAlias() throws IOException {
        Path cluster = Files.writeString(dir.resolve("aks1.json"), """
                {"id": "/subscriptions/00000000-0000-0000-0000-00000000b001/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks1",
                 "name": "aks1", "type": "Microsoft.ContainerService/managedClusters", "location": "westeurope",
                 "properties": {"kubernetesVersion": "1.31", "currentKubernetesVersion": "1.31.7",
                   "provisioningState": "Succeeded",
                   "networkProfile": {"networkPlugin": "kubenet", "podCidr": "10.244.0.0/16", "serviceCidr": "10.0.0.0/16"},
                   "agentPoolProfiles": [{"name": "np1", "count": 3, "vmSize": "Standard_D4s_v5", "mode": "System"}]}}
                """);
        CliRun run = CliRun.of("report", "--from", cluster.toString());
        String row = run.out().lines().filter(l -> l.startsWith("aks1")).findFirst().orElseThrow();
        assertThat(row).contains("1.31.7");
    }

    private static CliRun run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(CliRun.CLOCK, env, new PrintWriter(out), new PrintWriter(err), args);
        return new CliRun(code, out.toString(), err.toString());
    }
}
