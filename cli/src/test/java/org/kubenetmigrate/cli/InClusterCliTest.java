package org.kubenetmigrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** plan and report with in-cluster checks, end to end through the CLI against the mock API server. */
@Tag("slow")
@EnableKubernetesMockClient(crud = true)
class InClusterCliTest {
    static final String FLEET = ExampleFleetReportTest.FLEET;
    static final String CLUSTER = "aks-payments-prod-weu";
    static final String TOKEN = "kmcli-bearer-0b7e4c1d9a2f6e3b8c5d7a9f1e2d3c4b";
    static final ObjectMapper MAPPER = new ObjectMapper();

    KubernetesMockServer server;
    KubernetesClient client;

    @TempDir
    Path dir;

    Path kubeconfig;

    @BeforeEach
    void clusterWithALeftoverIpMasqConfigMap() throws Exception {
        client.configMaps().inNamespace("kube-system").resource(new ConfigMapBuilder().withNewMetadata()
                .withName("azure-ip-masq-agent-config").endMetadata().build()).create();
        var node = client.nodes().resource(new NodeBuilder().withNewMetadata().withName("aks-system-0").endMetadata()
                .withNewSpec().withPodCIDR("10.244.0.0/24").endSpec().build()).create();
        node.setStatus(new io.fabric8.kubernetes.api.model.NodeStatusBuilder().addNewCondition().withType("Ready")
                .withStatus("True").endCondition().build());
        client.nodes().resource(node).updateStatus();
        kubeconfig = Files.writeString(dir.resolve("config"), """
                apiVersion: v1
                kind: Config
                current-context: %1$s
                clusters:
                - name: %1$s
                  cluster: {server: "%2$s", insecure-skip-tls-verify: true}
                contexts:
                - name: %1$s
                  context: {cluster: %1$s, user: clusterUser}
                users:
                - name: clusterUser
                  user: {token: %3$s}
                """.formatted(CLUSTER, server.url("/"), TOKEN));
    }

    static CliRun run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(CliRun.CLOCK, env, new PrintWriter(out), new PrintWriter(err), args);
        return new CliRun(code, out.toString(), err.toString());
    }

    static JsonNode cluster(JsonNode report, String name) {
        for (JsonNode c : report.get("clusters")) {
            if (c.get("name").asText().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no " + name);
    }

    @Test
    void planReadsTheClusterWhenGivenAKubeconfigAndBlocksOnTheIpMasqConfigMap() throws Exception {
        CliRun run = run(Map.of(), "plan", "--from", FLEET, "--cluster", CLUSTER, "--kubeconfig",
                kubeconfig.toString(), "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode plan = MAPPER.readTree(run.out());
        assertThat(plan.get("readiness").asText()).isEqualTo("BLOCKED");
        assertThat(plan.get("findings").toString()).contains("ip-masq-agent-config",
                "kube-system/azure-ip-masq-agent-config");
        assertThat(SchemaContractTest.schema("plan-v1.schema.json").validate(plan)).isEmpty();
    }

    @Test
    void planWithRemoveIpMasqConfigGetsTheStepAndStaysSchemaValid() throws Exception {
        CliRun run = run(Map.of("KUBECONFIG", kubeconfig.toString()), "plan", "--from", FLEET, "--cluster", CLUSTER,
                "--in-cluster", "--remove-ip-masq-config", "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode plan = MAPPER.readTree(run.out());
        assertThat(plan.get("readiness").asText()).isEqualTo("ACTIONS_REQUIRED");
        assertThat(plan.get("stages").get(0).get("steps").findValuesAsText("id"))
                .containsExactly("precheck", "backup", "remove-ip-masq-config");
        JsonNode step = plan.get("stages").get(0).get("steps").get(2);
        assertThat(step.get("changesCluster").asBoolean()).isTrue();
        assertThat(step.get("request").isNull()).isTrue();
        assertThat(SchemaContractTest.schema("plan-v1.schema.json").validate(plan)).isEmpty();
    }

    @Test
    void planWithInClusterFalseIgnoresTheKubeconfig() throws Exception {
        int seeding = server.getRequestCount();
        CliRun run = run(Map.of("KUBECONFIG", kubeconfig.toString()), "plan", "--from", FLEET, "--cluster", CLUSTER,
                "--in-cluster=false", "--format", "json");

        JsonNode plan = MAPPER.readTree(run.out());
        assertThat(plan.get("readiness").asText()).as("only the unread ip-masq-agent check is missing")
                .isEqualTo("INCOMPLETE");
        assertThat(plan.get("unverified").findValuesAsText("check")).containsExactly("ip-masq-agent-config");
        assertThat(server.getRequestCount()).as("no request beyond the test's own seeding").isEqualTo(seeding);
    }

    @Test
    void planAskedForInClusterChecksWithoutAKubeconfigIsIncomplete() throws Exception {
        CliRun run = run(Map.of(), "plan", "--from", FLEET, "--cluster", CLUSTER, "--in-cluster", "--format", "json");

        JsonNode plan = MAPPER.readTree(run.out());
        assertThat(plan.get("readiness").asText()).isEqualTo("INCOMPLETE");
        assertThat(plan.get("unverified").toString()).contains("no kubeconfig");
    }

    @Test
    void reportIsOptInEvenWithKubeconfigInTheEnvironment() throws Exception {
        int seeding = server.getRequestCount();
        CliRun plain = run(Map.of("KUBECONFIG", kubeconfig.toString()), "report", "--from", FLEET, "--format", "json");

        JsonNode report = MAPPER.readTree(plain.out());
        assertThat(cluster(report, CLUSTER).get("readiness").asText()).isEqualTo("INCOMPLETE");
        assertThat(report.get("summary").get("incompleteOnlyForPrecheckReads").asInt()).isPositive();
        assertThat(server.getRequestCount()).isEqualTo(seeding);
    }

    @Test
    void reportWithInClusterReadsEachClusterThroughItsOwnContext() throws Exception {
        CliRun run = run(Map.of("KUBECONFIG", kubeconfig.toString()), "report", "--from", FLEET, "--in-cluster",
                "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode report = MAPPER.readTree(run.out());
        assertThat(cluster(report, CLUSTER).get("readiness").asText()).isEqualTo("BLOCKED");
        assertThat(cluster(report, "aks-retail-prod-eus2").get("readiness").asText()).isEqualTo("INCOMPLETE");
        assertThat(cluster(report, "aks-retail-prod-eus2").get("unverified").toString())
                .contains("no context for cluster aks-retail-prod-eus2");
        assertThat(SchemaContractTest.schema("report-v1.schema.json").validate(report)).isEmpty();
    }

    @Test
    void reportContextWithManyKubenetClustersIsAUsageError() {
        CliRun run = run(Map.of(), "report", "--from", FLEET, "--kubeconfig", kubeconfig.toString(), "--context",
                CLUSTER);

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).startsWith("error: --context names one cluster's context").doesNotContain("Exception");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void anExecUserInTheKubeconfigIsNeverRunAndTheChecksAreUnverified() throws Exception {
        Path marker = dir.resolve("kubelogin-ran");
        Path entra = Files.writeString(dir.resolve("entra"), """
                apiVersion: v1
                clusters: [{name: %1$s, cluster: {server: "%2$s", insecure-skip-tls-verify: true}}]
                contexts: [{name: %1$s, context: {cluster: %1$s, user: clusterUser}}]
                current-context: %1$s
                users:
                - name: clusterUser
                  user:
                    exec:
                      apiVersion: client.authentication.k8s.io/v1beta1
                      command: /bin/sh
                      args: ["-c", "touch %3$s"]
                """.formatted(CLUSTER, server.url("/"), marker));

        CliRun run = run(Map.of(), "plan", "--from", FLEET, "--cluster", CLUSTER, "--kubeconfig", entra.toString(),
                "--format", "json");

        assertThat(marker).doesNotExist();
        JsonNode plan = MAPPER.readTree(run.out());
        assertThat(plan.get("readiness").asText()).isEqualTo("INCOMPLETE");
        assertThat(plan.get("unverified").toString()).contains("never runs commands from a kubeconfig");
    }

    @Test
    void anUnreadableKubeconfigIsInvalidInputNamingTheFile() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad"), "users: [ {user: {token: " + TOKEN + "}} ] ] ]");

        CliRun run = run(Map.of(), "plan", "--from", FLEET, "--cluster", CLUSTER, "--kubeconfig", bad.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err().strip()).isEqualTo("error: " + bad + ": not a kubeconfig (YAML with clusters, contexts"
                + " and users expected)");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void theTokenAppearsNowhereInOutputOrLogsEvenVerboseAndWithFailingReads() throws Exception {
        server.expect().get().withPath("/api/v1/nodes?limit=500")
                .andReturn(403, new StatusBuilder().withCode(403).withReason("Forbidden").build()).always();
        server.expect().get().withPath("/apis/apps/v1/deployments?limit=500")
                .andReturn(500, new StatusBuilder().withCode(500).build()).always();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        root.addAppender(logs);
        PrintStream originalErr = System.err;
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        CliRun plan;
        CliRun report;
        try {
            System.setErr(new PrintStream(console, true, StandardCharsets.UTF_8));
            plan = run(Map.of(), "-v", "plan", "--from", FLEET, "--cluster", CLUSTER, "--kubeconfig",
                    kubeconfig.toString(), "--format", "markdown");
            report = run(Map.of(), "-v", "report", "--from", FLEET, "--kubeconfig", kubeconfig.toString(),
                    "--format", "json");
        } finally {
            System.setErr(originalErr);
            root.detachAppender(logs);
            root.setLevel(ch.qos.logback.classic.Level.WARN);
        }

        assertThat(plan.exitCode()).as(plan.err()).isZero();
        assertThat(plan.out()).contains("forbidden: needs list on nodes (cluster scope)",
                "list deployments.apps (all namespaces) failed: HTTP 500");
        assertThat(logs.list).as("--verbose did log").isNotEmpty();
        String everything = plan.out() + plan.err() + report.out() + report.err() + console.toString(StandardCharsets.UTF_8)
                + String.join("\n", logs.list.stream().map(ILoggingEvent::getFormattedMessage).toList());
        assertThat(everything).doesNotContain(TOKEN);
        int requests = server.getRequestCount();
        boolean tokenSent = false;
        for (int i = 0; i < requests; i++) {
            tokenSent |= ("Bearer " + TOKEN).equals(server.takeRequest().getHeader("Authorization"));
        }
        assertThat(tokenSent).as("the token was used").isTrue();
    }
}
