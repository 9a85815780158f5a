package org.kubenetmigrate.executor.kube.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kubenetmigrate.executor.kube.KubeAccess;
import org.kubenetmigrate.executor.kube.KubeObjects;
import org.kubenetmigrate.executor.kube.Kubeconfig;
import org.kubenetmigrate.executor.kube.KubeconfigAccess;
import org.kubenetmigrate.executor.kube.ResourceKind;
import org.kubenetmigrate.executor.kube.TestKubeconfigs;
import org.kubenetmigrate.executor.kube.validation.ValidationCheck.Status;
import org.kubenetmigrate.planner.cidr.IpPrefix;

/** Post-migration validation against the mock API server. */
@EnableKubernetesMockClient(crud = true)
class ClusterValidatorTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T03:00:00Z"), ZoneOffset.UTC);
    static final IpPrefix PLANNED = IpPrefix.parse("100.64.0.0/16");

    KubernetesMockServer server;
    KubernetesClient client;
    KubeObjects seed;

    @TempDir
    Path dir;

    @BeforeEach
    void seed() {
        seed = new KubeObjects(client);
    }

    KubeAccess access() throws Exception {
        return new KubeconfigAccess(Kubeconfig.read(List.of(TestKubeconfigs.write(dir, "config",
                TestKubeconfigs.withToken(server.url("/"), "aks-prod", "aks-prod", TestKubeconfigs.TOKEN)))), "aks-prod");
    }

    private void migratedCluster() {
        seed.node("aks-nodepool1-0", true, "100.64.0.0/24")
                .node("aks-nodepool1-1", true, "100.64.1.0/24")
                .custom(ResourceKind.NODE_NETWORK_CONFIG, "kube-system", "aks-nodepool1-0")
                .custom(ResourceKind.NODE_NETWORK_CONFIG, "kube-system", "aks-nodepool1-1")
                .pod("kube-system", "coredns-6d9f8-abcde", "Running", true)
                .pod("kube-system", "azure-cns-x7k2p", "Running", true)
                .pod("kube-system", "aks-cleanup-job-1", "Succeeded", false)
                .availableDeployment("kube-system", "coredns", 2);
    }

    private ValidationReport validate(IpPrefix planned) throws Exception {
        return new ClusterValidator(CLOCK).validate(access(), planned, false, Duration.ofSeconds(5));
    }

    @Test
    void aMigratedHealthyClusterPassesEveryCheck() throws Exception {
        migratedCluster();

        ValidationReport report = validate(PLANNED);

        assertThat(report.checks()).extracting(ValidationCheck::id).containsExactly("api-reachable", "nodes-ready",
                "node-pod-cidrs", "node-network-configs", "kube-system-pods", "coredns");
        assertThat(report.problems()).isEmpty();
        assertThat(report.passed()).isTrue();
        assertThat(report.check("node-pod-cidrs").orElseThrow().detail()).isEqualTo("every node's podCIDR is inside"
                + " 100.64.0.0/16");
        assertThat(report.finishedAt()).isEqualTo(CLOCK.instant());
        assertThat(report.source()).contains("context aks-prod").doesNotContain(TestKubeconfigs.TOKEN);
    }

    @Test
    void eachProblemFailsItsOwnCheckWithTheNamesInvolved() throws Exception {
        seed.node("aks-nodepool1-0", true, "100.64.0.0/24")
                .node("aks-nodepool1-1", false, "10.244.1.0/24")
                .node("aks-nodepool1-2", true)
                .custom(ResourceKind.NODE_NETWORK_CONFIG, "kube-system", "aks-nodepool1-0")
                .pod("kube-system", "coredns-6d9f8-abcde", "Running", false)
                .pod("kube-system", "konnectivity-agent-1", "Pending", false)
                .availableDeployment("kube-system", "coredns", 0);

        ValidationReport report = validate(PLANNED);

        assertThat(report.passed()).isFalse();
        assertThat(report.problems()).extracting(ValidationCheck::id, ValidationCheck::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("nodes-ready", Status.FAILED),
                org.assertj.core.groups.Tuple.tuple("node-pod-cidrs", Status.FAILED),
                org.assertj.core.groups.Tuple.tuple("node-network-configs", Status.FAILED),
                org.assertj.core.groups.Tuple.tuple("kube-system-pods", Status.FAILED),
                org.assertj.core.groups.Tuple.tuple("coredns", Status.FAILED));
        assertThat(report.check("nodes-ready").orElseThrow().detail()).isEqualTo("1 of 3 nodes not Ready: aks-nodepool1-1");
        assertThat(report.check("node-pod-cidrs").orElseThrow().detail()).isEqualTo("2 nodes have pod CIDRs outside"
                + " 100.64.0.0/16: aks-nodepool1-1 (10.244.1.0/24), aks-nodepool1-2 (no IPv4 podCIDR)");
        assertThat(report.check("node-network-configs").orElseThrow().detail())
                .isEqualTo("2 nodes have no NodeNetworkConfig (not reimaged onto Overlay?): aks-nodepool1-1,"
                        + " aks-nodepool1-2");
        assertThat(report.check("kube-system-pods").orElseThrow().detail()).isEqualTo("2 kube-system pods not"
                + " Running and Ready: coredns-6d9f8-abcde (Running, not Ready), konnectivity-agent-1 (Pending)");
        assertThat(report.check("coredns").orElseThrow().detail()).contains("not available");
    }

    @Test
    void aClusterWithoutTheNodeNetworkConfigResourceIsNotOnOverlay() throws Exception {
        migratedCluster();
        server.expect().get().withPath("/apis/acn.azure.com/v1alpha/nodenetworkconfigs?limit=500")
                .andReturn(404, new StatusBuilder().withCode(404).withReason("NotFound").build()).always();

        ValidationCheck nnc = validate(PLANNED).check("node-network-configs").orElseThrow();

        assertThat(nnc.status()).isEqualTo(Status.FAILED);
        assertThat(nnc.detail()).contains("no nodenetworkconfigs.acn.azure.com resource");
    }

    @Test
    void aForbiddenReadIsNotRunNotPassed() throws Exception {
        migratedCluster();
        server.expect().get().withPath("/api/v1/namespaces/kube-system/pods?limit=500")
                .andReturn(403, new StatusBuilder().withCode(403).withReason("Forbidden").build()).always();

        ValidationReport report = validate(PLANNED);

        assertThat(report.check("kube-system-pods").orElseThrow()).isEqualTo(ValidationCheck.notRun("kube-system-pods",
                "forbidden: needs list on pods (namespace kube-system)"));
        assertThat(report.passed()).isFalse();
    }

    @Test
    void withoutAPlannedPodCidrTheCidrCheckIsNotRun() throws Exception {
        migratedCluster();

        ValidationReport report = validate(null);

        assertThat(report.check("node-pod-cidrs").orElseThrow().status()).isEqualTo(Status.NOT_RUN);
        assertThat(report.passed()).isFalse();
    }

    @Test
    void anUnreachableApiServerFailsTheFirstCheckAndRunsNoOther() throws Exception {
        KubeAccess unreachable = new KubeconfigAccess(Kubeconfig.read(List.of(TestKubeconfigs.write(dir, "gone",
                TestKubeconfigs.withToken("https://127.0.0.1:1", "aks-prod", "aks-prod", "t")))), "aks-prod");

        ValidationReport report = new ClusterValidator(CLOCK).validate(unreachable, PLANNED, true, Duration.ofSeconds(5));

        assertThat(report.checks().get(0).status()).isEqualTo(Status.FAILED);
        assertThat(report.checks().get(0).detail()).contains("cannot reach the API server");
        assertThat(report.checks().subList(1, report.checks().size()))
                .extracting(ValidationCheck::status).containsOnly(Status.NOT_RUN);
        assertThat(report.checks()).extracting(ValidationCheck::id).contains("probe");
    }
}
