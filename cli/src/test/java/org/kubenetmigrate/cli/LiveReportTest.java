package org.kubenetmigrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kubenetmigrate.testsupport.ArmShapes;
import org.kubenetmigrate.testsupport.FakeArm;
import org.kubenetmigrate.testsupport.RecordedRequest;
import org.slf4j.LoggerFactory;

/**
 * The CLI reading Azure live: the real DefaultAzureCredential path (environment service principal), the real SDK
 * and TLS trust from the JVM's standard trust-store properties, against the fake ARM loaded with the example fleet.
 */
@Tag("slow")
class LiveReportTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final List<String> PROPERTIES = List.of("AZURE_CLIENT_ID", "AZURE_CLIENT_SECRET", "AZURE_TENANT_ID",
            "javax.net.ssl.trustStore", "javax.net.ssl.trustStorePassword", "javax.net.ssl.trustStoreType");
    static FakeArm fake;
    static String[] endpoints;

    @TempDir
    Path dir;

    final ListAppender<ILoggingEvent> logs = new ListAppender<>();

    @BeforeAll
    static void startFakeArm() {
        fake = FakeArm.start();
        fake.resources().putAll(ArmShapes.load(Path.of(ExampleFleetReportTest.FLEET)));
        System.setProperty("AZURE_CLIENT_ID", FakeArm.CLIENT_ID);
        System.setProperty("AZURE_CLIENT_SECRET", FakeArm.CLIENT_SECRET);
        System.setProperty("AZURE_TENANT_ID", FakeArm.TENANT);
        System.setProperty("javax.net.ssl.trustStore", FakeArm.trustStoreFile().toString());
        System.setProperty("javax.net.ssl.trustStorePassword", FakeArm.STORE_PASSWORD);
        System.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
        endpoints = new String[] {"--arm-endpoint", fake.baseUrl(), "--authority-host", fake.baseUrl()};
    }

    @AfterAll
    static void stopFakeArm() {
        PROPERTIES.forEach(System::clearProperty);
        fake.close();
    }

    @BeforeEach
    void captureLogs() {
        logs.start();
        root().addAppender(logs);
    }

    @AfterEach
    void stopCapture() {
        root().detachAppender(logs);
        root().setLevel(Level.WARN);
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    private static CliRun live(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of(endpoints));
        return CliRun.of(all.toArray(String[]::new));
    }

    private static Map<String, String> verdicts(String reportJson) throws Exception {
        Map<String, String> verdicts = new TreeMap<>();
        MAPPER.readTree(reportJson).get("clusters").forEach(c -> verdicts.put(c.get("name").asText(), c.get("readiness").asText()));
        return verdicts;
    }

    /** The report minus where each part was read from: the files and the input block legitimately differ. */
    private static JsonNode withoutSources(String reportJson) throws Exception {
        JsonNode report = MAPPER.readTree(reportJson);
        report.get("clusters").forEach(c -> ((ObjectNode) c).remove("source"));
        ((ObjectNode) report).remove("input");
        return report;
    }

    @Test
    void aLiveReadThatFindsNoClusterWarnsAndFailsTheGate() {
        CliRun run = live("report", "--subscription", "00000000-0000-0000-0000-0000000000ff", "--fail-on", "blocker");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.THRESHOLD_MET);
        assertThat(run.out()).contains("WARNING: the input is incomplete",
                "no managed cluster found live in subscription(s) 00000000-0000-0000-0000-0000000000ff");
        assertThat(run.err()).contains("warning: no managed cluster found live");
    }

    @Test
    void liveReportGivesTheSameVerdictsAsTheSavedSnapshotAndTheExportedFiles() throws Exception {
        CliRun live = live("report", "--format", "json");
        assertThat(live.exitCode()).as(live.err()).isZero();
        assertThat(live.err()).contains("Resource Graph can lag");

        Path snapshot = dir.resolve("snapshot.json");
        CliRun inventory = live("inventory", "--out", snapshot.toString());
        assertThat(inventory.exitCode()).as(inventory.err()).isZero();
        assertThat(inventory.out()).isEmpty();
        JsonNode saved = MAPPER.readTree(Files.readString(snapshot));
        assertThat(saved.get("snapshotVersion").asInt()).isEqualTo(1);
        assertThat(saved.at("/metadata/cloud").asText()).isEqualTo("AzureCloud");
        assertThat(saved.at("/metadata/queries")).isNotEmpty();
        assertThat(SchemaContractTest.schema("snapshot-v1.schema.json").validate(saved)).isEmpty();

        CliRun fromSnapshot = CliRun.of("report", "--from", snapshot.toString(), "--format", "json");
        assertThat(fromSnapshot.exitCode()).as(fromSnapshot.err()).isZero();
        CliRun fromFiles = CliRun.of("report", "--from", ExampleFleetReportTest.FLEET, "--format", "json");

        // The files add a node NIC's effective routes for aks-branch-sea, which a live scan does not read; its verdict
        // is the same (the unrun in-cluster checks leave it INCOMPLETE either way).
        assertThat(verdicts(live.out())).hasSize(33).isEqualTo(verdicts(fromSnapshot.out()))
                .isEqualTo(verdicts(fromFiles.out()));
        assertThat(withoutSources(fromSnapshot.out())).isEqualTo(withoutSources(live.out()));
    }

    @Test
    void livePlanReadsTheClusterThroughArmAndMatchesItsSnapshot() throws Exception {
        fake.clearRequests();
        CliRun live = live("plan", "--cluster", "aks-payments-stg-weu", "--format", "json");
        assertThat(live.exitCode()).as(live.err()).isZero();
        assertThat(fake.requests()).anySatisfy(r -> assertThat(r.path()).endsWith("/managedClusters/aks-payments-stg-weu"));

        Path snapshot = dir.resolve("cluster.json");
        assertThat(live("inventory", "--cluster", "aks-payments-stg-weu", "--out", snapshot.toString()).exitCode()).isZero();
        CliRun fromSnapshot = CliRun.of("plan", "--from", snapshot.toString(), "--cluster", "aks-payments-stg-weu", "--format", "json");
        assertThat(fromSnapshot.exitCode()).as(fromSnapshot.err()).isZero();
        JsonNode a = MAPPER.readTree(live.out());
        JsonNode b = MAPPER.readTree(fromSnapshot.out());
        ((ObjectNode) a).remove("source");
        ((ObjectNode) b).remove("source");
        assertThat(b).isEqualTo(a);
        assertThat(a.path("fingerprint").toString()).contains("00000000-0000-0000-0000-0000000e7a02");
    }

    @Test
    void secretsAndTokensNeverReachTheLogsOrTheOutput() throws Exception {
        Path snapshot = dir.resolve("snapshot.json");
        CliRun run = live("--verbose", "inventory", "--out", snapshot.toString());
        CliRun report = live("--verbose", "report");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(report.exitCode()).as(report.err()).isZero();
        assertThat(fake.issuedTokens()).isNotEmpty();
        assertThat(fake.requests()).anySatisfy(r -> assertThat(r.header("authorization")).isPresent());

        StringBuilder captured = new StringBuilder(run.out()).append(run.err()).append(report.out()).append(report.err())
                .append(Files.readString(snapshot));
        for (ILoggingEvent event : logs.list) {
            captured.append(event.getLoggerName()).append(' ').append(event.getFormattedMessage()).append('\n');
            if (event.getThrowableProxy() != null) {
                captured.append(ThrowableProxyUtil.asString(event.getThrowableProxy()));
            }
        }
        assertThat(logs.list).as("verbose mode logs something").isNotEmpty();
        assertThat(captured.toString()).doesNotContain(FakeArm.CLIENT_SECRET);
        for (String token : fake.issuedTokens()) {
            assertThat(captured.toString()).doesNotContain(token);
        }
    }

    @Test
    void aWrongSecretIsOneLineSayingHowToSignInOrUseFrom() {
        System.setProperty("AZURE_CLIENT_SECRET", "wrong-secret");
        try {
            CliRun run = live("report");
            assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
            assertThat(run.out()).isEmpty();
            String error = run.err().lines().filter(l -> l.startsWith("error: ")).findFirst().orElse("");
            assertThat(error).contains("sign-in failed", "--from").doesNotContain("wrong-secret");
            assertThat(run.err()).doesNotContain("\tat ");
        } finally {
            System.setProperty("AZURE_CLIENT_SECRET", FakeArm.CLIENT_SECRET);
        }
    }

    @Test
    void aPlainHttpEndpointIsRefusedBeforeAnyRequest() {
        int before = fake.requests().size();
        CliRun run = CliRun.of("report", "--arm-endpoint", "http://localhost:1/");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).contains("--arm-endpoint", "https://");
        assertThat(fake.requests()).hasSize(before);
    }

    @Test
    void progressGoesToStderrAndStdoutCarriesOnlyTheReport() throws Exception {
        CliRun run = live("report", "--format", "json", "--subscription", "00000000-0000-0000-0000-00000000a002");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("reading managed clusters (Resource Graph)");
        JsonNode report = MAPPER.readTree(run.out());
        assertThat(report.get("clusters")).as("the example fleet's clusters in that subscription").hasSize(9);
        assertThat(fake.requests().stream().filter(RecordedRequest::isResourceGraph).map(RecordedRequest::body))
                .anySatisfy(b -> assertThat(b).contains("00000000-0000-0000-0000-00000000a002"));
    }
}
