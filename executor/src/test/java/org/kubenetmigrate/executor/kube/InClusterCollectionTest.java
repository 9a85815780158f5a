package org.kubenetmigrate.executor.kube;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kubenetmigrate.planner.model.InClusterCheck;
import org.kubenetmigrate.planner.model.InClusterState;
import org.kubenetmigrate.planner.model.InClusterState.AccessGap;
import org.kubenetmigrate.planner.model.InClusterState.CalicoPolicyCount;
import org.kubenetmigrate.planner.model.InClusterState.DisruptionBudget;
import org.kubenetmigrate.planner.model.InClusterState.IpBlock;
import org.kubenetmigrate.planner.model.InClusterState.IpMasqConfigMap;
import org.kubenetmigrate.planner.model.InClusterState.NodeState;
import org.kubenetmigrate.planner.model.InClusterState.WorkloadRef;
import org.kubenetmigrate.planner.model.InClusterView;

/** Reading a cluster through fabric8's mock API server (CRUD mode, plus expectations for failures). */
@EnableKubernetesMockClient(crud = true)
class InClusterCollectionTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T12:00:00Z"), ZoneOffset.UTC);

    KubernetesMockServer server;
    KubernetesClient client;
    KubeObjects seed;

    @TempDir
    Path dir;

    @BeforeEach
    void seed() {
        seed = new KubeObjects(client);
    }

    private InClusterView read() throws Exception {
        Kubeconfig kubeconfig = Kubeconfig.read(List.of(TestKubeconfigs.write(dir, "config",
                TestKubeconfigs.withToken(server.url("/"), "aks-prod", "aks-prod", TestKubeconfigs.TOKEN))));
        return new KubeApiInClusterSource(kubeconfig, null, CLOCK).read(new KubeconfigAccess(kubeconfig, "aks-prod"));
    }

    private InClusterState state() throws Exception {
        InClusterView view = read();
        assertThat(view).as("%s", view).isInstanceOf(InClusterView.Collected.class);
        return ((InClusterView.Collected) view).state();
    }

    private static Status forbidden(String resource) {
        return new StatusBuilder().withCode(403).withReason("Forbidden").withStatus("Failure")
                .withMessage(resource + " is forbidden: User \"reader\" cannot list resource").build();
    }

    private static Status notFound() {
        return new StatusBuilder().withCode(404).withReason("NotFound").withStatus("Failure")
                .withMessage("the server could not find the requested resource").build();
    }

    @Test
    void anEmptyHealthyClusterHasNothingToReportAndNoGaps() throws Exception {
        seed.node("aks-nodepool1-0", true, "10.244.0.0/24")
                .configMap("kube-system", "azure-ip-masq-agent-config-reconciled")
                .configMap("kube-system", "coredns-custom")
                .deployment("web", "frontend", 3, Map.of("app", "frontend"));

        InClusterState state = state();

        assertThat(state.gaps()).isEmpty();
        assertThat(state.ipMasqConfigMaps()).containsExactly(IpMasqConfigMap.named("azure-ip-masq-agent-config-reconciled"));
        assertThat(state.ipMasqConfigMaps().get(0).reconciled()).isTrue();
        assertThat(state.nodes()).containsExactly(new NodeState("aks-nodepool1-0", true, "Ready=True",
                List.of("10.244.0.0/24")));
        assertThat(state.disruptionBudgets()).isEmpty();
        assertThat(state.networkPolicies()).isEmpty();
        assertThat(state.singleReplicaWorkloads()).isEmpty();
        assertThat(state.collectedAt()).isEqualTo(CLOCK.instant());
        assertThat(state.source()).contains("context aks-prod", server.url("/")).doesNotContain(TestKubeconfigs.TOKEN);
    }

    @Test
    void customIpMasqAgentConfigMapsAreFoundInKubeSystemOnly() throws Exception {
        seed.configMap("kube-system", "azure-ip-masq-agent-config")
                .configMap("kube-system", "azure-ip-masq-agent-config-reconciled")
                .configMap("default", "ip-masq-agent");

        assertThat(state().ipMasqConfigMaps()).extracting(IpMasqConfigMap::name, IpMasqConfigMap::reconciled)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("azure-ip-masq-agent-config", false),
                        org.assertj.core.groups.Tuple.tuple("azure-ip-masq-agent-config-reconciled", true));
    }

    @Test
    void disruptionBudgetsCarryTheirStatusAndTheWorkloadTheySelect() throws Exception {
        seed.deployment("payments", "api", 2, Map.of("app", "api", "tier", "backend"))
                .statefulSet("payments", "ledger", 3, Map.of("app", "ledger"))
                .pdb("payments", "api", Map.of("app", "api"), 2, 0, 2)
                .pdb("payments", "ledger", Map.of("app", "ledger"), 2, 1, 3)
                .pdb("payments", "orphan", Map.of("app", "gone"), 1, 0, 0);

        assertThat(state().disruptionBudgets()).containsExactlyInAnyOrder(
                new DisruptionBudget("payments", "api", "app=api", "Deployment api", "minAvailable 2", 0, 2),
                new DisruptionBudget("payments", "ledger", "app=ledger", "StatefulSet ledger", "minAvailable 2", 1, 3),
                new DisruptionBudget("payments", "orphan", "app=gone", null, "minAvailable 1", 0, 0));
    }

    @Test
    void networkPolicyIpBlocksAndCalicoPoliciesAreCounted() throws Exception {
        seed.networkPolicy("payments", "from-pods", "10.244.0.0/16")
                .networkPolicy("web", "from-outside", "0.0.0.0/0 except 10.0.0.0/8 10.244.0.0/16")
                .networkPolicy("web", "selector-only")
                .custom(ResourceKind.CALICO_CRD_NETWORK_POLICY, "payments", "default.deny")
                .custom(ResourceKind.CALICO_CRD_GLOBAL_NETWORK_POLICY, null, "default.global-deny")
                .custom(ResourceKind.CALICO_CRD_GLOBAL_NETWORK_POLICY, null, "default.allow-dns");

        InClusterState state = state();

        assertThat(state.networkPolicies()).hasSize(3);
        assertThat(state.networkPolicies()).filteredOn(p -> p.name().equals("from-outside")).singleElement()
                .satisfies(p -> assertThat(p.ipBlocks()).containsExactly(
                        new IpBlock("ingress", "0.0.0.0/0", List.of("10.0.0.0/8", "10.244.0.0/16"))));
        assertThat(state.calicoPolicies()).contains(
                new CalicoPolicyCount("crd.projectcalico.org", "NetworkPolicy", 1),
                new CalicoPolicyCount("crd.projectcalico.org", "GlobalNetworkPolicy", 2));
    }

    @Test
    void missingCalicoCrdsReadAsNonePresentNotAsGaps() throws Exception {
        for (ResourceKind kind : InClusterCollector.CALICO_KINDS) {
            server.expect().get().withPath("/apis/" + kind.group() + "/" + kind.version() + "/" + kind.plural()
                    + "?limit=500").andReturn(404, notFound()).always();
        }

        InClusterState state = state();

        assertThat(state.calicoPolicies()).isEmpty();
        assertThat(state.gaps()).isEmpty();
    }

    @Test
    void notReadyNodesAndSingleReplicaWorkloadsAreRead() throws Exception {
        seed.node("aks-nodepool1-0", true, "10.244.0.0/24")
                .node("aks-nodepool1-1", false, "10.244.1.0/24")
                .deployment("payments", "api", 1, Map.of("app", "api"))
                .deployment("payments", "idle", 0, Map.of("app", "idle"))
                .statefulSet("payments", "db", 1, Map.of("app", "db"))
                .deployment("web", "frontend", 2, Map.of("app", "frontend"));

        InClusterState state = state();

        assertThat(state.nodes()).filteredOn(n -> !n.ready()).singleElement()
                .satisfies(n -> assertThat(n.condition()).isEqualTo("Ready=False (KubeletNotReady)"));
        assertThat(state.singleReplicaWorkloads()).containsExactlyInAnyOrder(
                new WorkloadRef("Deployment", "payments", "api"), new WorkloadRef("StatefulSet", "payments", "db"));
    }

    @Test
    void eachForbiddenReadBecomesAGapNamingTheMissingPermissionWhileTheOthersStillRun() throws Exception {
        seed.node("aks-nodepool1-0", true, "10.244.0.0/24");
        server.expect().get().withPath("/apis/networking.k8s.io/v1/networkpolicies?limit=500")
                .andReturn(403, forbidden("networkpolicies.networking.k8s.io")).always();
        server.expect().get().withPath("/api/v1/namespaces/kube-system/configmaps?limit=500")
                .andReturn(403, forbidden("configmaps")).always();
        server.expect().get().withPath("/apis/crd.projectcalico.org/v1/globalnetworkpolicies?limit=500")
                .andReturn(403, forbidden("globalnetworkpolicies.crd.projectcalico.org")).always();

        InClusterState state = state();

        assertThat(state.gaps()).containsExactlyInAnyOrder(
                new AccessGap(InClusterCheck.IP_MASQ_AGENT_CONFIG,
                        "forbidden: needs list on configmaps (namespace kube-system)"),
                new AccessGap(InClusterCheck.POLICY_ENFORCEMENT_GAP,
                        "forbidden: needs list on networkpolicies.networking.k8s.io (all namespaces)"),
                new AccessGap(InClusterCheck.IPBLOCK_POD_CIDR,
                        "forbidden: needs list on networkpolicies.networking.k8s.io (all namespaces)"),
                new AccessGap(InClusterCheck.CILIUM_LIMITS,
                        "forbidden: needs list on networkpolicies.networking.k8s.io (all namespaces)"),
                new AccessGap(InClusterCheck.POLICY_ENFORCEMENT_GAP,
                        "forbidden: needs list on globalnetworkpolicies.crd.projectcalico.org (cluster scope)"));
        assertThat(state.nodes()).hasSize(1);
    }

    @Test
    void forbiddenWorkloadListsLeaveTheBudgetsWorkloadUnknownNotMissing() throws Exception {
        seed.pdb("payments", "api", Map.of("app", "api"), 1, 0, 1);
        server.expect().get().withPath("/apis/apps/v1/deployments?limit=500")
                .andReturn(403, forbidden("deployments.apps")).always();

        InClusterState state = state();

        assertThat(state.gapsFor(InClusterCheck.SINGLE_REPLICA_WORKLOADS)).singleElement()
                .extracting(AccessGap::reason).isEqualTo("forbidden: needs list on deployments.apps (all namespaces)");
        assertThat(state.disruptionBudgets()).singleElement().extracting(DisruptionBudget::workload)
                .isEqualTo("workloads not readable");
    }

    @Test
    void rejectedCredentialMakesTheWholeClusterUnavailable() throws Exception {
        server.clearExpectations(); // the mock answers /version itself; replace that answer
        server.expect().get().withPath("/version").andReturn(401, new StatusBuilder().withCode(401)
                .withReason("Unauthorized").build()).always();

        assertThat(read()).isEqualTo(InClusterView.unavailable(
                "kubeconfig " + dir.resolve("config") + " context aks-prod (" + server.url("/") + "): unauthorized:"
                        + " the API server rejected the credential (expired token or certificate?)"));
    }

    @Test
    void unreachableApiServerIsUnavailableWithAHintForPrivateClusters() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Kubeconfig kubeconfig = Kubeconfig.read(List.of(TestKubeconfigs.write(dir, "config",
                TestKubeconfigs.withToken("https://127.0.0.1:" + closedPort, "aks-prod", "aks-prod", "t"))));

        InClusterView view = new KubeApiInClusterSource(kubeconfig, null, CLOCK)
                .read(new KubeconfigAccess(kubeconfig, "aks-prod"));

        assertThat(view).isInstanceOf(InClusterView.Unavailable.class);
        assertThat(((InClusterView.Unavailable) view).reason()).contains("cannot reach the API server",
                "private cluster", "run-command");
    }

    @Test
    void policiesSelectingHostNetworkPodsAreListedForTheCiliumCheck() throws Exception {
        seed.networkPolicy("monitoring", "allow-scrape", "10.0.0.0/8")
                .hostNetworkPod("monitoring", "node-exporter-abcde", Map.of("app", "node-exporter"))
                .pod("monitoring", "grafana-0", "Running", true)
                .networkPolicy("web", "allow-lb", "10.240.0.0/16")
                .pod("web", "frontend-0", "Running", true);

        InClusterState state = state();

        assertThat(state.hostNetworkPolicies()).containsExactly(new InClusterState.HostNetworkPolicy("monitoring",
                "allow-scrape", List.of("node-exporter-abcde")));
        assertThat(state.gapsFor(InClusterCheck.CILIUM_LIMITS)).isEmpty();
    }

    @Test
    void podsThatCannotBeListedAreAGapOfTheCiliumCheckAlone() throws Exception {
        seed.networkPolicy("monitoring", "allow-scrape", "10.0.0.0/8");
        server.expect().get().withPath("/api/v1/namespaces/monitoring/pods?limit=500")
                .andReturn(403, forbidden("pods")).always();

        InClusterState state = state();

        assertThat(state.hostNetworkPolicies()).isEmpty();
        assertThat(state.gaps()).extracting(AccessGap::check).containsExactly(InClusterCheck.CILIUM_LIMITS);
        assertThat(state.networkPolicies()).hasSize(1);
    }
}
