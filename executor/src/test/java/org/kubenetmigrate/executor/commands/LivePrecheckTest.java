package org.kubenetmigrate.executor.commands;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kubenetmigrate.executor.Harness;
import org.kubenetmigrate.executor.engine.Approvals;
import org.kubenetmigrate.executor.engine.EngineEvent;
import org.kubenetmigrate.executor.engine.Journal;
import org.kubenetmigrate.executor.engine.KubeAccessProvider;
import org.kubenetmigrate.executor.engine.RunOutcome;
import org.kubenetmigrate.executor.engine.RunResult;
import org.kubenetmigrate.executor.kube.Kubeconfig;
import org.kubenetmigrate.executor.kube.TestKubeconfigs;
import org.kubenetmigrate.executor.testing.Scenario;
import org.kubenetmigrate.executor.testing.ShmTempDir;

/**
 * precheck judges the live cluster the way AKS will, inside the cluster included, before the first change: against
 * fabric8's mock API server and the in-memory ARM.
 */
@Tag("slow")
@EnableKubernetesMockClient(crud = true)
class LivePrecheckTest {
    KubernetesMockServer server;
    KubernetesClient client;

    @TempDir(factory = ShmTempDir.class)
    Path dir;

    KubeAccessProvider access() throws Exception {
        Kubeconfig kubeconfig = Kubeconfig.read(List.of(TestKubeconfigs.write(dir, "config",
                TestKubeconfigs.withToken(server.url("/"), "aks-stg", "aks-stg", TestKubeconfigs.TOKEN))));
        return KubeAccessProviders.kubeconfig(kubeconfig, "aks-stg", InClusterStepsTest.CLOCK, false,
                Duration.ofSeconds(5));
    }

    private void customIpMasqConfig() {
        client.configMaps().inNamespace("kube-system").resource(new ConfigMapBuilder().withNewMetadata()
                .withName(InClusterStepsTest.CUSTOM).endMetadata().addToData("ip-masq-agent",
                        InClusterStepsTest.DATA).build()).create();
    }

    @Test
    void aCalicoClusterWithACustomIpMasqAgentConfigStopsInPrecheckBeforeAnyPut() throws Exception {
        customIpMasqConfig();
        Harness h = new Harness(dir.resolve("state"), Scenario.azure()).requireInClusterChecks().kube(access());

        RunResult result = h.apply(Scenario.plan(dir, Scenario.STG), Approvals.all());

        assertThat(result.outcome()).as(result.message()).isEqualTo(RunOutcome.STEP_FAILED);
        assertThat(result.stepId()).isEqualTo("precheck");
        assertThat(result.message()).contains("ip-masq-agent-config")
                .contains("kube-system/" + InClusterStepsTest.CUSTOM);
        assertThat(h.azure.mutatingCalls()).as("the network policy was not removed").isEmpty();
    }

    @Test
    void aCleanClusterPassesPrecheckWithTheInClusterChecksRun() throws Exception {
        client.configMaps().inNamespace("kube-system").resource(new ConfigMapBuilder().withNewMetadata()
                .withName(InClusterStepsTest.RECONCILED).endMetadata().build()).create();
        Harness h = new Harness(dir.resolve("state"), Scenario.azure()).requireInClusterChecks().kube(access());

        RunResult result = h.apply(Scenario.plan(dir, Scenario.STG), Approvals.through("prepare"));

        assertThat(result.outcome()).as(result.message()).isEqualTo(RunOutcome.STOPPED_AT_GATE);
        assertThat(result.stepId()).isEqualTo("update-network-plugin");
        assertThat(h.events.of(EngineEvent.StepSucceeded.class)).filteredOn(s -> s.stepId().equals("precheck"))
                .singleElement().satisfies(s -> assertThat(s.summary()).contains("in-cluster checks run through"));
        assertThat(h.events.of(EngineEvent.OperatorAccepted.class)).isEmpty();
    }

    @Test
    void withoutKubernetesAccessPrecheckStopsNamingWhatItCouldNotCheckAndHowToGiveAccess() throws Exception {
        Harness h = new Harness(dir.resolve("state"), Scenario.azure()).requireInClusterChecks();

        RunResult result = h.apply(Scenario.plan(dir, Scenario.STG), Approvals.all());

        assertThat(result.outcome()).isEqualTo(RunOutcome.STEP_FAILED);
        assertThat(result.stepId()).isEqualTo("precheck");
        assertThat(result.message()).contains("ip-masq-agent-config").contains("nothing was changed");
        assertThat(String.join("\n", result.remediation())).contains("--kubeconfig").contains("--in-cluster")
                .contains("--skip-in-cluster-checks");
        assertThat(h.azure.mutatingCalls()).isEmpty();
    }

    @Test
    void skipInClusterChecksProceedsAndIsRecordedInTheJournalAndTheAuditLog() throws Exception {
        Harness h = new Harness(dir.resolve("state"), Scenario.azure());

        RunResult result = h.apply(Scenario.plan(dir, Scenario.STG), Approvals.through("prepare"));

        assertThat(result.outcome()).as(result.message()).isEqualTo(RunOutcome.STOPPED_AT_GATE);
        String journal = Files.readString(h.runDir(result.runId()).resolve(Journal.FILE_NAME));
        assertThat(journal).contains("\"skipInClusterChecks\":true").contains("ACCEPTED BY THE OPERATOR with"
                + " --skip-in-cluster-checks");
        String audit = Files.readString(h.runDir(result.runId()).resolve("audit.jsonl"));
        assertThat(audit).contains("\"event\":\"operator-acceptance\"").contains("\"flag\":\"--skip-in-cluster-checks\"")
                .contains("ip-masq-agent-config");
    }

    @Test
    void aNodeDisruptionPolicyOfBlockStopsPrecheckBeforeAnyPut() throws Exception {
        Harness h = new Harness(dir.resolve("state"), Scenario.azure());
        h.azure.changeOutOfBand(Scenario.STG_ID, c -> ((ObjectNode) c.get("properties"))
                .putObject("nodeDisruptionProfile").put("nodeDisruptionPolicy", "Block"));

        RunResult result = h.apply(Scenario.plan(dir, Scenario.STG), Approvals.all());

        assertThat(result.outcome()).isEqualTo(RunOutcome.STEP_FAILED);
        assertThat(result.stepId()).isEqualTo("precheck");
        assertThat(result.message()).contains("node-disruption-policy").contains("Block");
        assertThat(h.azure.mutatingCalls()).isEmpty();
    }
}
