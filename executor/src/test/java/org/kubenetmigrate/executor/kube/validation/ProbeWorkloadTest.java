package org.kubenetmigrate.executor.kube.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
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

/** The probe workload: created in its own namespace, judged, and always removed, also when it times out. */
@EnableKubernetesMockClient(crud = true)
class ProbeWorkloadTest {
    static final IpPrefix PLANNED = IpPrefix.parse("100.64.0.0/16");
    static final ProbeSettings FAST = new ProbeSettings("example.invalid/busybox:test", Duration.ofMillis(50), null);

    KubernetesMockServer server;
    KubernetesClient client;

    @TempDir
    Path dir;

    @BeforeEach
    void twoReadyNodes() {
        new KubeObjects(client)
                .node("aks-nodepool1-0", true, "100.64.0.0/24")
                .node("aks-nodepool1-1", true, "100.64.1.0/24")
                .custom(ResourceKind.NODE_NETWORK_CONFIG, "kube-system", "aks-nodepool1-0")
                .custom(ResourceKind.NODE_NETWORK_CONFIG, "kube-system", "aks-nodepool1-1")
                .pod("kube-system", "coredns-1", "Running", true)
                .availableDeployment("kube-system", "coredns", 2);
    }

    private ValidationReport validate(Duration timeout) throws Exception {
        return validate(FAST, timeout);
    }

    private ValidationReport validate(ProbeSettings settings, Duration timeout) throws Exception {
        KubeAccess access = new KubeconfigAccess(Kubeconfig.read(List.of(TestKubeconfigs.write(dir, "config",
                TestKubeconfigs.withToken(server.url("/"), "aks-prod", "aks-prod", TestKubeconfigs.TOKEN)))), "aks-prod");
        return new ClusterValidator(Clock.systemUTC(), settings).validate(access, PLANNED, true, timeout);
    }

    private void assertNothingLeftBehind() {
        assertThat(client.namespaces().list().getItems())
                .noneMatch(n -> n.getMetadata().getName().startsWith("kubenet-migrate-probe-"));
        assertThat(client.pods().inAnyNamespace().withLabel(ProbeWorkload.MANAGED_BY, ProbeWorkload.MANAGER).list()
                .getItems()).isEmpty();
    }

    @Test
    void probePassesAcrossTwoNodesAndRemovesItself() throws Exception {
        ValidationReport report;
        try (FakeKubelet kubelet = new FakeKubelet(client, 0, "100.64.0.")) {
            report = validate(Duration.ofSeconds(20));
            assertThat(kubelet.placedOn).containsOnlyKeys(ProbeWorkload.SERVER, ProbeWorkload.CLIENT);
            assertThat(kubelet.placedOn.get(ProbeWorkload.SERVER)).isNotEqualTo(kubelet.placedOn.get(ProbeWorkload.CLIENT));
            assertThat(kubelet.namespaces).hasSize(1);
        }

        assertThat(report.check("probe").orElseThrow()).satisfies(c -> {
            assertThat(c.status()).as(c.detail()).isEqualTo(Status.PASSED);
            assertThat(c.detail()).contains("kubernetes.default.svc.cluster.local", "from a pod on aks-nodepool1-1 to"
                    + " 100.64.0.10 on aks-nodepool1-0");
        });
        assertThat(report.check("probe-cleanup").orElseThrow().status()).isEqualTo(Status.PASSED);
        assertThat(report.passed()).isTrue();
        assertNothingLeftBehind();
    }

    @Test
    void probeTimesOutCleanlyWhenPodsNeverBecomeReady() throws Exception {
        ValidationReport report = validate(Duration.ofMillis(600));

        ValidationCheck probe = report.check("probe").orElseThrow();
        assertThat(probe.status()).isEqualTo(Status.FAILED);
        assertThat(probe.detail()).matches("timed out after 600ms waiting for probe-server-[a-z0-9]{6} on"
                + " aks-nodepool1-0 to be Ready \\(phase: no status\\)");
        assertThat(report.check("probe-cleanup").orElseThrow().status()).isEqualTo(Status.PASSED);
        assertThat(report.check("nodes-ready").orElseThrow().status()).isEqualTo(Status.PASSED);
        assertNothingLeftBehind();
    }

    @Test
    void inAPreparedNamespaceOnlyPodsAreCreatedAndDeleted() throws Exception {
        client.namespaces().resource(new io.fabric8.kubernetes.api.model.NamespaceBuilder().withNewMetadata()
                .withName("netcheck").endMetadata().build()).create();
        ValidationReport report;
        try (FakeKubelet kubelet = new FakeKubelet(client, 0, "100.64.0.")) {
            report = validate(new ProbeSettings("example.invalid/busybox:test", Duration.ofMillis(50), "netcheck"),
                    Duration.ofSeconds(20));
            assertThat(kubelet.namespaces).containsOnlyKeys("netcheck");
        }

        assertThat(report.check("probe").orElseThrow().status()).isEqualTo(Status.PASSED);
        assertThat(report.check("probe-cleanup").orElseThrow().detail()).startsWith("deleted pods probe-server-")
                .endsWith(" in netcheck");
        assertThat(client.namespaces().withName("netcheck").get()).isNotNull();
        assertNothingLeftBehind();
    }

    @Test
    void failedDnsLookupIsNamedFromTheClientsExitCode() throws Exception {
        ValidationReport report;
        try (FakeKubelet kubelet = new FakeKubelet(client, ProbeWorkload.EXIT_DNS, "100.64.0.")) {
            report = validate(Duration.ofSeconds(20));
            assertThat(kubelet.placedOn).containsKey(ProbeWorkload.CLIENT);
        }

        assertThat(report.check("probe").orElseThrow().detail())
                .isEqualTo("DNS lookup of kubernetes.default.svc.cluster.local failed on aks-nodepool1-1");
        assertNothingLeftBehind();
    }

    @Test
    void podsOutsideThePlannedPodCidrFailTheProbeEvenWhenTrafficWorks() throws Exception {
        ValidationReport report;
        try (FakeKubelet kubelet = new FakeKubelet(client, 0, "10.244.0.")) {
            report = validate(Duration.ofSeconds(20));
            assertThat(kubelet.placedOn).containsKey(ProbeWorkload.CLIENT);
        }

        assertThat(report.check("probe").orElseThrow().detail())
                .contains("worked, but pod IPs 10.244.0.10, 10.244.0.11 are outside the planned pod CIDR 100.64.0.0/16");
    }

    @Test
    void oneEligibleNodeIsNotEnoughToTestTrafficAcrossNodes() throws Exception {
        client.nodes().withName("aks-nodepool1-1").edit(n -> {
            n.getSpec().setUnschedulable(true);
            return n;
        });

        ValidationCheck probe = validate(Duration.ofSeconds(5)).check("probe").orElseThrow();

        assertThat(probe.status()).isEqualTo(Status.FAILED);
        assertThat(probe.detail()).contains("needs two Ready, schedulable Linux nodes", "found 1");
        assertThat(probe.status()).isEqualTo(Status.FAILED);
        assertNothingLeftBehind();
    }

    @Test
    void forbiddenNamespaceCreationSaysWhichPermissionTheProbeNeeds() throws Exception {
        server.expect().post().withPath("/api/v1/namespaces")
                .andReturn(403, new StatusBuilder().withCode(403).withReason("Forbidden").build()).always();

        ValidationReport report = validate(Duration.ofSeconds(5));

        assertThat(report.check("probe").orElseThrow().detail()).startsWith("forbidden: the probe needs create and delete on"
                + " namespaces");
        assertThat(report.check("probe-cleanup")).isEmpty();
    }
}
