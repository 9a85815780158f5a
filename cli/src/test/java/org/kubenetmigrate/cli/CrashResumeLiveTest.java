package org.kubenetmigrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kubenetmigrate.executor.azure.ClusterOperationsProvider;
import org.kubenetmigrate.executor.engine.GatePrompt;
import org.kubenetmigrate.executor.testing.FakeTime;
import org.kubenetmigrate.executor.testing.Scenario;
import org.kubenetmigrate.testsupport.RecordedRequest;

/**
 * A real {@code kill -9} of the CLI in a child JVM at chosen moments of a migration against the fake ARM (which runs
 * in this JVM and kills the child from inside its request handler, so the moment is exact), then {@code resume}:
 * the run finishes, every change was sent exactly once, and every journal record written before the kill is still
 * there, in order.
 */
@Tag("slow")
class CrashResumeLiveTest {
    private static final String EXPECTED_PUTS_KEY = "3 conditional PUTs";

    @TempDir
    Path dir;

    LiveArm arm;
    Path plan;
    Path state;

    @BeforeEach
    void setUp() {
        arm = LiveArm.start();
        arm.writes.retryAfterSeconds("1");
        plan = Scenario.plan(dir, Scenario.STG);
        state = dir.resolve("state");
    }

    @AfterEach
    void tearDown() {
        arm.close();
    }

    /**
     * Crash points, as the fake sees them (before its answer leaves):
     * <ul>
     *   <li>{@code put-accepted 1}: disable-network-policy's PUT applied, the answer (and its operation URL) lost;</li>
     *   <li>{@code put-accepted 2}: the plugin update accepted, its operation URL never journaled;</li>
     *   <li>{@code poll 2 2}: the plugin update's operation in flight, its URL journaled;</li>
     *   <li>{@code operation-finished 2}: the plugin update succeeded in Azure, the process never learned it;</li>
     *   <li>{@code poll 3 1}: after the plugin update and the rollout were journaled, during restore-network-policy.</li>
     * </ul>
     */
    @ParameterizedTest(name = "kill -9 at {0}")
    @ValueSource(strings = {"put-accepted 1", "put-accepted 2", "poll 2 2", "operation-finished 2", "poll 3 1"})
    void aKilledApplyResumesToTheEndWithEveryChangeSentOnceAndNoJournalRecordLost(String crashPoint) throws Exception {
        AtomicReference<Process> child = new AtomicReference<>();
        AtomicBoolean killed = new AtomicBoolean();
        arm.writes.simulator().observe(event -> {
            if (event.equals(crashPoint) && killed.compareAndSet(false, true)) {
                killNine(child.get());
            }
        });
        child.set(startChild("apply", plan.toString(), "--auto-approve", "--skip-in-cluster-checks", "--state",
                state.toString()));
        boolean ended = child.get().waitFor(120, TimeUnit.SECONDS);
        assertThat(ended).as("child ended").isTrue();
        assertThat(killed).as("the crash point %s was reached; child output:%n%s", crashPoint, childOutput()).isTrue();
        assertThat(child.get().exitValue()).isEqualTo(137);
        arm.writes.simulator().observe(event -> { });

        Path runDir = onlyRun();
        List<String> beforeResume = completeLines(runDir.resolve("journal.jsonl"));
        assertThat(beforeResume).isNotEmpty();
        int putsBeforeResume = arm.mutating().size();

        FakeTime time = FakeTime.at("2026-12-01T12:00:00Z");
        List<String> args = new ArrayList<>(List.of("resume", runDir.getFileName().toString(), "--auto-approve", "--skip-in-cluster-checks",
                "--state", state.toString()));
        args.addAll(arm.endpointArgs());
        CliRun resumed = CliRun.with(new CliEnvironment(time, ClusterOperationsProvider.discover(), GatePrompt.NONE, time),
                args.toArray(String[]::new));

        assertThat(resumed.exitCode()).as(resumed.out() + resumed.err()).isZero();
        assertThat(resumed.out()).contains("completed: cluster aks-payments-stg-weu runs Azure CNI Overlay");
        List<RecordedRequest> puts = arm.mutating();
        assertThat(puts).as(EXPECTED_PUTS_KEY + ", %d before the resume", putsBeforeResume)
                .extracting(LiveApplyTest::describe).containsExactly(
                "PUT " + Scenario.STG_ID + "?api-version=2025-09-01 If-Match \"00000000-0000-0000-0000-0000000e7a02\""
                        + " kubenet/-/none/10.244.0.0/16",
                "PUT " + Scenario.STG_ID + "?api-version=2025-09-01 If-Match \"fake-etag-0001\" azure/overlay/none/10.244.0.0/16",
                "PUT " + Scenario.STG_ID + "?api-version=2025-09-01 If-Match \"fake-etag-0002\" azure/overlay/calico/10.244.0.0/16");
        List<String> after = completeLines(runDir.resolve("journal.jsonl"));
        assertThat(after.subList(0, beforeResume.size())).as("records written before the kill").isEqualTo(beforeResume);
        assertThat(after.size()).isGreaterThan(beforeResume.size());
        System.out.println("kill -9 at " + crashPoint + ": " + beforeResume.size() + " journal records before, "
                + after.size() + " after resume; PUTs before resume " + putsBeforeResume + ", total " + puts.size());
    }

    private Process startChild(String... cliArgs) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-XX:+UseSerialGC");
        LiveArm.jvmSettings(arm.trustStore).forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(ChildCli.class.getName());
        command.addAll(List.of(cliArgs));
        command.addAll(arm.endpointArgs());
        return new ProcessBuilder(command).redirectOutput(dir.resolve("child.out").toFile())
                .redirectError(dir.resolve("child.err").toFile()).start();
    }

    /** A real SIGKILL, as {@code kill -9} sends it; returns once the process is gone. */
    private static void killNine(Process process) {
        try {
            Process kill = new ProcessBuilder("kill", "-9", Long.toString(process.pid())).inheritIO().start();
            kill.waitFor(10, TimeUnit.SECONDS);
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String childOutput() throws IOException {
        Path out = dir.resolve("child.out");
        Path err = dir.resolve("child.err");
        return (Files.exists(out) ? Files.readString(out) : "") + (Files.exists(err) ? Files.readString(err) : "");
    }

    private Path onlyRun() throws IOException {
        try (Stream<Path> runs = Files.list(state.resolve("runs"))) {
            List<Path> all = runs.filter(Files::isDirectory).toList();
            assertThat(all).hasSize(1);
            return all.get(0);
        }
    }

    /** The journal's records; a torn last line (no newline yet) is not a record. */
    private static List<String> completeLines(Path journal) throws IOException {
        String text = Files.readString(journal);
        int end = text.lastIndexOf('\n');
        return end < 0 ? List.of() : List.of(text.substring(0, end).split("\n"));
    }
}
