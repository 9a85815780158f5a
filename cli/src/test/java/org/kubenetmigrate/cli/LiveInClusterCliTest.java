package org.kubenetmigrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.kubenetmigrate.testsupport.AksCredentialRoutes;
import org.kubenetmigrate.testsupport.AksRunCommandRoutes;
import org.kubenetmigrate.testsupport.ArmShapes;
import org.kubenetmigrate.testsupport.FakeArm;
import org.slf4j.LoggerFactory;

/**
 * {@code plan --in-cluster} reading Azure live with no kubeconfig: access comes from ARM through the same sign-in
 * (the real ClientSecretCredential and SDK against the fake ARM, TLS trust from the JVM's trust-store properties),
 * the Entra token for the AKS server application reaches the mock API server and is printed nowhere.
 */
@Tag("slow")
@EnableKubernetesMockClient(crud = true)
class LiveInClusterCliTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final List<String> PROPERTIES = List.of("AZURE_CLIENT_ID", "AZURE_CLIENT_SECRET", "AZURE_TENANT_ID",
            "javax.net.ssl.trustStore", "javax.net.ssl.trustStorePassword", "javax.net.ssl.trustStoreType");
    static final String CLUSTER = "aks-payments-prod-weu";

    KubernetesMockServer server;
    KubernetesClient client;
    FakeArm fake;
    AksCredentialRoutes credentials;
    AksRunCommandRoutes runCommand;
    final ListAppender<ILoggingEvent> logs = new ListAppender<>();

    @BeforeEach
    void setUp() {
        fake = FakeArm.start();
        fake.resources().putAll(ArmShapes.load(Path.of(ExampleFleetReportTest.FLEET)));
        credentials = AksCredentialRoutes.install(fake);
        runCommand = AksRunCommandRoutes.install(fake);
        System.setProperty("AZURE_CLIENT_ID", FakeArm.CLIENT_ID);
        System.setProperty("AZURE_CLIENT_SECRET", FakeArm.CLIENT_SECRET);
        System.setProperty("AZURE_TENANT_ID", FakeArm.TENANT);
        System.setProperty("javax.net.ssl.trustStore", FakeArm.trustStoreFile().toString());
        System.setProperty("javax.net.ssl.trustStorePassword", FakeArm.STORE_PASSWORD);
        System.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
        client.configMaps().inNamespace("kube-system").resource(new ConfigMapBuilder().withNewMetadata()
                .withName("azure-ip-masq-agent-config").endMetadata().build()).create();
        logs.start();
        root().addAppender(logs);
        root().setLevel(Level.DEBUG);
    }

    @AfterEach
    void tearDown() {
        root().detachAppender(logs);
        root().setLevel(Level.WARN);
        PROPERTIES.forEach(System::clearProperty);
        fake.close();
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    private CliRun live(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--arm-endpoint", fake.baseUrl(), "--authority-host", fake.baseUrl()));
        return CliRun.of(all.toArray(String[]::new));
    }

    @Test
    void livePlanWithInClusterGetsAccessFromArmAndTheCheckFires() throws Exception {
        credentials.kubeconfig(CLUSTER, AksCredentialRoutes.kubeloginKubeconfig(server.url("/"), CLUSTER,
                "kubelogin"));

        CliRun run = live("plan", "--cluster", CLUSTER, "--in-cluster", "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode plan = MAPPER.readTree(run.out());
        assertThat(plan.toString()).contains("ip-masq-agent-config");
        assertThat(credentials.calls()).isEqualTo(1);
        assertThat(fake.requests()).filteredOn(r -> r.isTokenRequest())
                .anyMatch(r -> r.body().contains("6dae42f8-4368-4678-94ff-3960e28e3630%2F.default"));
        assertThat(fake.issuedTokens()).hasSizeGreaterThanOrEqualTo(2);
        String everything = run.out() + run.err() + String.join("\n",
                logs.list.stream().map(ILoggingEvent::getFormattedMessage).toList());
        for (String token : fake.issuedTokens()) {
            assertThat(everything).doesNotContain(token);
        }
        assertThat(everything).doesNotContain(FakeArm.CLIENT_SECRET);
    }

    @Test
    void livePlanWithoutInClusterStaysArmOnly() {
        CliRun run = live("plan", "--cluster", CLUSTER, "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(credentials.calls()).isZero();
        assertThat(runCommand.commands()).isEmpty();
    }

    @Test
    void whenArmGivesNoCredentialAndEveryCommandFailsThePlanSaysWhyAndIsNotReady() throws Exception {
        // No kubeconfig registered (404) and no kubectl answer: every command exits 1. Retry-After 0 keeps the
        // wall-clock polling (the CLI waits in real time) out of the test's duration.
        runCommand.retryAfterSeconds(0);
        CliRun run = live("plan", "--cluster", CLUSTER, "--in-cluster", "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode plan = MAPPER.readTree(run.out());
        assertThat(plan.toString()).contains("listClusterUserCredential for " + CLUSTER + " failed: HTTP 404");
        assertThat(plan.toString()).doesNotContain("\"READY\"").contains("run-command 'kubectl get nodes -o json'"
                + " failed (provisioningState Succeeded, exit code 1)");
        assertThat(runCommand.commands()).isNotEmpty().allMatch(c -> c.startsWith("kubectl get "));
    }

    @Test
    void applyWithInClusterStopsInPrecheckOnTheCustomIpMasqAgentConfigBeforeAnyPut(
            @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        credentials.kubeconfig(CLUSTER, AksCredentialRoutes.kubeloginKubeconfig(server.url("/"), CLUSTER,
                "kubelogin"));
        CliRun planned = live("plan", "--cluster", CLUSTER, "--format", "json");
        assertThat(planned.exitCode()).as(planned.err()).isZero();
        Path plan = dir.resolve("plan.json");
        java.nio.file.Files.writeString(plan, planned.out());
        fake.clearRequests();

        CliRun run = live("apply", plan.toString(), "--in-cluster", "--auto-approve", "--state",
                dir.resolve("state").toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.STEP_FAILED);
        assertThat(run.out() + run.err()).contains("precheck").contains("ip-masq-agent-config")
                .contains("kube-system/azure-ip-masq-agent-config");
        assertThat(credentials.calls()).as("access through listClusterUserCredential").isPositive();
        assertThat(fake.requests()).as("no write: the network policy and the plugin stay").noneMatch(r ->
                List.of("PUT", "PATCH", "DELETE").contains(r.method()));
        assertThat(fake.requests()).filteredOn(r -> r.method().equals("POST") && !r.isTokenRequest())
                .allMatch(r -> r.path().endsWith("/listClusterUserCredential"));
    }
}
