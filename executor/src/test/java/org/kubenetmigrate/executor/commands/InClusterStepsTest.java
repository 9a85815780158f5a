package org.kubenetmigrate.executor.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kubenetmigrate.executor.Harness;
import org.kubenetmigrate.executor.engine.Approvals;
import org.kubenetmigrate.executor.engine.EngineEvent;
import org.kubenetmigrate.executor.engine.Journal;
import org.kubenetmigrate.executor.engine.JournalRecord;
import org.kubenetmigrate.executor.engine.KubeAccessProvider;
import org.kubenetmigrate.executor.engine.RunOutcome;
import org.kubenetmigrate.executor.engine.RunResult;
import org.kubenetmigrate.executor.kube.KubeObjects;
import org.kubenetmigrate.executor.kube.Kubeconfig;
import org.kubenetmigrate.executor.kube.ResourceKind;
import org.kubenetmigrate.executor.kube.TestKubeconfigs;
import org.kubenetmigrate.executor.testing.Scenario;
import org.kubenetmigrate.executor.testing.ShmTempDir;
import org.kubenetmigrate.planner.model.MigrationOptions;

/**
 * The steps that work inside the cluster, against fabric8's mock API server (CRUD mode) and the in-memory ARM:
 * remove-ip-masq-config (backup, delete, resume, rollback) and the validate step's in-cluster proof.
 */
@Tag("slow")
@EnableKubernetesMockClient(crud = true)
class InClusterStepsTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T12:00:00Z"), ZoneOffset.UTC);
    static final String CUSTOM = "azure-ip-masq-agent-config";
    static final String RECONCILED = "azure-ip-masq-agent-config-reconciled";
    /** A value that must reach the backup file and nothing else. */
    static final String DATA = "nonMasqueradeCIDRs:\n  - 10.0.0.0/8\n  - 172.31.99.0/24\nmasqLinkLocal: true\n";
    static final String PLANNED = "100.64.0.0/16";

    KubernetesMockServer server;
    KubernetesClient client;
    KubeObjects seed;

    @TempDir(factory = ShmTempDir.class)
    Path dir;

    @BeforeEach
    void seed() {
        seed = new KubeObjects(client);
    }

    KubeAccessProvider access() throws Exception {
        Kubeconfig kubeconfig = Kubeconfig.read(List.of(TestKubeconfigs.write(dir, "config",
                TestKubeconfigs.withToken(server.url("/"), "aks-stg", "aks-stg", TestKubeconfigs.TOKEN))));
        return KubeAccessProviders.kubeconfig(kubeconfig, "aks-stg", CLOCK, false, Duration.ofSeconds(5));
    }

    Harness harness() {
        return new Harness(dir.resolve("state"), Scenario.azure());
    }

    static Path ipMasqPlan(Path dir) {
        return Scenario.plan(dir, Scenario.STG, Scenario.podCidr(PLANNED).withRemoveIpMasqConfig(true));
    }

    private void customIpMasqConfig() {
        client.configMaps().inNamespace("kube-system").resource(new ConfigMapBuilder().withNewMetadata()
                .withName(CUSTOM).addToLabels("team", "net").endMetadata().addToData("ip-masq-agent", DATA).build())
                .create();
        seed.configMap("kube-system", RECONCILED).configMap("kube-system", "coredns-custom");
    }

    private ConfigMap configMap(String name) {
        return client.configMaps().inNamespace("kube-system").withName(name).get();
    }

    private void healthyMigratedCluster(String secondNodeCidr, boolean secondNodeReady) {
        seed.node("aks-nodepool1-0", true, "100.64.0.0/24")
                .node("aks-nodepool1-1", secondNodeReady, secondNodeCidr)
                .custom(ResourceKind.NODE_NETWORK_CONFIG, "kube-system", "aks-nodepool1-0")
                .custom(ResourceKind.NODE_NETWORK_CONFIG, "kube-system", "aks-nodepool1-1")
                .pod("kube-system", "coredns-6d9f8-abcde", "Running", true)
                .availableDeployment("kube-system", "coredns", 2);
    }

    private static String journalText(Harness h, String runId) throws Exception {
        return Files.readString(h.runDir(runId).resolve(Journal.FILE_NAME));
    }

    private static String summaryOf(Harness h, String stepId) {
        return h.events.of(EngineEvent.StepSucceeded.class).stream().filter(s -> s.stepId().equals(stepId))
                .reduce((a, b) -> b).orElseThrow().summary();
    }

    @Test
    void removeIpMasqConfigBacksTheConfigMapUpThenDeletesItAndKeepsItsDataOutOfTheJournal() throws Exception {
        customIpMasqConfig();
        Harness h = harness().kube(access());

        RunResult stopped = h.apply(ipMasqPlan(dir), Approvals.through("prepare"));

        assertThat(stopped.outcome()).as(stopped.message()).isEqualTo(RunOutcome.STOPPED_AT_GATE);
        assertThat(stopped.stepId()).isEqualTo("update-network-plugin");
        assertThat(configMap(CUSTOM)).as("deleted").isNull();
        assertThat(configMap(RECONCILED)).as("AKS's own is kept").isNotNull();
        assertThat(configMap("coredns-custom")).as("not an ip-masq-agent ConfigMap").isNotNull();
        Path backup = h.runDir(stopped.runId()).resolve("backup/ip-masq-agent/" + CUSTOM + ".yaml");
        String saved = Files.readString(backup);
        assertThat(saved).contains("name: \"" + CUSTOM + "\"").contains("namespace: \"kube-system\"")
                .contains("team: \"net\"").contains("172.31.99.0/24").doesNotContain("resourceVersion")
                .doesNotContain("uid:");
        String journal = journalText(h, stopped.runId());
        assertThat(journal).contains("remove-ip-masq-config").contains("kube-system/" + CUSTOM)
                .doesNotContain("172.31.99.0/24").doesNotContain("nonMasqueradeCIDRs");
        assertThat(h.events.events()).allSatisfy(e -> assertThat(e.toString()).doesNotContain("172.31.99.0/24"));
        assertThat(summaryOf(h, "remove-ip-masq-config")).contains("deleted 1 ip-masq-agent ConfigMap(s): kube-system/"
                + CUSTOM);
    }

    @Test
    void withoutKubernetesAccessTheStepStopsNamingTheFlagsAndResumeWithAccessDeletes() throws Exception {
        customIpMasqConfig();
        Harness h = harness();

        RunResult failed = h.apply(ipMasqPlan(dir), Approvals.through("prepare"));

        assertThat(failed.outcome()).isEqualTo(RunOutcome.STEP_FAILED);
        assertThat(failed.stepId()).isEqualTo("remove-ip-masq-config");
        assertThat(failed.message()).contains("needs Kubernetes access").contains("--kubeconfig");
        assertThat(configMap(CUSTOM)).as("nothing deleted").isNotNull();

        RunResult resumed = h.kube(access()).resume(failed.runId(), Approvals.through("prepare"));

        assertThat(resumed.stepId()).isEqualTo("update-network-plugin");
        assertThat(configMap(CUSTOM)).isNull();
        assertThat(h.runDir(failed.runId()).resolve("backup/ip-masq-agent/" + CUSTOM + ".yaml")).isRegularFile();
    }

    @Test
    void dryRunNamesTheChangeInsideTheClusterWithoutCountingOrSendingIt() throws Exception {
        customIpMasqConfig();
        Harness h = harness().kube(access());
        int k8sRequests = server.getRequestCount();

        DryRunReport report = h.dryRun(ipMasqPlan(dir));

        assertThat(report.requests()).filteredOn(e -> e.stepId().equals("remove-ip-masq-config")).singleElement()
                .satisfies(e -> {
                    assertThat(e.action()).isEqualTo("kubernetes");
                    assertThat(e.note()).contains("deleted");
                });
        assertThat(report.requests()).filteredOn(e -> e.action().equals("send")).hasSize((int) report.mutatingRequests());
        assertThat(server.getRequestCount()).as("dry-run contacts no cluster").isEqualTo(k8sRequests);
        assertThat(configMap(CUSTOM)).isNotNull();
        assertThat(h.azure.mutatingCalls()).isEmpty();
    }

    @Test
    void whenNoCustomConfigMapIsLeftTheStepIsAlreadyDoneAndDeletesNothing() throws Exception {
        seed.configMap("kube-system", RECONCILED);
        Harness h = harness().kube(access());

        RunResult stopped = h.apply(ipMasqPlan(dir), Approvals.through("prepare"));

        assertThat(stopped.stepId()).isEqualTo("update-network-plugin");
        assertThat(h.events.of(EngineEvent.StepSucceeded.class)).filteredOn(s -> s.stepId()
                .equals("remove-ip-masq-config")).singleElement().satisfies(s -> assertThat(s.alreadyDone()).isTrue());
        assertThat(configMap(RECONCILED)).isNotNull();
        assertThat(h.runDir(stopped.runId()).resolve("backup/ip-masq-agent")).doesNotExist();
    }

    @Test
    void rollbackReCreatesTheConfigMapFromTheBackup() throws Exception {
        customIpMasqConfig();
        Harness h = harness().kube(access());
        RunResult stopped = h.apply(ipMasqPlan(dir), Approvals.through("prepare"));
        assertThat(configMap(CUSTOM)).isNull();

        RunResult rolledBack = h.rollback(stopped.runId());

        assertThat(rolledBack.outcome()).as(rolledBack.message()).isEqualTo(RunOutcome.ROLLED_BACK);
        ConfigMap restored = configMap(CUSTOM);
        assertThat(restored).isNotNull();
        assertThat(restored.getData()).containsEntry("ip-masq-agent", DATA);
        assertThat(restored.getMetadata().getLabels()).containsEntry("team", "net");
        List<JournalRecord> records = Journal.read(h.runDir(stopped.runId()).resolve(Journal.FILE_NAME)).records();
        assertThat(records).filteredOn(r -> "remove-ip-masq-config".equals(r.stepId()))
                .extracting(r -> r.type().wireName()).contains("compensation-started", "compensation-succeeded");
        assertThat(journalText(h, stopped.runId())).contains("re-created 1 ip-masq-agent ConfigMap(s)");
        assertThat(journalText(h, stopped.runId())).doesNotContain("172.31.99.0/24");
    }

    @Test
    void validatePassesOnAHealthyMigratedClusterAndJournalsTheChecks() throws Exception {
        healthyMigratedCluster("100.64.1.0/24", true);
        Harness h = harness().kube(access());

        RunResult result = h.apply(Scenario.plan(dir, Scenario.STG, Scenario.podCidr(PLANNED)), Approvals.all());

        assertThat(result.outcome()).as(result.message()).isEqualTo(RunOutcome.COMPLETED);
        assertThat(summaryOf(h, "validate")).contains("in-cluster validation (kubeconfig").contains("6 passed, 0 failed");
        assertThat(h.events.of(EngineEvent.Notice.class)).extracting(EngineEvent.Notice::message)
                .anySatisfy(m -> assertThat(m).startsWith("in-cluster check nodes-ready: PASSED"))
                .anySatisfy(m -> assertThat(m).startsWith("in-cluster check node-pod-cidrs: PASSED"));
        assertThat(journalText(h, result.runId())).contains("6 passed, 0 failed").doesNotContain(TestKubeconfigs.TOKEN);
    }

    @Test
    void validateFailsWithExitSixOnANotReadyNode() throws Exception {
        healthyMigratedCluster("100.64.1.0/24", true);
        Harness h = harness().kube(access());
        // Ready at precheck (a NotReady node would stop it), NotReady after the reimage.
        RunResult stopped = h.apply(Scenario.plan(dir, Scenario.STG, Scenario.podCidr(PLANNED)),
                Approvals.through("prepare"));
        assertThat(stopped.outcome()).as(stopped.message()).isEqualTo(RunOutcome.STOPPED_AT_GATE);
        client.nodes().withName("aks-nodepool1-1").delete();
        seed.node("aks-nodepool1-1", false, "100.64.1.0/24");

        RunResult result = h.resume(stopped.runId(), Approvals.all());

        assertThat(result.outcome()).isEqualTo(RunOutcome.STEP_FAILED);
        assertThat(result.stepId()).isEqualTo("validate");
        assertThat(result.message()).contains("in-cluster check nodes-ready failed").contains("aks-nodepool1-1");
    }

    @Test
    void validateFailsWhenANodesPodCidrIsOutsideThePlannedOne() throws Exception {
        healthyMigratedCluster("10.244.1.0/24", true);
        Harness h = harness().kube(access());

        RunResult result = h.apply(Scenario.plan(dir, Scenario.STG, Scenario.podCidr(PLANNED)), Approvals.all());

        assertThat(result.outcome()).isEqualTo(RunOutcome.STEP_FAILED);
        assertThat(result.stepId()).isEqualTo("validate");
        assertThat(result.message()).contains("in-cluster check node-pod-cidrs failed").contains("10.244.1.0/24");
    }

    @Test
    void validateWithoutAccessSaysTheInClusterValidationWasNotRun() throws Exception {
        Harness h = harness();

        RunResult result = h.apply(Scenario.plan(dir, Scenario.STG, Scenario.podCidr(PLANNED)), Approvals.all());

        assertThat(result.outcome()).as(result.message()).isEqualTo(RunOutcome.COMPLETED);
        assertThat(summaryOf(h, "validate")).contains("in-cluster validation NOT run: no Kubernetes access")
                .contains("--kubeconfig");
        assertThat(h.events.of(EngineEvent.Notice.class)).filteredOn(n -> n.stepId().equals("validate"))
                .anySatisfy(n -> assertThat(n.message()).startsWith("in-cluster validation NOT run"));
        assertThat(journalText(h, result.runId())).contains("in-cluster validation NOT run");
    }
}
