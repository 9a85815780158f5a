package org.kubenetmigrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kubenetmigrate.executor.azure.ClusterOperationsProvider;
import org.kubenetmigrate.executor.engine.GatePrompt;
import org.kubenetmigrate.executor.testing.FakeTime;
import org.kubenetmigrate.executor.testing.InMemoryClusterOperations;
import org.kubenetmigrate.executor.testing.Scenario;
import org.kubenetmigrate.executor.testing.ShmTempDir;

/**
 * apply, resume, status, rollback and unlock through the command line, with in-memory Azure injected through the
 * CLI's environment (the seam the Azure SDK adapter fills in a live build).
 */
class ExecutorCommandsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir(factory = ShmTempDir.class)
    Path dir;

    InMemoryClusterOperations azure;
    FakeTime time;
    Path plan;
    String state;

    @BeforeEach
    void setUp() {
        azure = Scenario.azure();
        time = FakeTime.at("2026-12-01T12:00:00Z");
        plan = Scenario.plan(dir, Scenario.STG);
        state = dir.resolve("state").toString();
    }

    /** apply and resume run without Kubernetes access here: the in-cluster checks are skipped explicitly. */
    private CliRun run(String... args) {
        return CliRun.with(new CliEnvironment(time, clusterId -> azure, GatePrompt.NONE, time), withSkip(args));
    }

    static String[] withSkip(String... args) {
        boolean runs = args.length > 0 && (args[0].equals("apply") || args[0].equals("resume"))
                && !List.of(args).contains("--help");
        if (!runs) {
            return args;
        }
        List<String> all = new java.util.ArrayList<>(List.of(args));
        all.add("--skip-in-cluster-checks");
        return all.toArray(String[]::new);
    }


    @Test
    void applyWithAutoApproveMigratesAndSendsExactlyThePlannedUpdatesInOrder() {
        CliRun run = run("apply", plan.toString(), "--auto-approve", "--state", state);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("[1/7] precheck:", "[4/7] update-network-plugin:", "[7/7] validate:",
                "gate before disable-network-policy: approved by", "(flag --auto-approve)", "completed: cluster aks-payments-stg-weu runs Azure CNI Overlay");
        assertThat(run.err()).isEmpty();
        List<InMemoryClusterOperations.Call> puts = azure.mutatingCalls();
        assertThat(puts).extracting(c -> c.method() + " " + c.path() + " If-Match " + c.ifMatch() + " "
                + c.body().at("/properties/networkProfile/networkPlugin").asText() + "/"
                + c.body().at("/properties/networkProfile/networkPolicy").asText()).containsExactly(
                "PUT " + Scenario.STG_ID + " If-Match 00000000-0000-0000-0000-0000000e7a02 kubenet/none",
                "PUT " + Scenario.STG_ID + " If-Match fake-etag-0001 azure/none",
                "PUT " + Scenario.STG_ID + " If-Match fake-etag-0002 azure/calico");
    }

    @Test
    void withoutATerminalApplyStopsAtTheFirstGateWithExit5AndResumeFinishesIt() {
        CliRun stopped = run("apply", plan.toString(), "--state", state);

        assertThat(stopped.exitCode()).isEqualTo(ExitCodes.STOPPED_AT_GATE);
        assertThat(stopped.out()).contains("GATE before disable-network-policy (stage prepare)",
                "ENFORCEMENT GAP", "can be undone by rollback: Re-enable calico");
        assertThat(stopped.err()).startsWith("stopped: run ").contains("waiting for approval before"
                + " disable-network-policy");
        String runId = CliRun.runIdIn(stopped.out());
        assertThat(azure.mutatingCalls()).isEmpty();

        CliRun status = run("status", runId, "--state", state);
        assertThat(status.exitCode()).isZero();
        assertThat(status.out()).contains("disable-network-policy", "waiting-for-approval", "lock: not held");

        CliRun atPonr = run("resume", runId, "--approve-through", "validate", "--state", state);
        assertThat(atPonr.exitCode()).isEqualTo(ExitCodes.STOPPED_AT_GATE);
        assertThat(atPonr.out()).contains("GATE before update-network-plugin (stage migrate) — POINT OF NO RETURN",
                "cannot be undone: this is the point of no return");

        CliRun done = run("resume", runId, "--auto-approve", "--state", state);
        assertThat(done.exitCode()).as(done.err()).isZero();
        assertThat(azure.mutatingCalls()).hasSize(3);
        assertThat(run("resume", runId, "--state", state).out()).contains("has already completed; nothing to do");
        assertThat(azure.mutatingCalls()).hasSize(3);
    }

    @Test
    void outputJsonPrintsOnlyJsonLinesEndingWithTheResult() throws Exception {
        CliRun run = run("apply", plan.toString(), "--approve-through", "prepare", "--output", "json", "--state", state);

        assertThat(run.exitCode()).isEqualTo(ExitCodes.STOPPED_AT_GATE);
        List<String> lines = run.out().lines().toList();
        assertThat(lines).hasSizeGreaterThan(10);
        for (String line : lines) {
            assertThat(MAPPER.readTree(line).has("event")).as(line).isTrue();
        }
        assertThat(MAPPER.readTree(lines.get(0)).get("event").asText()).isEqualTo("run-started");
        JsonNode result = MAPPER.readTree(lines.get(lines.size() - 1));
        assertThat(result.get("event").asText()).isEqualTo("result");
        assertThat(result.get("outcome").asText()).isEqualTo("STOPPED_AT_GATE");
        assertThat(result.get("exitCode").asInt()).isEqualTo(5);
        assertThat(result.get("remediation")).isNotEmpty();
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("\"event\":\"request-sent\""));
    }

    @Test
    void dryRunPrintsEveryRequestWithItsFullBodyAndSendsNone() {
        CliRun run = run("apply", plan.toString(), "--dry-run", "--state", state);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("nothing is sent", "readiness INCOMPLETE, no blockers",
                "would send: PUT " + Scenario.STG_ID + "?api-version=2025-09-01",
                "If-Match: 00000000-0000-0000-0000-0000000e7a02", "[GATE: POINT OF NO RETURN]",
                "\"networkPluginMode\" : \"overlay\"", "Would send 3 mutating requests; sent none.");
        assertThat(azure.mutatingCalls()).isEmpty();
        assertThat(Files.exists(dir.resolve("state"))).isFalse();
    }

    @Test
    void aStalePlanExits4AndSendsNothing() {
        azure.changeOutOfBand(Scenario.STG_ID, c -> ((com.fasterxml.jackson.databind.node.ObjectNode)
                c.at("/properties")).put("kubernetesVersion", "1.32.1"));

        CliRun run = run("apply", plan.toString(), "--auto-approve", "--state", state);

        assertThat(run.exitCode()).isEqualTo(ExitCodes.STALE_PLAN);
        assertThat(run.err()).startsWith("error: plan ").contains("is stale");
        assertThat(azure.mutatingCalls()).isEmpty();
    }

    @Test
    void aSecondApplyOnALockedClusterExits7NamingTheHolder() {
        String runId = CliRun.runIdIn(run("apply", plan.toString(), "--approve-through", "prepare", "--state", state).out());

        CliRun second = run("apply", plan.toString(), "--state", state);

        assertThat(second.exitCode()).isEqualTo(ExitCodes.LOCK_HELD);
        assertThat(second.out()).isEmpty();
        assertThat(second.err()).contains("is locked by run " + runId, System.getProperty("user.name"),
                "unlock " + runId + " --force");

        assertThat(run("unlock", runId, "--state", state).exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        CliRun unlocked = run("unlock", runId, "--force", "--state", state);
        assertThat(unlocked.exitCode()).isZero();
        assertThat(unlocked.err()).contains("removed the lock of run " + runId);
    }

    @Test
    void rollbackBeforeThePointOfNoReturnRestoresThePolicyAndAfterItExits8WithTheWayForward() {
        String stopped = CliRun.runIdIn(run("apply", plan.toString(), "--approve-through", "prepare", "--state", state).out());
        CliRun rolledBack = run("rollback", stopped, "--state", state);
        assertThat(rolledBack.exitCode()).as(rolledBack.err()).isZero();
        assertThat(rolledBack.out()).contains("undo disable-network-policy: Re-enable calico", "rolled back");
        assertThat(azure.resource(Scenario.STG_ID).at("/properties/networkProfile/networkPolicy").asText())
                .isEqualTo("calico");

        InMemoryClusterOperations other = Scenario.azure();
        azure = other;
        String done = CliRun.runIdIn(run("apply", plan.toString(), "--auto-approve", "--state", dir.resolve("s2").toString())
                .out());
        CliRun refused = run("rollback", done, "--state", dir.resolve("s2").toString());
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.ROLLBACK_REFUSED);
        assertThat(refused.err()).contains("run " + done + " has completed", "no way back to kubenet",
                "nothing to roll back", "status " + done);
    }

    @Test
    void resumeOfACompletedRunAndRollbackOfARolledBackRunSaySoInOneLine() {
        String done = CliRun.runIdIn(run("apply", plan.toString(), "--auto-approve", "--state", state).out());

        CliRun resumed = run("resume", done, "--state", state);

        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.out()).isEqualTo("run " + done + " has already completed; nothing to do\n");

        azure = Scenario.azure();
        String s2 = dir.resolve("s2").toString();
        String stopped = CliRun.runIdIn(run("apply", plan.toString(), "--approve-through", "prepare", "--state", s2).out());
        assertThat(run("rollback", stopped, "--state", s2).exitCode()).isZero();

        CliRun again = run("rollback", stopped, "--state", s2);

        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).isEqualTo("run " + stopped + " was already rolled back\n");
    }

    @Test
    void statusAsJsonHasEveryStep() throws Exception {
        String runId = CliRun.runIdIn(run("apply", plan.toString(), "--approve-through", "prepare", "--state", state).out());

        CliRun status = run("status", runId, "--format", "json", "--state", state);

        assertThat(status.exitCode()).isZero();
        JsonNode json = MAPPER.readTree(status.out());
        assertThat(json.at("/detail/steps")).hasSize(7);
        assertThat(json.at("/detail/steps/3/status").asText()).isEqualTo("waiting-for-approval");
        assertThat(json.at("/runs/0/startedAt").asText()).isEqualTo("2026-12-01T12:00:00Z");
        assertThat(run("status", "--state", state).out()).contains(runId, "aks-payments-stg-weu", "stopped");
    }

    @Test
    void withoutAnAzureAdapterApplySaysSoAndExits1WritingNothing() {
        // The shipped build registers the SDK adapter (LiveApplyTest); a build without one is this provider.
        CliRun run = CliRun.with(new CliEnvironment(time, ClusterOperationsProvider.unavailable(), GatePrompt.NONE, time),
                "apply", plan.toString(), "--auto-approve", "--state", state);

        assertThat(run.exitCode()).isEqualTo(ExitCodes.UNEXPECTED);
        assertThat(run.err()).startsWith("error: live Azure access is not available in this build").doesNotContain("\tat ");
        assertThat(run.out()).isEmpty();
        assertThat(Files.exists(dir.resolve("state"))).isFalse();
    }

    @Test
    void usageErrorsExit2WithOneLine() throws Exception {
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"schemaVersion\": 1, \"kind\": \"report\"}");
        CliRun bad = run("apply", broken.toString(), "--state", state);
        assertThat(bad.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(bad.err()).isEqualTo("error: " + broken + ": /kind: expected \"plan\", found \"report\": apply"
                + " takes the output of 'plan -o json', not a report\n");

        CliRun stage = run("apply", plan.toString(), "--approve-through", "nope", "--state", state);
        assertThat(stage.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(stage.err()).contains("--approve-through nope: the plan has no such stage");

        CliRun both = run("apply", plan.toString(), "--auto-approve", "--approve-through", "prepare");
        assertThat(both.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(both.err()).contains("mutually exclusive");

        CliRun unknown = run("resume", "no-such-run", "--state", state);
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(unknown.err()).contains("no run no-such-run");

        CliRun timeout = run("apply", plan.toString(), "--operation-timeout", "soon");
        assertThat(timeout.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(timeout.err()).contains("'soon' is not a duration");
        assertThat(azure.mutatingCalls()).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void applyAndResumeHelpNameTheInClusterAndIdentitySettleFlags() {
        for (String command : List.of("apply", "resume")) {
            CliRun help = CliRun.of(command, "--help");
            assertThat(help.exitCode()).isZero();
            assertThat(help.out()).contains("--skip-in-cluster-checks", "--identity-settle=DURATION", "60m");
        }
    }
}
