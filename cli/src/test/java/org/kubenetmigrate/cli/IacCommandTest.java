package org.kubenetmigrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kubenetmigrate.executor.engine.GatePrompt;
import org.kubenetmigrate.executor.testing.FakeTime;
import org.kubenetmigrate.executor.testing.InMemoryClusterOperations;
import org.kubenetmigrate.executor.testing.Scenario;

/** iac and plan --iac on the example fleet and the examples/iac code the docs show. */
class IacCommandTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Path EXAMPLES = Path.of("../examples/iac");

    @TempDir
    Path temp;

    /** Copies an examples/iac folder into a git repository at temp, as a user's checkout. */
    private Path checkout(String example) throws Exception {
        Path dir = temp.resolve(example);
        Files.createDirectories(dir);
        try (Stream<Path> files = Files.list(EXAMPLES.resolve(example))) {
            for (Path f : files.toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        git("init", "-q");
        git("-c", "user.email=t@example.com", "-c", "user.name=t", "add", "-A");
        git("-c", "user.email=t@example.com", "-c", "user.name=t", "commit", "-q", "-m", "code");
        return dir;
    }

    private String git(String... args) throws Exception {
        String[] command = new String[args.length + 1];
        command[0] = "git";
        System.arraycopy(args, 0, command, 1, args.length);
        Process p = new ProcessBuilder(command).directory(temp.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("git " + String.join(" ", args) + ": " + out).isZero();
        return out;
    }

    private void applies(String diff) throws Exception {
        Path patch = temp.resolve("change.patch");
        Files.writeString(patch, diff);
        git("apply", "--check", patch.toString());
        git("apply", patch.toString());
        Files.delete(patch);
    }

    @ParameterizedTest(name = "{0} for {1}")
    @CsvSource({
        "terraform-plain, aks-payments-stg-weu, --terraform, network_plugin_mode = \"overlay\"",
        "terraform-tfvars, aks-retail-prod-eus2, --terraform, network_plugin_mode = \"overlay\"",
        "terraform-module, aks-catalog-neu, --terraform, network_plugin_mode = \"overlay\"",
        "bicep, aks-api-gateway-sea, --bicep, param networkPlugin = 'azure'",
        "arm, aks-analytics-sea, --arm, \"networkPluginMode\": \"overlay\""})
    void theDocumentedExamplesPatchCleanlyAndASecondRunIsEmpty(String example, String cluster, String flag,
                                                               String expected) throws Exception {
        Path dir = checkout(example);
        CliRun first = CliRun.of("iac", "--from", ExampleFleetReportTest.FLEET, "--cluster", cluster, flag,
                dir.toString());
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).startsWith("diff --git a/" + example + "/");
        assertThat(first.out().lines()).anySatisfy(l -> assertThat(l).startsWith("+").contains(expected));
        assertThat(first.err()).contains("found: ", "next: After the migration has finished",
                flag.equals("--terraform") ? "terraform plan" : "what-if");
        applies(first.out());

        CliRun second = CliRun.of("iac", "--from", ExampleFleetReportTest.FLEET, "--cluster", cluster, flag,
                dir.toString());
        assertThat(second.exitCode()).isZero();
        assertThat(second.out()).isEmpty();
        assertThat(second.err()).contains("no change: the code already describes the cluster");
    }

    @Test
    void theTargetValuesAreThePlansOwn() throws Exception {
        Path dir = checkout("terraform-plain");
        CliRun plan = CliRun.of("plan", "--from", ExampleFleetReportTest.FLEET, "--cluster", "aks-payments-stg-weu",
                "--pod-cidr", "172.16.0.0/16", "--dataplane", "cilium", "--format", "json");
        JsonNode target = MAPPER.readTree(plan.out()).get("target");

        CliRun run = CliRun.of("iac", "--from", ExampleFleetReportTest.FLEET, "--cluster", "aks-payments-stg-weu",
                "--pod-cidr", "172.16.0.0/16", "--dataplane", "cilium", "--terraform", dir.toString(), "-o", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = MAPPER.readTree(run.out());
        assertThat(json.at("/target/podCidr").asText()).isEqualTo(target.get("podCidr").asText()).isEqualTo("172.16.0.0/16");
        assertThat(json.at("/target/networkPolicy").asText()).isEqualTo(target.get("networkPolicy").asText());
        assertThat(json.at("/target/dataplane").asText()).isEqualTo(target.get("dataplane").asText());
        assertThat(json.at("/matches/0/address").asText()).isEqualTo("azurerm_kubernetes_cluster.payments_stg");
        assertThat(json.get("diff").asText()).contains("+    pod_cidr          = \"172.16.0.0/16\"",
                "+    network_policy    = \"cilium\"", "+    network_data_plane = \"cilium\"");
        assertThat(json.get("findings").toString()).contains("4.66.0", "4.58.0");
        applies(json.get("diff").asText());
    }

    @Test
    void hclThatDoesNotParseIsOneLineAndExit2() throws Exception {
        Path dir = checkout("terraform-plain");
        Files.writeString(dir.resolve("broken.tf"), "resource \"azurerm_resource_group\" \"x\" {\n  name = \n}\n");
        CliRun run = CliRun.of("iac", "--from", ExampleFleetReportTest.FLEET, "--cluster", "aks-payments-stg-weu",
                "--terraform", dir.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("error: terraform-plain/broken.tf:2: does not parse as HCL: attribute name has"
                + " no value\n");
    }

    @Test
    void codeThatDoesNotNameTheClusterIsExit2() throws Exception {
        Path dir = checkout("terraform-plain");
        CliRun run = CliRun.of("iac", "--from", ExampleFleetReportTest.FLEET, "--cluster", "aks-payments-prod-weu",
                "--terraform", dir.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).startsWith("error: " + dir + ": no azurerm_kubernetes_cluster resource")
                .contains("names cluster aks-payments-prod-weu").hasLineCount(1);
    }

    @Test
    void aClusterAlreadyOnOverlayGetsItsCodeReconciled() throws Exception {
        Path dir = checkout("terraform-plain");
        Files.writeString(dir.resolve("main.tf"), Files.readString(dir.resolve("main.tf"))
                .replace("aks-payments-stg-weu", "aks-web-overlay-neu"));
        CliRun run = CliRun.of("iac", "--from", ExampleFleetReportTest.FLEET, "--cluster", "aks-web-overlay-neu",
                "--terraform", dir.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        // the cluster runs Overlay with Cilium: the code is made to say so
        assertThat(run.out()).contains("+    network_policy    = \"cilium\"", "+    network_data_plane = \"cilium\"");
    }

    @Test
    void aPodSubnetTargetIsRefused() throws Exception {
        Path dir = checkout("terraform-plain");
        CliRun run = CliRun.of("iac", "--from", ExampleFleetReportTest.FLEET, "--cluster", "aks-payments-stg-weu",
                "--target", "pod-subnet", "--terraform", dir.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).contains("in-place Overlay migration only").hasLineCount(1);
    }

    @Test
    void planWithIacAddsTheManualStepAfterValidateInEveryFormat() throws Exception {
        Path dir = checkout("terraform-plain");
        String[] args = {"plan", "--from", ExampleFleetReportTest.FLEET, "--cluster", "aks-payments-stg-weu",
            "--iac", dir.toString(), "--format"};

        CliRun json = CliRun.of(concat(args, "json"));
        assertThat(json.exitCode()).as(json.err()).isZero();
        JsonNode plan = MAPPER.readTree(json.out());
        assertThat(SchemaContractTest.schema("plan-v1.schema.json").validate(plan)).isEmpty();
        JsonNode stages = plan.get("stages");
        assertThat(stages.get(stages.size() - 2).get("id").asText()).isEqualTo("validate");
        JsonNode step = stages.get(stages.size() - 1).get("steps").get(0);
        assertThat(step.get("id").asText()).isEqualTo("update-iac");
        assertThat(step.get("manual").asBoolean()).isTrue();
        assertThat(step.get("request").isNull()).isTrue();
        assertThat(step.get("description").asText()).contains("azurerm_kubernetes_cluster.payments_stg",
                "terraform plan", "refresh-only").doesNotContain("what-if");
        assertThat(step.get("patch").asText()).startsWith("diff --git a/terraform-plain/main.tf")
                .contains("+    network_plugin    = \"azure\"");

        CliRun text = CliRun.of(concat(args, "text"));
        assertThat(text.out()).contains("update-iac", "+    network_plugin_mode = \"overlay\"");
        CliRun markdown = CliRun.of(concat(args, "markdown"));
        assertThat(markdown.out()).contains("```diff\ndiff --git a/terraform-plain/main.tf");

        // the executor leaves the person's step out: the plan still applies (dry run: nothing sent)
        Path file = temp.resolve("plan.json");
        Files.writeString(file, json.out());
        FakeTime time = FakeTime.at("2026-12-01T12:00:00Z");
        InMemoryClusterOperations azure = Scenario.azure();
        CliRun dryRun = CliRun.with(new CliEnvironment(time, id -> azure, GatePrompt.NONE, time), "apply",
                file.toString(), "--dry-run", "--state", temp.resolve("state").toString());
        assertThat(dryRun.exitCode()).as(dryRun.err()).isZero();
        assertThat(dryRun.out()).doesNotContain("update-iac");
        assertThat(azure.mutatingCalls()).isEmpty();
    }

    private static String[] concat(String[] args, String last) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 1);
        all[args.length] = last;
        return all;
    }
}
