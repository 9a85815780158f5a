package org.kubenetmigrate.planner.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kubenetmigrate.planner.plan.PlanFixtures.cluster;
import static org.kubenetmigrate.planner.plan.PlanFixtures.systemPool;
import static org.kubenetmigrate.planner.plan.PlanFixtures.userPool;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.kubenetmigrate.planner.model.ArmId;
import org.kubenetmigrate.planner.model.ProvisioningState;
import org.kubenetmigrate.planner.plan.PlanFixtures.ClusterBuilder;
import org.kubenetmigrate.planner.testing.AgentPoolEdit;

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
                pool("pool name", e -> e.name = "system2"),
                pool("pool type", e -> e.type = "AvailabilitySet"),
                pool("pool vmSize", e -> e.vmSize = "Standard_D2s_v5"),
                pool("pool count", e -> e.count++),
                pool("pool autoscaling up to a maximum above its count", e -> {
                    e.autoscaling = true;
                    e.minCount = 1;
                    e.maxCount = 20;
                }),
                pool("pool maxSurge", e -> e.maxSurge = "33%"),
                pool("pool maxPods", e -> e.maxPods = 30),
                pool("pool vnetSubnetID", e -> e.vnetSubnetId = ArmId.of(PlanFixtures.vnetId("vnet-prod") + "/subnets/other")));
    }

    private static Arguments change(String what, Consumer<ClusterBuilder> change) {
        return Arguments.of(what, change);
    }

    /** Changes the system pool only. */
    private static Arguments pool(String what, Consumer<AgentPoolEdit> change) {
        Consumer<ClusterBuilder> onBuilder = b -> b.pools = List.of(AgentPoolEdit.of(systemPool(), change), userPool());
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
                pool("pool provisioningState", e -> e.provisioningState = ProvisioningState.parse("Upgrading")),
                // Not what sizing uses: a pool without autoscaling counts its count.
                pool("pool minCount/maxCount without autoscaling", e -> {
                    e.autoscaling = false;
                    e.minCount = 1;
                    e.maxCount = 20;
                }));
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
