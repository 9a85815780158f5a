package org.kubenetmigrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kubenetmigrate.executor.azure.ClusterOperationsProvider;
import org.kubenetmigrate.executor.engine.GatePrompt;
import org.kubenetmigrate.executor.testing.FakeTime;
import org.kubenetmigrate.executor.testing.Scenario;
import org.kubenetmigrate.testsupport.ManagedClusterWrites.BodyForm;
import org.kubenetmigrate.testsupport.ManagedClusterWrites.HeaderForm;
import org.kubenetmigrate.testsupport.RecordedRequest;

/**
 * The plan keeps the cluster body's {@code eTag}; ARM's {@code ETag} header may write the same tag quoted, weak or
 * bare. Through the real SDK over HTTPS, a cluster nobody changed is not stale in any of these forms, and every PUT
 * carries the ETag of the read just before it exactly as ARM wrote it.
 */
@Tag("slow")
class LiveEtagFormsTest {
    private static final String PLANNED = "00000000-0000-0000-0000-0000000e7a02";

    @TempDir
    Path dir;

    LiveArm arm;

    @AfterEach
    void tearDown() {
        if (arm != null) {
            arm.close();
        }
    }

    private CliRun apply(HeaderForm header, BodyForm body) {
        return apply(header, body, arm -> { });
    }

    private CliRun apply(HeaderForm header, BodyForm body, Consumer<LiveArm> before) {
        arm = LiveArm.start();
        arm.writes.etagForms(header, body);
        before.accept(arm);
        FakeTime time = FakeTime.at("2026-12-01T12:00:00Z");
        Path plan = Scenario.plan(dir, Scenario.STG);
        List<String> args = new ArrayList<>(List.of(ExecutorCommandsTest.withSkip("apply", plan.toString(),
                "--auto-approve", "--state", dir.resolve("state").toString())));
        args.addAll(arm.endpointArgs());
        return CliRun.with(new CliEnvironment(time, ClusterOperationsProvider.discover(), GatePrompt.NONE, time),
                args.toArray(String[]::new));
    }

    @Test
    void aQuotedEtagHeaderWithABareBodyEtagIsTheSameVersionAndTheRunCompletes() {
        CliRun run = apply(HeaderForm.QUOTED, BodyForm.BARE);

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("completed: cluster aks-payments-stg-weu runs Azure CNI Overlay");
        assertThat(arm.mutating()).extracting(r -> r.header("if-match").orElse("-")).containsExactly(
                "\"" + PLANNED + "\"", "\"fake-etag-0001\"", "\"fake-etag-0002\"");
    }

    @ParameterizedTest(name = "header {0}, body {1}")
    @CsvSource({
            "QUOTED, BARE,   \"" + PLANNED + "\"",
            "WEAK,   BARE,   W/\"" + PLANNED + "\"",
            "BARE,   BARE,   " + PLANNED,
            "NONE,   BARE,   " + PLANNED,
            "QUOTED, QUOTED, \"" + PLANNED + "\"",
            "NONE,   QUOTED, \"" + PLANNED + "\""})
    void everyFormOfTheSameTagPassesTheStaleGuardAndIsSentBackAsArmWroteIt(HeaderForm header, BodyForm body,
                                                                           String firstIfMatch) {
        CliRun run = apply(header, body);

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        List<RecordedRequest> puts = arm.mutating();
        assertThat(puts).hasSize(3);
        assertThat(puts.get(0).header("if-match")).contains(firstIfMatch);
    }

    @ParameterizedTest(name = "header {0}")
    @CsvSource({"QUOTED", "WEAK", "BARE", "NONE"})
    void aPropertyChangedSincePlanningIsStaleInEveryFormAndNothingIsSent(HeaderForm header) {
        CliRun run = apply(header, BodyForm.BARE, arm -> arm.writes.simulator().changeOutOfBand(Scenario.STG_ID,
                c -> c.with("properties").put("kubernetesVersion", "1.32.0")));

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCodes.STALE_PLAN);
        assertThat(run.err()).contains("is stale");
        assertThat(arm.mutating()).isEmpty();
    }

    /** Every write changes the ETag (a tag, the autoscaler): the run goes on, each PUT carrying the read's ETag. */
    @ParameterizedTest(name = "header {0}")
    @CsvSource({"QUOTED", "WEAK", "BARE", "NONE"})
    void aNewEtagAloneIsNotStaleAndThePutCarriesTheEtagOfTheRead(HeaderForm header) {
        CliRun run = apply(header, BodyForm.BARE, arm -> arm.writes.simulator().changeOutOfBand(Scenario.STG_ID,
                c -> c.with("tags").put("changed-by", "another-admin")));

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        String expected = switch (header) {
            case QUOTED -> "\"fake-etag-0001\"";
            case WEAK -> "W/\"fake-etag-0001\"";
            case BARE, NONE -> "fake-etag-0001";
        };
        assertThat(arm.mutating().get(0).header("if-match")).contains(expected);
    }
}
