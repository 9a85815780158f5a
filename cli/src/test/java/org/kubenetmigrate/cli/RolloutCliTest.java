package org.kubenetmigrate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.kubenetmigrate.executor.azure.ClusterOperationsProvider;
import org.kubenetmigrate.executor.engine.GatePrompt;
import org.kubenetmigrate.testsupport.Azurite;
import org.kubenetmigrate.testsupport.FakeArm;
import org.kubenetmigrate.testsupport.ManagedClusterWrites;
import org.kubenetmigrate.testsupport.SyntheticFleet;

/**
 * The rollout commands in-process against Azurite and the fake ARM: a member waiting at its own gate is inspected
 * and resumed by hand with the single-cluster {@code status} and {@code resume} on the same state URL; bad state
 * URLs are one-line refusals that never echo a secret.
 */
@Tag("slow")
@ExtendWith(Azurite.class)
class RolloutCliTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    FakeArm fake;
    Azurite azurite;
    String state;

    @BeforeEach
    void setUp(Azurite azurite) throws Exception {
        this.azurite = azurite;
        fake = FakeArm.start();
        SyntheticFleet.load(fake.resources(), 1, 2);
        ManagedClusterWrites.install(fake).pollsPerOperation(2).rolloutReadsPerPool(1).retryAfterSeconds("0");
        LiveArm.jvmSettings(FakeArm.trustStoreFile()).forEach(System::setProperty);
        Path fleet = Files.createDirectories(dir.resolve("fleet"));
        int n = 0;
        for (JsonNode resource : fake.resources().all()) {
            Files.writeString(fleet.resolve("r" + (n++) + ".json"), resource.toPrettyString());
        }
        state = azurite.containerUrl("cli-" + System.nanoTime());
    }

    @AfterEach
    void tearDown() {
        LiveArm.PROPERTIES.forEach(System::clearProperty);
        fake.close();
    }

    CliRun cli(String... args) {
        CliRun run = CliRun.with(new CliEnvironment(Clock.systemUTC(), ClusterOperationsProvider.discover(),
                GatePrompt.NONE, d -> Thread.sleep(Math.max(1, d.toMillis() / 100)),
                Map.of("AZURE_STORAGE_CONNECTION_STRING", azurite.connectionString())), args);
        assertThat(run.out() + run.err()).doesNotContain(Azurite.accountKey());
        return run;
    }

    @Test
    void aMemberWaitingAtItsGateIsInspectedAndResumedByHandWithTheSameStateUrl() throws Exception {
        Path strategy = dir.resolve("s.yaml");
        Files.writeString(strategy, "stages: [ { name: all, groups: [ { name: g, selector: { name: 'aks-0-0' } } ] } ]\n");
        CliRun created = cli("rollout", "create", "by-hand", "--strategy", strategy.toString(), "--from",
                dir.resolve("fleet").toString(), "--state", state);
        assertThat(created.exitCode()).as(created.err()).isZero();
        assertThat(created.out()).contains("1 member(s)").contains("not in the rollout").contains("aks-0-1");

        CliRun work = cli("rollout", "work", "by-hand", "--state", state, "--skip-in-cluster-checks", "--arm-endpoint", fake.baseUrl(),
                "--authority-host", fake.baseUrl());
        assertThat(work.exitCode()).as(work.err()).isZero();
        assertThat(work.err()).contains("member aks-0-0: Pending");
        JsonNode rollout = MAPPER.readTree(cli("rollout", "status", "by-hand", "--state", state, "-o", "json").out());
        JsonNode member = rollout.at("/stages/0/groups/0/members/0");
        assertThat(member.get("status").asText()).isEqualTo("Pending");
        assertThat(member.get("step").asText()).contains("waiting for approval");
        String runId = member.get("runId").asText();
        assertThat(fake.requests()).noneMatch(r -> r.method().equals("PUT"));

        CliRun status = cli("status", runId, "--state", state);
        assertThat(status.exitCode()).as(status.err()).isZero();
        assertThat(status.out()).contains(runId).contains("waiting-for-approval");

        CliRun resumed = cli("resume", runId, "--auto-approve", "--skip-in-cluster-checks", "--state", state, "--arm-endpoint", fake.baseUrl(),
                "--authority-host", fake.baseUrl());
        assertThat(resumed.exitCode()).as(resumed.out() + resumed.err()).isZero();
        assertThat(resumed.err()).contains("member run " + runId + ": Completed");
        JsonNode after = MAPPER.readTree(cli("rollout", "status", "by-hand", "--state", state, "-o", "json").out());
        assertThat(after.get("status").asText()).isEqualTo("Completed");
        assertThat(fake.requests().stream().filter(r -> r.method().equals("PUT")).count()).isEqualTo(1);

        // Nothing in the shared state carries a credential: not the account key, not the service principal's secret.
        var store = org.kubenetmigrate.executor.commands.StateStores.open(
                org.kubenetmigrate.executor.state.StateLocation.parse(state),
                Map.of("AZURE_STORAGE_CONNECTION_STRING", azurite.connectionString()), () -> null, Clock.systemUTC());
        java.util.List<String> names = store.list("");
        assertThat(names).anyMatch(n -> n.endsWith("/journal.jsonl")).anyMatch(n -> n.contains("/backup/"))
                .anyMatch(n -> n.endsWith("/audit.jsonl"));
        for (String name : names) {
            String content = new String(store.read(name).orElseThrow().content(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(content).as(name).doesNotContain(Azurite.accountKey()).doesNotContain(FakeArm.CLIENT_SECRET)
                    .doesNotContain("AccountKey=");
        }
        String audit = new String(store.read(names.stream().filter(n -> n.endsWith("/audit.jsonl")).findFirst()
                .orElseThrow()).orElseThrow().content(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(audit).as("the audit record of the PUT reached the container").contains("mutating-request");
    }

    /**
     * The fleet files hold no lock list, so the lock check is unverified and the cluster INCOMPLETE; the rollout still
     * admits it because its precheck reads the locks live. A ReadOnly lock put on the node resource group after the
     * rollout was created stops the member at that precheck, before any change.
     */
    @Test
    void aMemberAdmittedWithoutLockDataIsStoppedByItsPrecheckWhenALockAppearsAfterCreation() throws Exception {
        Path strategy = dir.resolve("s.yaml");
        Files.writeString(strategy, "stages: [ { name: all, groups: [ { name: g, selector: { name: 'aks-0-0' } } ] } ]\n");
        CliRun report = cli("report", "--from", dir.resolve("fleet").toString(), "-o", "json");
        assertThat(MAPPER.readTree(report.out()).at("/summary/incompleteOnlyForPrecheckReads").asInt()).isEqualTo(2);
        assertThat(cli("report", "--from", dir.resolve("fleet").toString()).out()).contains(
                "2 clusters are INCOMPLETE only because the in-cluster checks did not run",
                "or the input holds no resource locks, network security groups, compute quota usages for them");
        JsonNode cluster = MAPPER.readTree(report.out()).get("clusters").get(0);
        assertThat(cluster.get("readiness").asText()).isEqualTo("INCOMPLETE");
        assertThat(cluster.get("unverified").toString()).contains("resource-lock", "az lock list -o json");
        CliRun created = cli("rollout", "create", "locked", "--strategy", strategy.toString(), "--from",
                dir.resolve("fleet").toString(), "--state", state);
        assertThat(created.exitCode()).as(created.err()).isZero();
        assertThat(created.out()).contains("1 member(s)");

        String clusterId = "/subscriptions/" + SyntheticFleet.subscriptionId(0)
                + "/resourceGroups/rg-aks-0-0/providers/Microsoft.ContainerService/managedClusters/aks-0-0";
        String nodeRg = "/subscriptions/" + SyntheticFleet.subscriptionId(0) + "/resourceGroups/"
                + fake.resources().get(clusterId).orElseThrow().at("/properties/nodeResourceGroup").asText();
        fake.resources().put(MAPPER.readTree("""
                {"id": "%s/providers/Microsoft.Authorization/locks/freeze", "name": "freeze",
                 "type": "Microsoft.Authorization/locks",
                 "properties": {"level": "ReadOnly", "notes": "change freeze", "owners": []}}""".formatted(nodeRg)));
        CliRun work = cli("rollout", "work", "locked", "--state", state, "--skip-in-cluster-checks", "--arm-endpoint",
                fake.baseUrl(), "--authority-host", fake.baseUrl());

        JsonNode member = MAPPER.readTree(cli("rollout", "status", "locked", "--state", state, "-o", "json").out())
                .at("/stages/0/groups/0/members/0");
        assertThat(member.get("status").asText()).as(work.err()).isEqualTo("Failed");
        assertThat(member.get("step").asText()).startsWith("precheck");
        assertThat(member.get("reason").asText()).contains("resource-lock", "ReadOnly lock freeze");
        assertThat(fake.requests()).as("the precheck read the lock list live")
                .anyMatch(r -> r.method().equals("GET") && r.path().endsWith("/providers/Microsoft.Authorization/locks"));
        assertThat(fake.requests()).as("nothing but reads and sign-ins")
                .allMatch(r -> r.method().equals("GET") || r.isTokenRequest());
    }

    @Test
    void aMemberIsAppliedRolledBackAndUnlockedByHandOnTheSharedStateAndAHeldMemberIsExitSeven() throws Exception {
        Path strategy = dir.resolve("s.yaml");
        Files.writeString(strategy, "stages: [ { name: all, groups: [ { name: g, selector: { name: 'aks-0-0' } } ] } ]\n");
        assertThat(cli("rollout", "create", "hands", "--strategy", strategy.toString(), "--from",
                dir.resolve("fleet").toString(), "--state", state).exitCode()).isZero();
        var store = org.kubenetmigrate.executor.commands.StateStores.open(
                org.kubenetmigrate.executor.state.StateLocation.parse(state),
                Map.of("AZURE_STORAGE_CONNECTION_STRING", azurite.connectionString()), () -> null, Clock.systemUTC());
        String planName = store.list("rollouts/hands/members/").stream().filter(n -> n.endsWith("/plan.json"))
                .findFirst().orElseThrow();
        Path plan = dir.resolve("member.plan.json");
        Files.write(plan, store.read(planName).orElseThrow().content());
        String runId = MAPPER.readTree(cli("rollout", "status", "hands", "--state", state, "-o", "json").out())
                .at("/stages/0/groups/0/members/0/runId").asText();

        // Without approvals the hand run stops at the member's first gate, exactly as a local apply would.
        CliRun applied = cli("apply", plan.toString(), "--skip-in-cluster-checks", "--state", state, "--arm-endpoint",
                fake.baseUrl(), "--authority-host", fake.baseUrl());
        assertThat(applied.exitCode()).as(applied.out() + applied.err()).isEqualTo(ExitCodes.STOPPED_AT_GATE);
        assertThat(applied.err()).contains(": Pending (");
        JsonNode member = MAPPER.readTree(cli("rollout", "status", "hands", "--state", state, "-o", "json").out())
                .at("/stages/0/groups/0/members/0");
        assertThat(member.get("status").asText()).isEqualTo("Pending");
        assertThat(member.get("worker").asText()).as("who ran it by hand").contains("@");
        CliRun again = cli("apply", plan.toString(), "--skip-in-cluster-checks", "--state", state, "--arm-endpoint",
                fake.baseUrl(), "--authority-host", fake.baseUrl());
        assertThat(again.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(again.err()).contains("has started").contains("resume " + runId);

        // Someone holds the member (a worker, or a person on another machine): hand runs are exit 7, not a second run.
        String journal = planName.replace("/plan.json", "/journal.jsonl");
        var held = store.acquireLease(journal, java.time.Duration.ofSeconds(60)).orElseThrow();
        CliRun refused = cli("rollback", runId, "--skip-in-cluster-checks", "--state", state, "--arm-endpoint",
                fake.baseUrl(), "--authority-host", fake.baseUrl());
        assertThat(refused.exitCode()).as(refused.err()).isEqualTo(ExitCodes.LOCK_HELD);
        assertThat(refused.err()).contains("its lease is held");
        assertThat(cli("unlock", runId, "--state", state).exitCode()).as("without --force").isEqualTo(2);
        CliRun unlocked = cli("unlock", runId, "--force", "--state", state);
        assertThat(unlocked.exitCode()).as(unlocked.err()).isZero();
        assertThat(unlocked.err()).contains("broke the lease of member aks-0-0");
        assertThatThrownBy(held::renew).as("the holder finds out at its next renewal")
                .isInstanceOf(org.kubenetmigrate.executor.state.ConditionFailedException.class);

        CliRun rolledBack = cli("rollback", runId, "--skip-in-cluster-checks", "--state", state, "--arm-endpoint",
                fake.baseUrl(), "--authority-host", fake.baseUrl());
        assertThat(rolledBack.exitCode()).as(rolledBack.out() + rolledBack.err()).isZero();
        assertThat(rolledBack.err()).contains(": Stopped (").contains("rolled back");
        assertThat(MAPPER.readTree(cli("rollout", "status", "hands", "--state", state, "-o", "json").out())
                .at("/stages/0/groups/0/members/0/status").asText()).isEqualTo("Stopped");
        assertThat(fake.requests()).as("nothing before the point of no return changed this cluster here")
                .noneMatch(r -> r.method().equals("PUT") && r.body().contains("overlay"));
        assertThat(cli("unlock", runId, "--force", "--state", state).err()).startsWith("nothing to unlock");

        CliRun notMember = cli("apply", plan.toString().replace("member", "nope"), "--state", state);
        assertThat(notMember.exitCode()).isEqualTo(2);
    }

    @Test
    void stateUrlsThatCannotWorkAreOneLineRefusalsThatNeverEchoASecret() throws Exception {
        CliRun sas = cli("rollout", "status", "x", "--state", "https://acct.blob.core.windows.net/c?sv=2025&sig=SECRETSIG");
        assertThat(sas.exitCode()).isEqualTo(2);
        assertThat(sas.err()).contains("must not carry a query").doesNotContain("SECRETSIG");
        CliRun plainHttp = cli("rollout", "status", "x", "--state", "http://example.com/acct/c");
        assertThat(plainHttp.exitCode()).isEqualTo(2);
        assertThat(plainHttp.err()).contains("plain http is only for a local emulator");
        CliRun apply = cli("apply", dir.resolve("plan.json").toString(), "--state", state);
        assertThat(apply.exitCode()).isEqualTo(2);
        assertThat(apply.err()).as("a missing plan file is bad input, state URL or not").contains("plan.json")
                .hasLineCount(1);
        CliRun missing = cli("rollout", "status", "nope", "--state", state);
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("no rollout nope in");
        CliRun badConnection = CliRun.with(new CliEnvironment(Clock.systemUTC(), ClusterOperationsProvider.discover(),
                GatePrompt.NONE, d -> { }, Map.of("AZURE_STORAGE_CONNECTION_STRING", "AccountKey=SECRETKEY;junk")),
                "rollout", "status", "x", "--state", state);
        assertThat(badConnection.exitCode()).isEqualTo(2);
        assertThat(badConnection.err()).contains("not a usable Blob Storage connection string").doesNotContain("SECRETKEY");
    }

    @Test
    void peopleSkipStopAndApproveThroughTheBoardAndMistakesAreOneLine() throws Exception {
        Path strategy = dir.resolve("s.yaml");
        Files.writeString(strategy, """
                stages:
                  - name: first
                    groups: [ { name: a, selector: { name: 'aks-0-0' } } ]
                  - name: second
                    beforeGates: [ { type: Approval, name: go } ]
                    groups: [ { name: b, selector: { name: 'aks-0-1' } } ]
                """);
        assertThat(cli("rollout", "create", "people", "--strategy", strategy.toString(), "--from",
                dir.resolve("fleet").toString(), "--state", state).exitCode()).isZero();
        assertThat(cli("rollout", "create", "people", "--strategy", strategy.toString(), "--from",
                dir.resolve("fleet").toString(), "--state", state).err()).contains("exists already");

        CliRun skip = cli("rollout", "skip", "people", "--member", "aks-0-0", "--state", state);
        assertThat(skip.exitCode()).as(skip.err()).isZero();
        assertThat(skip.out()).contains("skipped 1 (aks-0-0)");
        CliRun badGate = cli("rollout", "approve", "people", "--gate", "nope", "--state", state);
        assertThat(badGate.exitCode()).isEqualTo(2);
        assertThat(badGate.err()).contains("no such gate (gates: go)");
        assertThat(cli("rollout", "approve", "people", "--gate", "go", "--state", state).out()).contains("gate go approved");
        CliRun retry = cli("rollout", "retry", "people", "--member", "aks-0-1", "--state", state);
        assertThat(retry.exitCode()).isEqualTo(2);
        assertThat(retry.err()).contains("has not failed (it is NotStarted)");
        assertThat(cli("rollout", "stop", "people", "--state", state).exitCode()).isZero();

        JsonNode status = MAPPER.readTree(cli("rollout", "status", "people", "--state", state, "-o", "json").out());
        assertThat(status.get("status").asText()).isEqualTo("Stopped");
        assertThat(status.at("/stages/0/groups/0/members/0/status").asText()).isEqualTo("Skipped");
        assertThat(status.at("/stages/1/groups/0/members/0/status").asText()).isEqualTo("Stopped");
        assertThat(status.at("/gates/0/status").asText()).isEqualTo("Completed");
        CliRun work = cli("rollout", "work", "people", "--state", state, "--arm-endpoint", fake.baseUrl(),
                "--authority-host", fake.baseUrl());
        assertThat(work.err()).contains("ran 0 member(s)");
        assertThat(fake.requests()).noneMatch(r -> r.method().equals("PUT"));
    }
}
