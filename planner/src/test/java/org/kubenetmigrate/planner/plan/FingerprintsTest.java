package org.kubenetmigrate.planner.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kubenetmigrate.planner.plan.PlanFixtures.cluster;
import static org.kubenetmigrate.planner.plan.PlanFixtures.systemPool;
import static org.kubenetmigrate.planner.plan.PlanFixtures.userPool;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.kubenetmigrate.planner.model.AgentPool;
import org.kubenetmigrate.planner.model.ArmId;
import org.kubenetmigrate.planner.model.ProvisioningState;
import org.kubenetmigrate.planner.plan.PlanFixtures.ClusterBuilder;

class FingerprintsTest {

    @Test
    void isStableAndWellFormed() {
        Fingerprint first = Fingerprints.of(cluster().build());
        Fingerprint second = Fingerprints.of(cluster().build());

        assertThat(first).isEqualTo(second);
        assertThat(first.propertiesHash()).matches("sha256:[0-9a-f]{64}");
        assertThat(first.etag()).isEqualTo(PlanFixtures.ETAG);
        assertThat(first.properties()).contains("properties.networkProfile.networkPlugin", "identity.type",
                "agentPoolProfiles[].vmSize", "agentPoolProfiles[].vnetSubnetID");
    }

    @Test
    void ignoresPoolOrderIdSpellingAndTags() {
        Fingerprint reference = Fingerprints.of(cluster().build());
        ClusterBuilder other = cluster();
        other.pools = List.of(userPool(), systemPool());
        other.idSpelling = other.id().toUpperCase().replace("/SUBSCRIPTIONS/", "/subscriptions/");
        other.tags = Map.of("owner", "someone else");

        assertThat(Fingerprints.of(other.build()).propertiesHash()).isEqualTo(reference.propertiesHash());
    }

    @Test
    void theEtagIsKeptButNotHashed() {
        Fingerprint withEtag = Fingerprints.of(cluster().build());
        Fingerprint without = Fingerprints.of(cluster().etag(null).build());

        assertThat(without.etag()).isNull();
        assertThat(without.propertiesHash()).isEqualTo(withEtag.propertiesHash());
    }

    @Test
    void theCanonicalTextHasOneLinePerPropertyAndPool() {
        String text = Fingerprints.canonicalText(cluster().build());

        assertThat(text).startsWith(Fingerprints.FORMAT + "\n")
                .contains("properties.networkProfile.networkPlugin=\"kubenet\"\n")
                .contains("properties.networkProfile.networkPluginMode=null\n")
                .contains("agentPoolProfiles[\"system\"].upgradeSettings.maxSurge=\"1\"\n");
        assertThat(text.indexOf("agentPoolProfiles[\"system\"]")).isLessThan(text.indexOf("agentPoolProfiles[\"user\"]"));
    }

    static Stream<Arguments> relevantChanges() {
        return Stream.of(
                change("id", b -> b.name = "aks-other"),
                change("kubernetesVersion", b -> b.kubernetesVersion = "1.32.0"),
                change("currentKubernetesVersion", b -> b.currentKubernetesVersion = "1.30.9"),
                change("networkPlugin", b -> b.plugin = "azure"),
                change("networkPluginMode", b -> b.pluginMode = "overlay"),
                change("networkPolicy", b -> b.policy = "calico"),
                change("networkDataplane", b -> b.dataplane = "cilium"),
                change("podCidr", b -> b.podCidr = "10.245.0.0/16"),
                change("serviceCidr", b -> b.serviceCidr = "10.2.0.0/16"),
                change("dnsServiceIP", b -> b.dnsServiceIp = "10.0.0.11"),
                change("outboundType", b -> b.outboundType = "userDefinedRouting"),
                change("ipFamilies", b -> b.ipFamilies = List.of("IPv4", "IPv6")),
                change("identity.type", b -> b.identityType = "SystemAssigned"),
                change("identity ids", b -> b.identityIds = List.of(PlanFixtures.UAMI + "-2")),
                change("pool added", b -> b.pools = List.of(systemPool())),
                pool("pool name", p -> new AgentPool("system2", p.mode(), p.type(), p.vmSize(), p.osType(), p.count(),
                        p.autoscaling(), p.minCount(), p.maxCount(), p.maxSurge(), p.maxPods(), p.provisioningState(),
                        p.powerState(), p.vnetSubnetId(), p.podSubnetId(), p.orchestratorVersion())),
                pool("pool type", p -> new AgentPool(p.name(), p.mode(), "AvailabilitySet", p.vmSize(), p.osType(),
                        p.count(), p.autoscaling(), p.minCount(), p.maxCount(), p.maxSurge(), p.maxPods(),
                        p.provisioningState(), p.powerState(), p.vnetSubnetId(), p.podSubnetId(), p.orchestratorVersion())),
                pool("pool vmSize", p -> new AgentPool(p.name(), p.mode(), p.type(), "Standard_D2s_v5", p.osType(),
                        p.count(), p.autoscaling(), p.minCount(), p.maxCount(), p.maxSurge(), p.maxPods(),
                        p.provisioningState(), p.powerState(), p.vnetSubnetId(), p.podSubnetId(), p.orchestratorVersion())),
                pool("pool count", p -> new AgentPool(p.name(), p.mode(), p.type(), p.vmSize(), p.osType(),
                        p.count() + 1, p.autoscaling(), p.minCount(), p.maxCount(), p.maxSurge(), p.maxPods(),
                        p.provisioningState(), p.powerState(), p.vnetSubnetId(), p.podSubnetId(), p.orchestratorVersion())),
                pool("pool autoscaling up to a maximum above its count", p -> new AgentPool(p.name(), p.mode(),
                        p.type(), p.vmSize(), p.osType(), p.count(), true, 1, 20, p.maxSurge(), p.maxPods(),
                        p.provisioningState(), p.powerState(), p.vnetSubnetId(), p.podSubnetId(),
                        p.orchestratorVersion())),
                pool("pool maxSurge", p -> new AgentPool(p.name(), p.mode(), p.type(), p.vmSize(), p.osType(),
                        p.count(), p.autoscaling(), p.minCount(), p.maxCount(), "33%", p.maxPods(),
                        p.provisioningState(), p.powerState(), p.vnetSubnetId(), p.podSubnetId(), p.orchestratorVersion())),
                pool("pool maxPods", p -> new AgentPool(p.name(), p.mode(), p.type(), p.vmSize(), p.osType(),
                        p.count(), p.autoscaling(), p.minCount(), p.maxCount(), p.maxSurge(), 30,
                        p.provisioningState(), p.powerState(), p.vnetSubnetId(), p.podSubnetId(), p.orchestratorVersion())),
                pool("pool vnetSubnetID", p -> new AgentPool(p.name(), p.mode(), p.type(), p.vmSize(), p.osType(),
                        p.count(), p.autoscaling(), p.minCount(), p.maxCount(), p.maxSurge(), p.maxPods(),
                        p.provisioningState(), p.powerState(), ArmId.of(PlanFixtures.vnetId("vnet-prod") + "/subnets/other"),
                        p.podSubnetId(), p.orchestratorVersion())));
    }

    private static Arguments change(String what, Consumer<ClusterBuilder> change) {
        return Arguments.of(what, change);
    }

    /** Changes the system pool only. */
    private static Arguments pool(String what, UnaryOperator<AgentPool> change) {
        Consumer<ClusterBuilder> onBuilder = b -> b.pools = List.of(change.apply(systemPool()), userPool());
        return Arguments.of(what, onBuilder);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("relevantChanges")
    void everyRelevantChangeAltersTheHash(String what, Consumer<ClusterBuilder> change) {
        String reference = Fingerprints.of(cluster().build()).propertiesHash();
        ClusterBuilder changed = cluster();
        change.accept(changed);

        assertThat(Fingerprints.of(changed.build()).propertiesHash()).as(what).isNotEqualTo(reference);
    }

    static Stream<Arguments> changesThePlanDoesNotDependOn() {
        return Stream.of(
                // Transient state: precheck checks it on the live cluster.
                change("provisioningState", b -> b.provisioningState = "Updating"),
                change("powerState", b -> b.powerState = "Stopped"),
                pool("pool provisioningState", p -> new AgentPool(p.name(), p.mode(), p.type(), p.vmSize(), p.osType(),
                        p.count(), p.autoscaling(), p.minCount(), p.maxCount(), p.maxSurge(), p.maxPods(),
                        ProvisioningState.parse("Upgrading"), p.powerState(), p.vnetSubnetId(), p.podSubnetId(), p.orchestratorVersion())),
                // Not what sizing uses: a pool without autoscaling counts its count.
                pool("pool minCount/maxCount without autoscaling", p -> new AgentPool(p.name(), p.mode(), p.type(),
                        p.vmSize(), p.osType(), p.count(), false, 1, 20, p.maxSurge(), p.maxPods(),
                        p.provisioningState(), p.powerState(), p.vnetSubnetId(), p.podSubnetId(),
                        p.orchestratorVersion())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changesThePlanDoesNotDependOn")
    void changesThePlanDoesNotDependOnKeepTheHash(String what, Consumer<ClusterBuilder> change) {
        String reference = Fingerprints.of(cluster().build()).propertiesHash();
        ClusterBuilder changed = cluster();
        change.accept(changed);

        assertThat(Fingerprints.of(changed.build()).propertiesHash()).as(what).isEqualTo(reference);
    }

    @Test
    void nullAndEmptyDiffer() {
        ClusterBuilder nullDns = cluster();
        nullDns.dnsServiceIp = null;
        ClusterBuilder emptyDns = cluster();
        emptyDns.dnsServiceIp = "";

        assertThat(Fingerprints.of(nullDns.build())).isNotEqualTo(Fingerprints.of(emptyDns.build()));
    }

    @Test
    void anEnumValueCountsAsAzureMeansIt() {
        // A blank policy is no policy, and a policy in another case is the same policy: neither makes a plan stale.
        ClusterBuilder none = cluster();
        ClusterBuilder blank = cluster();
        blank.policy = " ";
        ClusterBuilder calico = cluster();
        calico.policy = "calico";
        ClusterBuilder shouting = cluster();
        shouting.policy = "CALICO";

        assertThat(Fingerprints.of(blank.build())).isEqualTo(Fingerprints.of(none.build()));
        assertThat(Fingerprints.of(shouting.build())).isEqualTo(Fingerprints.of(calico.build()));
        assertThat(Fingerprints.of(calico.build())).isNotEqualTo(Fingerprints.of(none.build()));
    }

    @Test
    void valuesCannotForgeLines() {
        ClusterBuilder sneaky = cluster();
        sneaky.dnsServiceIp = "10.0.0.10\"\nproperties.networkProfile.outboundType=\"x";

        assertThat(Fingerprints.canonicalText(sneaky.build()))
                .contains("dnsServiceIP=\"10.0.0.10\\\"\\u000aproperties");
    }
}
