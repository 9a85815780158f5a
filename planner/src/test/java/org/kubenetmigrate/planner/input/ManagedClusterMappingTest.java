package org.kubenetmigrate.planner.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kubenetmigrate.planner.cidr.IpPrefix;
import org.kubenetmigrate.planner.model.AgentPool;
import org.kubenetmigrate.planner.model.ArmId;
import org.kubenetmigrate.planner.model.ClusterIdentity;
import org.kubenetmigrate.planner.model.Dataplane;
import org.kubenetmigrate.planner.model.ManagedCluster;
import org.kubenetmigrate.planner.model.NetworkPlugin;
import org.kubenetmigrate.planner.model.NetworkPolicy;
import org.kubenetmigrate.planner.model.NetworkProfile;
import org.kubenetmigrate.planner.model.ProvisioningState;

/** Field by field mapping of managed clusters (AKS api-version 2025-09-01 names). */
class ManagedClusterMappingTest {
    private static final String SUB = "/subscriptions/00000000-0000-0000-0000-000000000000";
    private static final ArmId NODE_SUBNET =
            ArmId.of(SUB + "/resourceGroups/rg1/providers/Microsoft.Network/virtualNetworks/test-vnet/subnets/aks-nodes");

    @TempDir
    Path dir;

    @Test
    void mapsEveryFieldOfAnArmManagedCluster() throws Exception {
        ManagedCluster c = Fixtures.readFixtures("shapes/arm-managed-cluster.json").clusters().get(0);

        assertThat(c.id()).isEqualTo(ArmId.of(SUB + "/resourceGroups/rg1/providers/Microsoft.ContainerService/managedClusters/clustername1"));
        assertThat(c.name()).isEqualTo("clustername1");
        assertThat(c.subscriptionId()).isEqualTo("00000000-0000-0000-0000-000000000000");
        assertThat(c.resourceGroup()).isEqualTo("rg1");
        assertThat(c.location()).isEqualTo("westus");
        assertThat(c.kubernetesVersion()).isEqualTo("1.31");
        assertThat(c.currentKubernetesVersion()).isEqualTo("1.31.5");
        assertThat(c.provisioningState()).hasToString("Succeeded");
        assertThat(c.powerState()).isEqualTo("Running");
        assertThat(c.identity()).isEqualTo(new ClusterIdentity("UserAssigned", List.of(
                SUB + "/resourceGroups/rg1/providers/Microsoft.ManagedIdentity/userAssignedIdentities/cp-identity"),
                "msi"));
        assertThat(c.identity().isServicePrincipal()).isFalse();
        assertThat(c.privateCluster()).isTrue();
        assertThat(c.agicAddonEnabled()).isTrue();
        assertThat(c.podIdentityEnabled()).isFalse();
        assertThat(c.nodeResourceGroup()).isEqualTo("MC_rg1_clustername1_westus");
        assertThat(c.etag()).isEqualTo("beywbwei");
        assertThat(c.tags()).isEqualTo(Map.of("archv2", "", "tier", "production"));
        assertThat(c.network()).isEqualTo(new NetworkProfile(NetworkPlugin.parse("kubenet"), null, NetworkPolicy.parse("calico"),
                Dataplane.parse("azure"),
                IpPrefix.parse("10.244.0.0/16"), List.of(IpPrefix.parse("10.244.0.0/16")),
                IpPrefix.parse("10.0.0.0/16"), List.of(IpPrefix.parse("10.0.0.0/16")),
                "10.0.0.10", "userDefinedRouting", List.of("IPv4")));
        assertThat(c.agentPools()).containsExactly(
                new AgentPool("nodepool1", "System", "VirtualMachineScaleSets", "Standard_DS1_v2", "Linux", 3, false,
                        null, null, "33%", 110, ProvisioningState.parse("Succeeded"), "Running", NODE_SUBNET, null, "1.31.5"),
                new AgentPool("userpool1", "User", "VirtualMachineScaleSets", "Standard_D4s_v5", "Linux", 2, true,
                        2, 10, "1", 110, ProvisioningState.parse("Succeeded"), "Running", NODE_SUBNET, null, "1.31.5"));
    }

    @Test
    void readsPodCidrFromPodCidrsWhenPodCidrIsAbsent() throws Exception {
        ManagedCluster c = cluster("""
                "networkProfile": {"networkPlugin": "kubenet",
                                   "podCidrs": ["fd12:3456:789a::/64", "10.244.0.0/16"],
                                   "ipFamilies": ["IPv6", "IPv4"]}
                """);

        assertThat(c.network().podCidr()).isEqualTo(IpPrefix.parse("10.244.0.0/16"));
        assertThat(c.network().podCidrs()).hasSize(2);
        assertThat(c.network().isDualStack()).isTrue();
    }

    @Test
    void prefersPodCidrOverPodCidrs() throws Exception {
        ManagedCluster c = cluster("""
                "networkProfile": {"networkPlugin": "kubenet", "podCidr": "10.244.0.0/16",
                                   "podCidrs": ["10.245.0.0/16"]}
                """);

        assertThat(c.network().podCidr()).isEqualTo(IpPrefix.parse("10.244.0.0/16"));
    }

    @Test
    void leavesPodCidrNullWhenNeitherFieldIsSet() throws Exception {
        ManagedCluster c = cluster("""
                "networkProfile": {"networkPlugin": "azure", "podCidr": null, "podCidrs": null}
                """);

        assertThat(c.network().podCidr()).isNull();
        assertThat(c.network().podCidrs()).isEmpty();
    }

    @Test
    void lowerCasesPluginModePolicyAndDataplane() throws Exception {
        ManagedCluster c = cluster("""
                "networkProfile": {"networkPlugin": "Azure", "networkPluginMode": "Overlay",
                                   "networkPolicy": "Cilium", "networkDataplane": "Cilium",
                                   "outboundType": "loadBalancer"}
                """);

        assertThat(c.network().plugin()).hasToString("azure");
        assertThat(c.network().pluginMode()).hasToString("overlay");
        assertThat(c.network().policy()).hasToString("cilium");
        assertThat(c.network().dataplane()).hasToString("cilium");
        assertThat(c.network().outboundType()).isEqualTo("loadBalancer");
    }

    @Test
    void toleratesANumericMaxSurge() throws Exception {
        ManagedCluster c = cluster("""
                "networkProfile": {"networkPlugin": "kubenet"},
                "agentPoolProfiles": [{"name": "p1", "count": 1, "upgradeSettings": {"maxSurge": 2}},
                                      {"name": "p2", "count": 1, "upgradeSettings": {}},
                                      {"name": "p3", "count": 1}]
                """);

        assertThat(c.agentPools()).extracting(AgentPool::maxSurge).containsExactly("2", null, null);
    }

    @Test
    void fallsBackToKeysThatDifferOnlyInCase() throws Exception {
        ManagedCluster c = cluster("""
                "ETAG": "etag-1",
                "networkProfile": {"NetworkPlugin": "kubenet", "dnsServiceIp": "10.0.0.10"},
                "agentPoolProfiles": [{"name": "p1", "count": 1,
                                       "vnetSubnetId": "%s/resourceGroups/rg1/providers/Microsoft.Network/virtualNetworks/test-vnet/subnets/aks-nodes",
                                       "PODSUBNETID": "%s/resourceGroups/rg1/providers/Microsoft.Network/virtualNetworks/test-vnet/subnets/pods"}]
                """.formatted(SUB, SUB));

        assertThat(c.etag()).isEqualTo("etag-1");
        assertThat(c.network().plugin()).hasToString("kubenet");
        assertThat(c.network().dnsServiceIp()).isEqualTo("10.0.0.10");
        assertThat(c.agentPools().get(0).vnetSubnetId()).isEqualTo(NODE_SUBNET);
        assertThat(c.agentPools().get(0).podSubnetId().name()).isEqualTo("pods");
    }

    @Test
    void prefersTheExactKeyOverACaseVariant() throws Exception {
        ManagedCluster c = cluster("""
                "Location": "eastus",
                "location": "westus",
                "networkProfile": {"networkPlugin": "kubenet"}
                """);

        assertThat(c.location()).isEqualTo("westus");
    }

    @Test
    void findsTheAgicAddonWhateverTheCaseOfItsKey() throws Exception {
        ManagedCluster c = cluster("""
                "networkProfile": {"networkPlugin": "kubenet"},
                "addonProfiles": {"IngressApplicationGateway": {"enabled": true}}
                """);

        assertThat(c.agicAddonEnabled()).isTrue();
    }

    @Test
    void readsAbsentOrNullOptionalSectionsAsDefaults() throws Exception {
        ManagedCluster c = cluster("""
                "networkProfile": {"networkPlugin": "kubenet"},
                "identity": null, "tags": null, "addonProfiles": null, "apiServerAccessProfile": null,
                "podIdentityProfile": null, "powerState": null, "agentPoolProfiles": null
                """);

        assertThat(c.identity()).isEqualTo(ClusterIdentity.NONE);
        assertThat(c.tags()).isEmpty();
        assertThat(c.agicAddonEnabled()).isFalse();
        assertThat(c.privateCluster()).isFalse();
        assertThat(c.podIdentityEnabled()).isFalse();
        assertThat(c.powerState()).isNull();
        assertThat(c.agentPools()).isEmpty();
    }

    @Test
    void takesSubscriptionAndResourceGroupFromFieldsBeforeTheId() throws Exception {
        ManagedCluster fromId = cluster("""
                "networkProfile": {"networkPlugin": "kubenet"}
                """);
        ManagedCluster fromFields = cluster("""
                "subscriptionId": "11111111-1111-1111-1111-111111111111", "resourceGroup": "RG-ONE",
                "networkProfile": {"networkPlugin": "kubenet"}
                """);

        assertThat(fromId.subscriptionId()).isEqualTo("00000000-0000-0000-0000-000000000000");
        assertThat(fromId.resourceGroup()).isEqualTo("rg1");
        assertThat(fromFields.subscriptionId()).isEqualTo("11111111-1111-1111-1111-111111111111");
        assertThat(fromFields.resourceGroup()).isEqualTo("RG-ONE");
    }

    @Test
    void countsAnAbsentPoolCountAsZero() throws Exception {
        ManagedCluster c = cluster("""
                "networkProfile": {"networkPlugin": "kubenet"},
                "agentPoolProfiles": [{"name": "p1", "enableAutoScaling": true, "minCount": 0, "maxCount": 5}]
                """);

        assertThat(c.agentPools().get(0).count()).isZero();
        assertThat(c.agentPools().get(0).maxNodes()).isEqualTo(5);
    }

    /** An az-shaped cluster with the given top-level fields besides id and name. */
    private ManagedCluster cluster(String fields) throws InputException {
        String json = """
                {"id": "%s/resourcegroups/rg1/providers/Microsoft.ContainerService/managedClusters/c1",
                 "name": "c1", "type": "Microsoft.ContainerService/ManagedClusters",
                 %s}
                """.formatted(SUB, fields);
        return Fixtures.read(Fixtures.write(dir, "cluster.json", json)).clusters().get(0);
    }
}
