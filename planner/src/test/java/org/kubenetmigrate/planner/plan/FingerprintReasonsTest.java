package org.kubenetmigrate.planner.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.kubenetmigrate.planner.model.ManagedCluster;
import org.kubenetmigrate.planner.rules.Rule;
import org.kubenetmigrate.planner.rules.RuleCatalogue;
import org.kubenetmigrate.planner.testing.Fixtures;

/** Every property in the fingerprint is there because a step or a rule reads it, and the reason names which. */
class FingerprintReasonsTest {
    private static final Set<String> STEPS = Arrays.stream(StepId.values()).map(StepId::id).collect(Collectors.toSet());
    private static final Set<String> RULES = RuleCatalogue.all().stream().map(Rule::id).collect(Collectors.toSet());

    @Test
    void everyPropertyNamesAStepOrARuleThatExists() {
        assertThat(Fingerprints.PROPERTIES).isEqualTo(Fingerprints.WHY.keySet().stream().toList());
        for (Map.Entry<String, String> why : Fingerprints.WHY.entrySet()) {
            boolean namesOne = Arrays.stream(why.getValue().split("[^a-z0-9-]+"))
                    .anyMatch(word -> STEPS.contains(word) || RULES.contains(word));
            assertThat(namesOne).as(why.getKey() + ": " + why.getValue()).isTrue();
        }
    }

    @Test
    void everyPropertyIsInTheCanonicalTextAndNothingElse() {
        String text = Fingerprints.canonicalText(Fixtures.kubenetCluster("c").build());
        Set<String> names = text.lines().skip(1).map(l -> l.substring(0, l.indexOf('=')))
                .map(n -> n.replaceAll("agentPoolProfiles\\[[^]]*]", "agentPoolProfiles[]")).collect(Collectors.toSet());
        assertThat(names).containsExactlyInAnyOrderElementsOf(Fingerprints.PROPERTIES);
    }

    @Test
    void transientStateIsNotPartOfIt() {
        assertThat(Fingerprints.PROPERTIES).noneMatch(p -> p.contains("provisioningState") || p.contains("powerState")
                || p.endsWith(".count") || p.contains("nodeDisruption"));
    }

    @Test
    void anAutoscalerMoveInsideTheRangeKeepsTheHashAMaximumChangeDoesNot() {
        ManagedCluster at4 = Fixtures.kubenetCluster("c").build();
        String planned = Fingerprints.of(at4).propertiesHash();
        ManagedCluster scaled = withPool(at4, 9, 10);
        ManagedCluster wider = withPool(at4, 4, 20);
        ManagedCluster above = withPool(at4, 12, 10);

        assertThat(Fingerprints.of(withPool(at4, 4, 10)).propertiesHash())
                .isEqualTo(Fingerprints.of(scaled).propertiesHash());
        assertThat(Fingerprints.of(wider).propertiesHash()).isNotEqualTo(Fingerprints.of(scaled).propertiesHash());
        assertThat(Fingerprints.of(above).propertiesHash()).as("count above maxCount is what sizing uses")
                .isNotEqualTo(Fingerprints.of(scaled).propertiesHash());
        assertThat(planned).startsWith("sha256:");
    }

    private static ManagedCluster withPool(ManagedCluster c, int count, int max) {
        var pool = c.agentPools().get(0);
        var scaled = new org.kubenetmigrate.planner.model.AgentPool(pool.name(), pool.mode(), pool.type(),
                pool.vmSize(), pool.osType(), count, true, 1, max, pool.maxSurge(), pool.maxPods(),
                pool.provisioningState(), pool.powerState(), pool.vnetSubnetId(), pool.podSubnetId(),
                pool.orchestratorVersion());
        return new ManagedCluster(c.id(), c.name(), c.subscriptionId(), c.resourceGroup(), c.location(),
                c.kubernetesVersion(), c.currentKubernetesVersion(), c.provisioningState(), c.powerState(), c.network(),
                c.identity(), java.util.List.of(scaled), c.privateCluster(), c.agicAddonEnabled(),
                c.podIdentityEnabled(), c.nodeResourceGroup(), c.etag(), c.tags(), c.source());
    }
}
