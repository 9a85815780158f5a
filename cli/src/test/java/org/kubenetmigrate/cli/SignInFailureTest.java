package org.kubenetmigrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kubenetmigrate.executor.azure.ClusterOperationsProvider;
import org.kubenetmigrate.executor.engine.GatePrompt;
import org.kubenetmigrate.executor.testing.FakeTime;
import org.kubenetmigrate.executor.testing.Scenario;
import org.kubenetmigrate.testsupport.FakeArm;
import org.slf4j.LoggerFactory;

/**
 * A sign-in that cannot work, through the real credential and SDK against the fake ARM: every command that reads
 * Azure says so in one line with the same exit code, before anything is read, locked or written, and without the
 * SDK's own log lines; after signing in properly, {@code apply} of the same plan starts afresh.
 */
@Tag("slow")
class SignInFailureTest {
    private static final String WRONG = "wrong-secret-Xy12";

    @TempDir
    Path dir;

    LiveArm arm;
    FakeTime time;
    Path plan;
    String state;
    final ListAppender<ILoggingEvent> logs = new ListAppender<>();

    @BeforeEach
    void setUp() {
        arm = LiveArm.start();
        time = FakeTime.at("2026-12-01T12:00:00Z");
        plan = Scenario.plan(dir, Scenario.STG);
        state = dir.resolve("state").toString();
        logs.start();
        root().addAppender(logs);
    }

    @AfterEach
    void tearDown() {
        root().detachAppender(logs);
        arm.close();
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    private CliRun run(String... args) {
        List<String> all = new ArrayList<>(List.of(ExecutorCommandsTest.withSkip(args)));
        all.addAll(arm.endpointArgs());
        return CliRun.with(new CliEnvironment(time, ClusterOperationsProvider.discover(), GatePrompt.NONE, time),
                all.toArray(String[]::new));
    }


    private static void wrongSecret() {
        System.setProperty("AZURE_CLIENT_SECRET", WRONG);
    }

    private static void rightSecret() {
        System.setProperty("AZURE_CLIENT_SECRET", FakeArm.CLIENT_SECRET);
    }

    @Test
    void everyCommandThatReadsAzureFailsInOneLineWithExit2AndNoSdkLogLines() throws Exception {
        // A run to resume and roll back, stopped at its first gate.
        String runId = CliRun.runIdIn(run("apply", plan.toString(), "--state", state).out());
        assertThat(runId).isNotNull();
        arm.fake.clearRequests();
        wrongSecret();
        List<List<String>> commands = List.of(
                List.of("apply", plan.toString(), "--auto-approve", "--state", state),
                List.of("apply", plan.toString(), "--dry-run", "--state", state),
                List.of("resume", runId, "--auto-approve", "--state", state),
                List.of("rollback", runId, "--state", state),
                List.of("report"),
                List.of("plan", "--cluster", Scenario.STG),
                List.of("inventory", "--out", dir.resolve("snapshot.json").toString()));

        for (List<String> command : commands) {
            CliRun run = run(command.toArray(String[]::new));

            assertThat(run.exitCode()).as(command + ": " + run.err()).isEqualTo(ExitCodes.INVALID_INPUT);
            assertThat(run.err().strip().lines()).as(command + ": " + run.err()).singleElement()
                    .satisfies(line -> assertThat(line).startsWith("error: Azure sign-in failed: ")
                            .contains("az login").doesNotContain("HTTP 401").doesNotContain(WRONG));
            assertThat(run.out()).as(command.toString()).isEmpty();
        }
        assertThat(logs.list).extracting(ILoggingEvent::getLoggerName)
                .noneMatch(name -> name.startsWith("com.azure") || name.startsWith("com.microsoft"));
        // Nothing but token requests reached the fake, and no second run was created.
        assertThat(arm.fake.requests()).allMatch(r -> r.isTokenRequest() || r.path().contains("/.well-known/")
                || r.path().contains("discovery"));
        assertThat(Files.list(Path.of(state, "runs"))).hasSize(1);
    }

    @Test
    void afterAFailedSignInApplyingTheSamePlanAgainStartsAfreshAndCompletes() {
        wrongSecret();
        CliRun failed = run("apply", plan.toString(), "--auto-approve", "--state", state);
        assertThat(failed.exitCode()).as(failed.err()).isEqualTo(ExitCodes.INVALID_INPUT);

        rightSecret();
        CliRun again = run("apply", plan.toString(), "--auto-approve", "--state", state);

        assertThat(again.exitCode()).as(again.out() + again.err()).isZero();
        assertThat(again.out()).contains("completed: cluster aks-payments-stg-weu runs Azure CNI Overlay");
    }

    @Test
    void aRunThatStopsBeforeItsFirstChangeReleasesTheLockSoApplyingAgainIsNotRefused() {
        // Stopped at the gate before the first change: nothing was changed, nothing to protect.
        CliRun first = run("apply", plan.toString(), "--state", state);
        assertThat(first.exitCode()).as(first.err()).isEqualTo(ExitCodes.STOPPED_AT_GATE);
        assertThat(first.out()).contains("nothing was changed on cluster aks-payments-stg-weu, so its lock is released");

        CliRun again = run("apply", plan.toString(), "--auto-approve", "--state", state);

        assertThat(again.exitCode()).as(again.out() + again.err()).isZero();
        assertThat(CliRun.runIdIn(again.out())).isNotEqualTo(CliRun.runIdIn(first.out()));
    }
}
