package org.kubenetmigrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kubenetmigrate.executor.azure.ClusterOperationsProvider;
import org.kubenetmigrate.executor.engine.GatePrompt;
import org.kubenetmigrate.testsupport.Azurite;
import org.kubenetmigrate.testsupport.FakeArm;
import org.kubenetmigrate.testsupport.ManagedClusterWrites;
import org.kubenetmigrate.testsupport.RecordedRequest;
import org.kubenetmigrate.testsupport.SyntheticFleet;

/**
 * Fleet rollouts end to end: worker processes (separate JVMs running the real CLI) sharing one state in Blob Storage
 * (Azurite, through the Azure SDK) and migrating clusters on the fake ARM over HTTPS. Everything is checked from the
 * outside: the fake ARM's request log (what was sent, when, to which cluster) and {@code rollout status}.
 */
@Tag("slow")
@ExtendWith(Azurite.class)
@Tag("slow")
class RolloutLiveTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern CLUSTER = Pattern.compile("(?i)/managedClusters/([^/?]+)");

    static final String STRATEGY = """
            stages:
              - name: canary
                maxConcurrency: 2
                groups:
                  - name: ring0
                    selector: { name: "aks-0-*" }
                    maxConcurrency: 2
              - name: production
                maxConcurrency: 2
                groups:
                  - { name: eu, selector: { name: "aks-1-*" }, maxConcurrency: 2 }
                  - { name: us, selector: { name: "aks-2-*" } }
            maxAllowedFailures: 0
            """;

    @TempDir
    Path dir;

    FakeArm fake;
    ManagedClusterWrites writes;
    Azurite azurite;
    String state;
    final List<Process> children = new ArrayList<>();

    @BeforeEach
    void setUp(Azurite azurite, org.junit.jupiter.api.TestInfo test) throws IOException {
        this.azurite = azurite;
        fake = FakeArm.start();
        SyntheticFleet.load(fake.resources(), 3, 4);
        writes = ManagedClusterWrites.install(fake).pollsPerOperation(3).rolloutReadsPerPool(1).retryAfterSeconds("0");
        LiveArm.jvmSettings(FakeArm.trustStoreFile()).forEach(System::setProperty);
        Path fleet = Files.createDirectories(dir.resolve("fleet"));
        int n = 0;
        for (JsonNode resource : fake.resources().all()) {
            Files.writeString(fleet.resolve("resource-" + (n++) + ".json"), resource.toPrettyString());
        }
        state = azurite.containerUrl("rollouts-" + test.getTestMethod().orElseThrow().getName().length()
                + "-" + Math.abs(test.getDisplayName().hashCode() % 100000)) + "/team-a";
    }

    @AfterEach
    void tearDown() {
        children.forEach(Process::destroyForcibly);
        LiveArm.PROPERTIES.forEach(System::clearProperty);
        fake.close();
    }

    CliRun cli(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        return CliRun.with(new CliEnvironment(Clock.systemUTC(), ClusterOperationsProvider.discover(), GatePrompt.NONE,
                d -> Thread.sleep(Math.max(1, d.toMillis() / 100)),
                Map.of("AZURE_STORAGE_CONNECTION_STRING", azurite.connectionString())), all.toArray(String[]::new));
    }

    void create(String name, String strategy) throws IOException {
        Path file = dir.resolve(name + ".yaml");
        Files.writeString(file, strategy);
        CliRun created = cli("rollout", "create", name, "--strategy", file.toString(), "--from",
                dir.resolve("fleet").toString(), "--state", state);
        assertThat(created.exitCode()).as(created.out() + created.err()).isZero();
    }

    Process worker(String name, String id, String... more) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-XX:+UseSerialGC");
        LiveArm.jvmSettings(FakeArm.trustStoreFile()).forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(ChildCli.class.getName());
        command.addAll(List.of("rollout", "work", name, "--state", state, "--worker", id, "--auto-approve",
                "--lease-duration", "15s", "--poll-interval", "1s", "--skip-in-cluster-checks", "--arm-endpoint", fake.baseUrl(),
                "--authority-host", fake.baseUrl()));
        command.addAll(List.of(more));
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(dir.resolve(id + ".out").toFile())
                .redirectError(dir.resolve(id + ".err").toFile());
        builder.environment().put("AZURE_STORAGE_CONNECTION_STRING", azurite.connectionString());
        Process process = builder.start();
        children.add(process);
        return process;
    }

    String output(String id) {
        try {
            return Files.readString(dir.resolve(id + ".out")) + Files.readString(dir.resolve(id + ".err"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JsonNode status(String name) throws IOException {
        CliRun status = cli("rollout", "status", name, "--state", state, "-o", "json");
        assertThat(status.exitCode()).as(status.err()).isZero();
        assertThat(status.out() + status.err()).doesNotContain(Azurite.accountKey());
        return MAPPER.readTree(status.out());
    }

    List<RecordedRequest> puts() {
        return fake.requests().stream().filter(r -> r.method().equals("PUT")).toList();
    }

    static String cluster(RecordedRequest r) {
        Matcher m = CLUSTER.matcher(r.path());
        return m.find() ? m.group(1).toLowerCase(Locale.ROOT) : null;
    }

    /** The overlay update (the one-way change): a PUT whose body switches the plugin to azure in overlay mode. */
    static boolean overlayUpdate(RecordedRequest r) {
        return r.body().replace(" ", "").contains("\"networkPluginMode\":\"overlay\"");
    }

    @Test
    void threeWorkersMigrateTwelveMembersInStageOrderWithinEveryLimitAndSendEachUpdateOnce() throws Exception {
        create("fleet-q1", STRATEGY);
        List<Process> workers = List.of(worker("fleet-q1", "w1", "--wait"), worker("fleet-q1", "w2", "--wait"),
                worker("fleet-q1", "w3", "--wait"));
        for (int i = 0; i < workers.size(); i++) {
            assertThat(workers.get(i).waitFor(240, TimeUnit.SECONDS)).as("worker %d ended", i + 1).isTrue();
            assertThat(workers.get(i).exitValue()).as(output("w" + (i + 1))).isZero();
            assertThat(output("w" + (i + 1))).doesNotContain(Azurite.accountKey());
        }

        // Each member's overlay update was sent exactly once, and no request was sent twice.
        Map<String, Long> overlayPuts = new TreeMap<>();
        puts().stream().filter(RolloutLiveTest::overlayUpdate)
                .forEach(r -> overlayPuts.merge(cluster(r), 1L, Long::sum));
        assertThat(overlayPuts).hasSize(12).allSatisfy((c, n) -> assertThat(n).as(c).isEqualTo(1L));
        assertThat(puts().stream().map(r -> r.path() + " " + r.header("If-Match").orElse("")).toList())
                .doesNotHaveDuplicates();

        // From the request log: every cluster's requests form an interval; at no instant do more clusters of a
        // stage or group have one open than the strategy allows, and production starts after canary ended.
        Map<String, long[]> spans = new HashMap<>();
        for (RecordedRequest r : fake.requests()) {
            String c = cluster(r);
            if (c != null) {
                spans.merge(c, new long[] {r.sequence(), r.sequence()},
                        (a, b) -> new long[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
            }
        }
        assertThat(spans).hasSize(12);
        assertWithin(spans, c -> c.startsWith("aks-0-"), 2, "canary");
        assertWithin(spans, c -> c.startsWith("aks-1-") || c.startsWith("aks-2-"), 2, "production");
        assertWithin(spans, c -> c.startsWith("aks-1-"), 2, "group eu");
        assertWithin(spans, c -> c.startsWith("aks-2-"), 1, "group us");
        long canaryEnd = spans.entrySet().stream().filter(e -> e.getKey().startsWith("aks-0-"))
                .mapToLong(e -> e.getValue()[1]).max().orElseThrow();
        long productionStart = spans.entrySet().stream().filter(e -> !e.getKey().startsWith("aks-0-"))
                .mapToLong(e -> e.getValue()[0]).min().orElseThrow();
        assertThat(productionStart).as("production starts after canary ended").isGreaterThan(canaryEnd);

        JsonNode status = status("fleet-q1");
        assertThat(status.get("status").asText()).isEqualTo("Completed");
        assertThat(status.at("/counts/completed").asInt()).isEqualTo(12);
        assertThat(status.at("/counts/failed").asInt()).isZero();
        status.get("stages").forEach(s -> assertThat(s.get("status").asText()).isEqualTo("Completed"));
        status.findValues("members").forEach(ms -> ms.forEach(m -> {
            assertThat(m.get("status").asText()).isEqualTo("Completed");
            assertThat(m.get("step").asText()).isEqualTo("finished");
            assertThat(m.get("worker").asText()).matches("w[123]");
        }));
        int ran = 0;
        for (String id : List.of("w1", "w2", "w3")) {
            System.out.println(output(id));
            Matcher m = Pattern.compile("ran (\\d+) member").matcher(output(id));
            assertThat(m.find()).as(output(id)).isTrue();
            ran += Integer.parseInt(m.group(1));
        }
        assertThat(ran).isEqualTo(12);
    }

    private static void assertWithin(Map<String, long[]> spans, java.util.function.Predicate<String> scope, int limit,
                                     String what) {
        List<long[]> events = new ArrayList<>();
        spans.forEach((c, span) -> {
            if (scope.test(c)) {
                events.add(new long[] {span[0], +1});
                events.add(new long[] {span[1], -1});
            }
        });
        events.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(b[1], a[1]));
        int open = 0;
        int most = 0;
        for (long[] e : events) {
            open += (int) e[1];
            most = Math.max(most, open);
        }
        assertThat(most).as("most clusters of %s in flight at one instant", what).isBetween(1, limit);
    }

    /**
     * {@code kill -9} of the worker at two moments of a member's plugin update, as the fake sees them: the PUT
     * applied but its answer (the operation URL) never reached the worker; the operation in flight with its URL
     * journaled. Another worker takes the member over once the lease is gone and finishes it without a second PUT.
     * The first waits for Azurite's real lease to expire (15 s, the shortest Blob Storage allows); the second breaks
     * the dead worker's leases at once, as their expiry would, so that the suite does not wait twice.
     */
    @ParameterizedTest(name = "kill -9 at {0}")
    @ValueSource(strings = {"put-accepted 2|expire", "poll 2 2|break"})
    void aKilledWorkersMemberIsTakenOverAndFinishedWithoutASecondPut(String scenario) throws Exception {
        String crashPoint = scenario.substring(0, scenario.indexOf('|'));
        boolean breakLeases = scenario.endsWith("|break");
        create("crash", """
                stages:
                  - name: only
                    groups:
                      - name: ring0
                        selector: { name: "aks-0-*" }
                """);
        AtomicReference<Process> first = new AtomicReference<>();
        AtomicBoolean killed = new AtomicBoolean();
        writes.simulator().observe(event -> {
            if (event.equals(crashPoint) && killed.compareAndSet(false, true)) {
                killNine(first.get());
            }
        });
        first.set(worker("crash", "doomed"));
        assertThat(first.get().waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(killed).as("crash point reached; worker output:%n%s", output("doomed")).isTrue();
        assertThat(first.get().exitValue()).isEqualTo(137);
        writes.simulator().observe(event -> { });
        assertThat(status("crash").at("/counts/running").asInt()).as("the dead worker's member").isEqualTo(1);
        if (breakLeases) {
            assertThat(breakLeases()).as("the dead worker held leases").isPositive();
        }

        Process second = worker("crash", "rescuer", "--wait");
        assertThat(second.waitFor(180, TimeUnit.SECONDS)).isTrue();
        assertThat(second.exitValue()).as(output("rescuer")).isZero();
        assertThat(output("rescuer")).contains("stopped renewing its lease; taking over from the journal");

        Map<String, Long> overlayPuts = new TreeMap<>();
        puts().stream().filter(RolloutLiveTest::overlayUpdate).forEach(r -> overlayPuts.merge(cluster(r), 1L, Long::sum));
        assertThat(overlayPuts).hasSize(4).allSatisfy((c, n) -> assertThat(n).as(c).isEqualTo(1L));
        JsonNode status = status("crash");
        assertThat(status.get("status").asText()).isEqualTo("Completed");
        assertThat(status.at("/counts/completed").asInt()).isEqualTo(4);
    }

    /** Breaks every lease held in the test's state at once (what their expiry does a few seconds later). */
    int breakLeases() {
        String url = state.substring(0, state.lastIndexOf('/'));
        com.azure.storage.blob.BlobContainerClient container = new com.azure.storage.blob.BlobServiceClientBuilder()
                .connectionString(azurite.connectionString())
                .httpClient(org.kubenetmigrate.planner.azure.AzureSession.jvmTrustingHttpClient()).buildClient()
                .getBlobContainerClient(url.substring(url.lastIndexOf('/') + 1));
        int broken = 0;
        for (com.azure.storage.blob.models.BlobItem blob : container.listBlobs()) {
            if (blob.getProperties().getLeaseState() == com.azure.storage.blob.models.LeaseStateType.LEASED) {
                new com.azure.storage.blob.specialized.BlobLeaseClientBuilder()
                        .blobClient(container.getBlobClient(blob.getName())).buildClient()
                        .breakLeaseWithResponse(new com.azure.storage.blob.options.BlobBreakLeaseOptions()
                                .setBreakPeriod(java.time.Duration.ZERO), null, com.azure.core.util.Context.NONE);
                broken++;
            }
        }
        return broken;
    }

    private static void killNine(Process process) {
        try {
            new ProcessBuilder("kill", "-9", Long.toString(process.pid())).inheritIO().start().waitFor(10,
                    TimeUnit.SECONDS);
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
