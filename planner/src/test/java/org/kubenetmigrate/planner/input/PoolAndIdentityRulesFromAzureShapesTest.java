package org.kubenetmigrate.planner.input;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kubenetmigrate.planner.assessment.ClusterAssessment;
import org.kubenetmigrate.planner.assessment.ReadinessAssessor;
import org.kubenetmigrate.planner.model.Fleet;
import org.kubenetmigrate.planner.model.MigrationOptions;
import org.kubenetmigrate.planner.rules.Finding;
import org.kubenetmigrate.planner.rules.Readiness;
import org.kubenetmigrate.planner.rules.RuleCatalogue;
import org.kubenetmigrate.planner.rules.Severity;
import org.kubenetmigrate.planner.rules.Unverified;
import org.kubenetmigrate.planner.testing.Fixtures;
import org.kubenetmigrate.planner.testing.InClusterFixtures;

/**
 * The pool and identity rules, fed Azure's own JSON: the ARM GET body and the {@code az aks show} output of the same
 * cluster (fixtures under {@code input/shapes}), each edited the way a real cluster differs. Both shapes must give the
 * same verdict, which also proves the fields are read from both spellings ({@code osSKU}/{@code osSku}).
 */
class PoolAndIdentityRulesFromAzureShapesTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** The cluster of one shape, edited, assessed with a clean in-cluster read so only ARM-data rules speak. */
    ClusterAssessment assess(String shape, Consumer<Cluster> edit) throws Exception {
        ObjectNode resource = (ObjectNode) JSON.readTree(Fixtures.class.getResource("/input/shapes/" + shape
                + "-managed-cluster.json"));
        edit.accept(new Cluster(resource));
        Path file = dir.resolve(shape + "-cluster.json");
        JSON.writeValue(file.toFile(), resource);
        Fleet fleet = new FleetReader().read(List.of(file,
                org.kubenetmigrate.planner.input.Fixtures.fixture("shapes/" + shape + "-virtual-network.json"),
                org.kubenetmigrate.planner.input.Fixtures.fixture("shapes/" + shape + "-route-table.json")));
        return new ReadinessAssessor(RuleCatalogue.all(), Fixtures.TODAY).assess(fleet.clusters().get(0), fleet,
                MigrationOptions.DEFAULTS, InClusterFixtures.healthy().view());
    }

    static List<Finding> findings(ClusterAssessment a, String rule) {
        return a.findings().stream().filter(f -> f.rule().equals(rule)).toList();
    }

    static List<Unverified> unverified(ClusterAssessment a, String rule) {
        return a.unverified().stream().filter(u -> u.check().equals(rule)).toList();
    }

    /** Edits one shape: ARM nests everything under properties, az prints it flat with its own key case. */
    record Cluster(ObjectNode resource) {
        boolean arm() {
            return resource.has("properties");
        }

        ObjectNode props() {
            return arm() ? (ObjectNode) resource.get("properties") : resource;
        }

        ObjectNode pool(String name) {
            for (var pool : props().get("agentPoolProfiles")) {
                if (pool.get("name").asText().equals(name)) {
                    return (ObjectNode) pool;
                }
            }
            throw new AssertionError("no pool " + name);
        }

        Cluster osSku(String pool, String sku) {
            pool(pool).put(arm() ? "osSKU" : "osSku", sku);
            return this;
        }

        Cluster poolVersion(String pool, String version) {
            pool(pool).put("orchestratorVersion", version);
            pool(pool).put("currentOrchestratorVersion", version);
            return this;
        }

        Cluster version(String version) {
            props().put("kubernetesVersion", version);
            props().put("currentKubernetesVersion", version);
            for (var pool : props().get("agentPoolProfiles")) {
                ((ObjectNode) pool).put("orchestratorVersion", version);
                ((ObjectNode) pool).put("currentOrchestratorVersion", version);
            }
            return this;
        }

        Cluster policy(String policy) {
            ((ObjectNode) props().get("networkProfile")).put("networkPolicy", policy);
            return this;
        }

        Cluster poolPower(String pool, String code) {
            pool(pool).putObject("powerState").put("code", code);
            return this;
        }

        Cluster clusterPower(String code) {
            props().putObject("powerState").put("code", code);
            return this;
        }

        /** A cluster created before managed identities: no identity, the service principal's application id. */
        Cluster servicePrincipal(String clientId) {
            if (arm()) {
                resource.remove("identity");
            } else {
                resource.putNull("identity");
            }
            props().putObject("servicePrincipalProfile").put("clientId", clientId);
            return this;
        }

        Cluster poolType(String pool, String type) {
            if (type == null) {
                pool(pool).remove("type");
            } else {
                pool(pool).put("type", type);
            }
            return this;
        }
    }

    // ---- azure-linux-2-pool ----

    @ParameterizedTest
    @ValueSource(strings = {"arm", "az"})
    void azureLinuxBelow132IsAzureLinux2AndBlocks(String shape) throws Exception {
        ClusterAssessment a = assess(shape, c -> c.policy("none").osSku("userpool1", "AzureLinux"));

        assertThat(findings(a, "azure-linux-2-pool")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.BLOCKER);
            assertThat(f.message()).contains("userpool1 (osSKU AzureLinux, Kubernetes 1.31.5)", "Azure Linux 2.0",
                    "were removed on 31 March 2026");
            assertThat(f.remediation()).contains("az aks nodepool update -g rg1 --cluster-name clustername1 -n"
                    + " userpool1 --os-sku AzureLinux3");
        });
        assertThat(a.readiness()).isEqualTo(Readiness.BLOCKED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"arm", "az"})
    void cblMarinerIsAzureLinux2Too(String shape) throws Exception {
        assertThat(findings(assess(shape, c -> c.osSku("nodepool1", "CBLMariner")), "azure-linux-2-pool"))
                .singleElement().satisfies(f -> assertThat(f.message()).contains("nodepool1 (osSKU CBLMariner"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"arm", "az"})
    void azureLinux3AndAzureLinuxFrom132AndUbuntuPass(String shape) throws Exception {
        assertThat(findings(assess(shape, c -> c.osSku("userpool1", "AzureLinux3")), "azure-linux-2-pool")).isEmpty();
        assertThat(findings(assess(shape, c -> c.version("1.32.4").osSku("userpool1", "AzureLinux")),
                "azure-linux-2-pool")).isEmpty();
        assertThat(findings(assess(shape, c -> c.osSku("userpool1", "Ubuntu")), "azure-linux-2-pool")).isEmpty();
    }

    // ---- stopped-pool ----

    @ParameterizedTest
    @ValueSource(strings = {"arm", "az"})
    void aStoppedUserPoolInARunningClusterWarns(String shape) throws Exception {
        ClusterAssessment a = assess(shape, c -> c.policy("none").poolPower("userpool1", "Stopped"));

        assertThat(findings(a, "stopped-pool")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.message()).contains("userpool1 (User)", "not documented");
            assertThat(f.remediation()).contains("az aks nodepool start -g rg1 --cluster-name clustername1 -n userpool1");
        });
        assertThat(a.readiness()).as("a warning alone blocks nothing").isNotEqualTo(Readiness.BLOCKED);
        assertThat(a.unverified()).as("only the checks of what surrounds the cluster (not in this input) stay open")
                .extracting(Unverified::check)
                .allSatisfy(c -> assertThat(c).isIn("resource-lock", "nsg-pod-traffic", "hub-transit", "surge-quota"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"arm", "az"})
    void runningPoolsAndAStoppedClusterAreNotStoppedPools(String shape) throws Exception {
        assertThat(findings(assess(shape, c -> { }), "stopped-pool")).isEmpty();
        ClusterAssessment stopped = assess(shape, c -> c.clusterPower("Stopped").poolPower("nodepool1", "Stopped")
                .poolPower("userpool1", "Stopped"));
        assertThat(findings(stopped, "stopped-pool")).isEmpty();
        assertThat(findings(stopped, "provisioning-state")).isNotEmpty();
    }

    // ---- pool-version-skew ----

    @ParameterizedTest
    @ValueSource(strings = {"arm", "az"})
    void aPoolBelow127WhileTheControlPlanePassesWarns(String shape) throws Exception {
        ClusterAssessment a = assess(shape, c -> c.policy("none").poolVersion("userpool1", "1.26.10"));

        assertThat(findings(a, "kubernetes-version")).isEmpty();
        assertThat(findings(a, "pool-version-skew")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.message()).contains("userpool1 (1.26.10)", "1.27", "control plane runs 1.31");
            assertThat(f.remediation()).contains("az aks nodepool upgrade -g rg1 --cluster-name clustername1");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"arm", "az"})
    void withCalicoAPoolBelow130Warns(String shape) throws Exception {
        ClusterAssessment a = assess(shape, c -> c.policy("calico").poolVersion("userpool1", "1.29.9"));

        assertThat(findings(a, "pool-version-skew")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("userpool1 (1.29.9)", "1.30", "uninstalling calico"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"arm", "az"})
    void poolsAtTheMinimumOrAControlPlaneBelowItGiveNoSkewFinding(String shape) throws Exception {
        assertThat(findings(assess(shape, c -> c.policy("none").poolVersion("userpool1", "1.27.3")),
                "pool-version-skew")).isEmpty();
        ClusterAssessment old = assess(shape, c -> c.policy("none").version("1.26.10"));
        assertThat(findings(old, "pool-version-skew")).as("the control plane's own rule speaks").isEmpty();
        assertThat(findings(old, "kubernetes-version")).isNotEmpty();
    }

    // ---- service-principal-acr ----

    @ParameterizedTest
    @ValueSource(strings = {"arm", "az"})
    void aServicePrincipalClusterWarnsWithTheAttachAcrCommand(String shape) throws Exception {
        ClusterAssessment a = assess(shape, c -> c.servicePrincipal("33333333-3333-3333-3333-333333333333"));

        assertThat(findings(a, "service-principal-acr")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.message()).contains("service principal 33333333-3333-3333-3333-333333333333");
            assertThat(f.remediation()).contains("az aks update -g rg1 -n clustername1 --attach-acr",
                    "az role assignment list --assignee 33333333-3333-3333-3333-333333333333");
        });
        assertThat(findings(a, "identity-type")).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.BLOCKER));
    }

    @ParameterizedTest
    @ValueSource(strings = {"arm", "az"})
    void aManagedIdentityClusterIsNoServicePrincipalCluster(String shape) throws Exception {
        assertThat(findings(assess(shape, c -> { }), "service-principal-acr")).isEmpty();
    }

    // ---- availability-set-pool: a missing type ----

    @ParameterizedTest
    @ValueSource(strings = {"arm", "az"})
    void aPoolWithoutTypeIsUnverifiedNotTakenForAScaleSet(String shape) throws Exception {
        ClusterAssessment a = assess(shape, c -> c.policy("none").poolType("nodepool1", null));

        assertThat(findings(a, "availability-set-pool")).isEmpty();
        assertThat(unverified(a, "availability-set-pool")).singleElement().satisfies(u -> {
            assertThat(u.couldBe()).isEqualTo(Severity.BLOCKER);
            assertThat(u.reason()).contains("nodepool1 have no type", "az aks nodepool show", "--query type");
        });
        assertThat(a.readiness()).isEqualTo(Readiness.INCOMPLETE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"arm", "az"})
    void anAvailabilitySetPoolBlocksAndAScaleSetPoolPasses(String shape) throws Exception {
        assertThat(findings(assess(shape, c -> c.poolType("nodepool1", "AvailabilitySet")), "availability-set-pool"))
                .singleElement().satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.BLOCKER));
        ClusterAssessment scaleSets = assess(shape, c -> { });
        assertThat(findings(scaleSets, "availability-set-pool")).isEmpty();
        assertThat(unverified(scaleSets, "availability-set-pool")).isEmpty();
    }
}
