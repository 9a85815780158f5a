package org.kubenetmigrate.executor.kube;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kubenetmigrate.planner.assessment.ClusterAssessment;
import org.kubenetmigrate.planner.assessment.FleetAssessment;
import org.kubenetmigrate.planner.commands.AssessFleet;
import org.kubenetmigrate.planner.commands.PlanCluster;
import org.kubenetmigrate.planner.input.FleetReader;
import org.kubenetmigrate.planner.model.Fleet;
import org.kubenetmigrate.planner.model.MigrationOptions;
import org.kubenetmigrate.planner.plan.MigrationPlan;
import org.kubenetmigrate.planner.plan.Step;
import org.kubenetmigrate.planner.rules.Finding;
import org.kubenetmigrate.planner.rules.Readiness;
import org.kubenetmigrate.planner.rules.Severity;
import org.kubenetmigrate.planner.rules.Unverified;

/**
 * The example fleet assessed with in-cluster reads from the mock API server: the real reader, the real rules, the
 * real planner. Only aks-payments-prod-weu has a context in the kubeconfig.
 */
@EnableKubernetesMockClient(crud = true)
class InClusterAssessmentTest {
    static final String CLUSTER = "aks-payments-prod-weu";

    KubernetesMockServer server;
    KubernetesClient client;

    @TempDir
    Path dir;

    Fleet fleet;
    KubeApiInClusterSource source;

    @BeforeEach
    void setUp() throws Exception {
        fleet = new FleetReader().read(List.of(Path.of("../examples/fleet")));
        new KubeObjects(client)
                .node("aks-system-0", true, "10.244.0.0/24")
                .node("aks-system-1", true, "10.244.1.0/24")
                .configMap("kube-system", "azure-ip-masq-agent-config-reconciled")
                .configMap("kube-system", "azure-ip-masq-agent-config")
                .deployment("payments", "api", 2, Map.of("app", "api"))
                .pdb("payments", "api", Map.of("app", "api"), 2, 0, 2)
                .deployment("payments", "batch", 1, Map.of("app", "batch"));
        Kubeconfig kubeconfig = Kubeconfig.read(List.of(TestKubeconfigs.write(dir, "config",
                TestKubeconfigs.withToken(server.url("/"), CLUSTER, CLUSTER, TestKubeconfigs.TOKEN))));
        source = new KubeApiInClusterSource(kubeconfig, null, InClusterCollectionTest.CLOCK);
    }

    private static ClusterAssessment cluster(FleetAssessment fleet, String name) {
        return fleet.clusters().stream().filter(c -> c.cluster().name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aClusterIncompleteWithoutTheInsideReadIsBlockedOnceItFindsALeftoverIpMasqConfigMap() {
        AssessFleet assess = new AssessFleet(InClusterCollectionTest.CLOCK);

        ClusterAssessment armOnly = cluster(assess.run(fleet, MigrationOptions.DEFAULTS), CLUSTER);
        FleetAssessment withInCluster = assess.run(fleet, MigrationOptions.DEFAULTS, source);
        ClusterAssessment inside = cluster(withInCluster, CLUSTER);

        assertThat(armOnly.readiness()).as("ARM alone cannot see the ConfigMap").isEqualTo(Readiness.INCOMPLETE);
        assertThat(armOnly.unverified()).extracting(u -> u.check()).containsExactly("ip-masq-agent-config");
        assertThat(inside.readiness()).isEqualTo(Readiness.BLOCKED);
        assertThat(inside.findings()).extracting(Finding::rule, Finding::severity).contains(
                org.assertj.core.groups.Tuple.tuple("ip-masq-agent-config", Severity.BLOCKER),
                org.assertj.core.groups.Tuple.tuple("pdb-blocks-drain", Severity.WARNING),
                org.assertj.core.groups.Tuple.tuple("single-replica-workloads", Severity.INFO));
        assertThat(inside.unverified()).isEmpty();
    }

    @Test
    void requestedButWithoutAContextAClusterCannotBeReadyAndNonKubenetClustersAreNotAsked() {
        FleetAssessment assessment = new AssessFleet(InClusterCollectionTest.CLOCK)
                .run(fleet, MigrationOptions.DEFAULTS, source);

        ClusterAssessment retail = cluster(assessment, "aks-retail-prod-eus2");
        assertThat(retail.readiness()).isEqualTo(Readiness.INCOMPLETE);
        assertThat(retail.unverified()).extracting(Unverified::reason)
                .allSatisfy(r -> assertThat(r).contains("no context for cluster aks-retail-prod-eus2"));
        assertThat(assessment.clusters()).filteredOn(c -> c.readiness() == Readiness.NOT_APPLICABLE)
                .isNotEmpty().allSatisfy(c -> assertThat(c.unverified()).isEmpty());
        assertThat(assessment.clusters()).noneMatch(c -> c.readiness() == Readiness.READY);
    }

    @Test
    void calicoClusterMovingItsPodCidrGetsThePolicyGapTheIpBlocksAndItsNotReadyNode() throws Exception {
        new KubeObjects(client)
                .node("aks-system-2", false, "10.244.2.0/24")
                .networkPolicy("payments", "from-pods", "10.244.0.0/16")
                .networkPolicy("payments", "deny-all")
                .custom(ResourceKind.CALICO_CRD_GLOBAL_NETWORK_POLICY, null, "default.deny-egress");
        // The user names the context: trusted to be this cluster's, whatever it is called.
        KubeApiInClusterSource named = new KubeApiInClusterSource(Kubeconfig.read(List.of(dir.resolve("config"))),
                CLUSTER, InClusterCollectionTest.CLOCK);
        MigrationOptions options = new MigrationOptions(org.kubenetmigrate.planner.model.TargetIpam.OVERLAY, false,
                org.kubenetmigrate.planner.cidr.IpPrefix.parse("100.64.0.0/16"), List.of(), null);

        MigrationPlan plan = new PlanCluster(InClusterCollectionTest.CLOCK)
                .run(fleet, "aks-payments-stg-weu", options, named);

        assertThat(plan.assessment().findings()).extracting(Finding::rule).contains("policy-enforcement-gap",
                "ipblock-pod-cidr", "nodes-not-ready");
        assertThat(plan.assessment().findings()).filteredOn(f -> f.rule().equals("policy-enforcement-gap"))
                .singleElement().extracting(Finding::message).asString()
                .startsWith("2 Kubernetes NetworkPolicies in 1 namespace and 1 Calico policy (GlobalNetworkPolicy 1)");
        assertThat(plan.assessment().readiness()).isEqualTo(Readiness.BLOCKED);
    }

    @Test
    void aCleanClusterReadInsideStaysReady() throws Exception {
        client.configMaps().inNamespace("kube-system").withName("azure-ip-masq-agent-config").delete();
        client.policy().v1().podDisruptionBudget().inNamespace("payments").withName("api").delete();

        ClusterAssessment inside = cluster(new AssessFleet(InClusterCollectionTest.CLOCK)
                .run(fleet, MigrationOptions.DEFAULTS, source), CLUSTER);

        assertThat(inside.readiness()).isEqualTo(Readiness.READY);
        assertThat(inside.unverified()).isEmpty();
        assertThat(inside.findings()).extracting(Finding::rule)
                .doesNotContain("ip-masq-agent-config", "pdb-blocks-drain", "nodes-not-ready");
    }

    @Test
    void planWithRemoveIpMasqConfigBacksTheConfigMapUpAndDeletesIt() throws Exception {
        MigrationPlan plan = new PlanCluster(InClusterCollectionTest.CLOCK)
                .run(fleet, CLUSTER, MigrationOptions.DEFAULTS.withRemoveIpMasqConfig(true), source);

        assertThat(plan.assessment().readiness()).isEqualTo(Readiness.ACTIONS_REQUIRED);
        Step step = plan.step("remove-ip-masq-config").orElseThrow();
        assertThat(step.description()).contains("kube-system/azure-ip-masq-agent-config;");
        assertThat(plan.notes()).anyMatch(n -> n.startsWith("in-cluster: read from kubeconfig ")
                && n.contains("context " + CLUSTER));
    }
}
