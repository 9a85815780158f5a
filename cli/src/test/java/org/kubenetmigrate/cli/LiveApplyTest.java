package org.kubenetmigrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kubenetmigrate.executor.azure.ClusterOperationsProvider;
import org.kubenetmigrate.executor.engine.GatePrompt;
import org.kubenetmigrate.executor.testing.FakeTime;
import org.kubenetmigrate.executor.testing.Scenario;
import org.kubenetmigrate.testsupport.Fault;
import org.kubenetmigrate.testsupport.RecordedRequest;

/**
 * apply, resume and rollback through the command line against the fake ARM over HTTPS: the Azure adapter found by
 * ServiceLoader, the real credential, the real azure-core pipeline and JDK HTTP client. Only time is virtual (the
 * engine's waits pass instantly), so Retry-After and polling cost nothing.
 */
@Tag("slow")
class LiveApplyTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    LiveArm arm;
    FakeTime time;
    Path plan;
    String state;

    @BeforeEach
    void setUp() {
        arm = LiveArm.start();
        time = FakeTime.at("2026-12-01T12:00:00Z");
        plan = Scenario.plan(dir, Scenario.STG);
        state = dir.resolve("state").toString();
    }

    @AfterEach
    void tearDown() {
        arm.close();
    }

    private CliRun run(String... args) {
        List<String> all = new ArrayList<>(List.of(ExecutorCommandsTest.withSkip(args)));
        all.addAll(List.of("--state", state));
        all.addAll(arm.endpointArgs());
        return CliRun.with(new CliEnvironment(time, ClusterOperationsProvider.discover(), GatePrompt.NONE, time),
                all.toArray(String[]::new));
    }


    static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    static String describe(RecordedRequest r) {
        JsonNode body = json(r.body());
        JsonNode np = body.at("/properties/networkProfile");
        return r.method() + " " + r.path() + "?api-version=" + r.apiVersion() + " If-Match "
                + r.header("if-match").orElse("-") + " " + np.path("networkPlugin").asText() + "/"
                + np.path("networkPluginMode").asText("-") + "/" + np.path("networkPolicy").asText("-") + "/"
                + np.path("podCidr").asText("-");
    }

    private JsonNode cluster() {
        return arm.fake.resources().get(Scenario.STG_ID).orElseThrow();
    }

    @Test
    void autoApprovedMigrationSendsExactlyThreeConditionalPutsInOrderAndEndsOnOverlay() {
        CliRun run = run("apply", plan.toString(), "--auto-approve");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("completed: cluster aks-payments-stg-weu runs Azure CNI Overlay");
        assertThat(arm.mutating()).extracting(LiveApplyTest::describe).containsExactly(
                "PUT " + Scenario.STG_ID + "?api-version=2025-09-01 If-Match \"00000000-0000-0000-0000-0000000e7a02\""
                        + " kubenet/-/none/10.244.0.0/16",
                "PUT " + Scenario.STG_ID + "?api-version=2025-09-01 If-Match \"fake-etag-0001\" azure/overlay/none/"
                        + plannedPodCidr(),
                "PUT " + Scenario.STG_ID + "?api-version=2025-09-01 If-Match \"fake-etag-0002\" azure/overlay/calico/"
                        + plannedPodCidr());
        // The merged bodies carry what the client sets, not what ARM reports.
        for (RecordedRequest put : arm.mutating()) {
            JsonNode body = json(put.body());
            assertThat(body.at("/properties/provisioningState").isMissingNode()).isTrue();
            assertThat(body.at("/properties/powerState").isMissingNode()).isTrue();
            assertThat(body.has("eTag")).isFalse();
            assertThat(body.at("/properties/agentPoolProfiles/0/vmSize").asText()).isEqualTo("Standard_D4s_v5");
        }
        assertThat(cluster().at("/properties/networkProfile/networkPluginMode").asText()).isEqualTo("overlay");
        assertThat(cluster().at("/properties/agentPoolProfiles/0/nodeImageVersion").asText()).endsWith("-overlay");
        assertThat(arm.fake.requests()).filteredOn(r -> r.header("authorization").isPresent())
                .isNotEmpty().allSatisfy(r -> assertThat(r.isTokenRequest()).isFalse());
        System.out.println("Request counts of one migration (fake ARM, " + Scenario.STG + ", --auto-approve):");
        arm.countsByKind().forEach((kind, n) -> System.out.println("  " + kind + ": " + n));
    }

    /** The example plan keeps kubenet's pod CIDR for Overlay (it overlaps nothing). */
    private static String plannedPodCidr() {
        return "10.244.0.0/16";
    }

    @Test
    void dryRunReadsLiveAndSendsNoMutatingRequest() {
        CliRun run = run("apply", plan.toString(), "--dry-run");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("PUT", "api-version=2025-09-01");
        assertThat(arm.fake.requests()).anySatisfy(r -> assertThat(r.path()).endsWith("/aks-payments-stg-weu"));
        assertThat(arm.mutating()).isEmpty();
    }

    @Test
    void aClusterChangedSincePlanningIsRefusedWithExit4AndNothingSent() {
        // A property the plan depends on (a tag alone is not one: the write merges into a fresh read).
        arm.writes.simulator().changeOutOfBand(Scenario.STG_ID, c -> c.with("properties").put("kubernetesVersion", "1.32.0"));

        CliRun run = run("apply", plan.toString(), "--auto-approve");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.STALE_PLAN);
        assertThat(run.err()).contains("plan");
        assertThat(arm.mutating()).isEmpty();
    }

    @Test
    void aPreconditionFailedOnIfMatchStopsAsStaleAfterExactlyOnePut() {
        // Another admin writes the cluster between the executor's read and its PUT: ARM answers 412 for real.
        AtomicBoolean changed = new AtomicBoolean();
        arm.fake.fault(r -> {
            if (r.method().equals("PUT") && changed.compareAndSet(false, true)) {
                arm.writes.simulator().changeOutOfBand(Scenario.STG_ID, c -> c.with("tags").put("changed-by", "another-admin"));
            }
            return false;
        }, Fault.drop(), 1);

        CliRun run = run("apply", plan.toString(), "--auto-approve");

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCodes.STALE_PLAN);
        assertThat(run.out() + run.err()).contains("412");
        assertThat(arm.mutating()).hasSize(1);
        assertThat(cluster().at("/properties/networkProfile/networkPolicy").asText()).isEqualTo("calico");
    }

    @Test
    void aThrottledPutIsSentAgainOnlyAfterRetryAfterAndTheRunFinishes() {
        arm.fake.fault(r -> r.method().equals("PUT"), Fault.throttle(7), 1);

        CliRun run = run("apply", plan.toString(), "--auto-approve");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out() + run.err()).contains("throttled", "sending again after 7s");
        List<RecordedRequest> puts = arm.mutating();
        assertThat(puts).hasSize(4);
        assertThat(puts.get(1).body()).isEqualTo(puts.get(0).body());
        assertThat(puts.get(1).header("if-match")).isEqualTo(puts.get(0).header("if-match"));
    }

    @Test
    void aPluginUpdateThatEndsFailedExits6WithTheAksErrorCodeAndIsNotSentAgain() {
        String runId = CliRun.runIdIn(run("apply", plan.toString(), "--approve-through", "prepare").out());
        assertThat(arm.mutating()).hasSize(1);
        arm.writes.simulator().failNextOperation("NetworkPluginUpdateFailed", "Reimaging the node pool failed (fake).");

        CliRun run = run("resume", runId, "--auto-approve");

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCodes.STEP_FAILED);
        assertThat(run.out() + run.err()).contains("NetworkPluginUpdateFailed");
        assertThat(arm.mutating()).hasSize(2);
        CliRun again = run("resume", runId, "--auto-approve");
        assertThat(again.exitCode()).isNotZero();
        assertThat(arm.mutating()).hasSize(2);
    }

    @Test
    void rollbackBeforeThePointOfNoReturnRestoresCalicoWithOneConditionalPut() {
        String runId = CliRun.runIdIn(run("apply", plan.toString(), "--approve-through", "prepare").out());
        assertThat(cluster().at("/properties/networkProfile/networkPolicy").asText()).isEqualTo("none");

        CliRun rolledBack = run("rollback", runId);

        assertThat(rolledBack.exitCode()).as(rolledBack.out() + rolledBack.err()).isZero();
        assertThat(cluster().at("/properties/networkProfile/networkPolicy").asText()).isEqualTo("calico");
        assertThat(cluster().at("/properties/networkProfile/networkPlugin").asText()).isEqualTo("kubenet");
        assertThat(arm.mutating()).extracting(LiveApplyTest::describe).containsExactly(
                "PUT " + Scenario.STG_ID + "?api-version=2025-09-01 If-Match \"00000000-0000-0000-0000-0000000e7a02\""
                        + " kubenet/-/none/10.244.0.0/16",
                "PUT " + Scenario.STG_ID + "?api-version=2025-09-01 If-Match \"fake-etag-0001\""
                        + " kubenet/-/calico/10.244.0.0/16");
    }

    @Test
    void aPutRejectedWith500IsSentAgainOnlyAfterTheClusterShowsItWasNotApplied() {
        arm.fake.fault(r -> r.method().equals("PUT"), Fault.status(500), 1);

        CliRun run = run("apply", plan.toString(), "--auto-approve");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(arm.mutating()).hasSize(4);
        assertThat(arm.mutating().get(1).body()).isEqualTo(arm.mutating().get(0).body());
    }

    @Test
    void aPutAppliedWhoseAnswerWasLostIsNotSentAgain() {
        // The connection drops after ARM applied the plugin update: neither our code nor the SDK may send it again.
        arm.fake.fault(r -> r.method().equals("PUT") && r.body().contains("\"overlay\""), Fault.dropAfterHandling(), 1);

        CliRun run = run("apply", plan.toString(), "--auto-approve");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out() + run.err()).contains("no usable answer", "the change is in effect");
        assertThat(arm.mutating()).hasSize(3);
    }

    @Test
    void aDroppedConnectionBeforeArmActedIsSentAgainAfterLooking() {
        arm.fake.fault(r -> r.method().equals("PUT"), Fault.drop(), 1);

        CliRun run = run("apply", plan.toString(), "--auto-approve");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(arm.mutating()).hasSize(4);
    }

    @Test
    void anOperationThatNeverEndsTimesOutWithExit6AndIsNotSentAgain() {
        // Retry-After 60 s: 30 polls fill the 30 minutes (virtual time) instead of 1,800.
        arm.writes.retryAfterSeconds("60").simulator().operationsNeverEnd(true);

        CliRun run = run("apply", plan.toString(), "--auto-approve", "--operation-timeout", "30m");

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCodes.STEP_FAILED);
        assertThat(run.out() + run.err()).contains("still running after 30m", "nothing was cancelled");
        assertThat(arm.mutating()).hasSize(1);
    }

    @Test
    void failingPollsAreAskedAgainAndTheRunFinishes() {
        arm.fake.fault(r -> r.path().contains("/operations/"), Fault.status(503), 2);
        arm.fake.fault(r -> r.path().contains("/operations/"), Fault.drop(), 1);

        CliRun run = run("apply", plan.toString(), "--auto-approve");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(arm.mutating()).hasSize(3);
    }

    @Test
    void statusAndUnlockNeverReachAzure() {
        String runId = CliRun.runIdIn(run("apply", plan.toString(), "--approve-through", "prepare").out());
        arm.fake.clearRequests();

        assertThat(CliRun.of("status", runId, "--state", state).exitCode()).isZero();
        assertThat(CliRun.of("unlock", runId, "--force", "--state", state).exitCode()).isZero();
        assertThat(CliRun.of("apply", "--help").exitCode()).isZero();

        assertThat(arm.fake.requests()).isEmpty();
    }

    @Test
    void aFailedSignInIsOneLineWithoutTheSecretAndSendsNothing() {
        System.setProperty("AZURE_CLIENT_SECRET", "wrong-secret-Xy12");
        try {
            CliRun run = run("apply", plan.toString(), "--auto-approve");

            assertThat(run.exitCode()).as(run.out() + run.err()).isNotZero();
            assertThat(run.out() + run.err()).contains("sign-in failed").doesNotContain("wrong-secret-Xy12")
                    .doesNotContain("\tat ");
            assertThat(arm.mutating()).isEmpty();
            assertThat(arm.fake.requests()).noneMatch(r -> r.path().contains("/managedClusters/"));
        } finally {
            System.setProperty("AZURE_CLIENT_SECRET", org.kubenetmigrate.testsupport.FakeArm.CLIENT_SECRET);
        }
    }
}
