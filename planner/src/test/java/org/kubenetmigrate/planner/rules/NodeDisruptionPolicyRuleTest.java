package org.kubenetmigrate.planner.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.kubenetmigrate.planner.input.FleetReader;
import org.kubenetmigrate.planner.model.Fleet;
import org.kubenetmigrate.planner.model.ManagedCluster;
import org.kubenetmigrate.planner.testing.Fixtures;

class NodeDisruptionPolicyRuleTest {
    private final NodeDisruptionPolicyRule rule = new NodeDisruptionPolicyRule();

    private RuleOutcome judge(String policy) {
        ClusterContext context = Fixtures.byoVnet().context();
        ManagedCluster cluster = context.cluster().withNodeDisruptionPolicy(policy);
        return rule.evaluate(new ClusterContext(cluster, context.network(), context.sizing(), context.options(),
                context.today(), context.inCluster()));
    }

    @Test
    void blockIsABlockerThatSaysHowToAllowTheMigration() {
        Finding f = judge("Block").findings().get(0);

        assertThat(f.severity()).isEqualTo(Severity.BLOCKER);
        assertThat(f.rule()).isEqualTo("node-disruption-policy");
        assertThat(f.message()).contains("Block", "reimage");
        assertThat(f.remediation()).contains("--node-disruption-policy Allow", "restore");
    }

    @Test
    void allowDuringMaintenanceWindowIsAnActionToRunInsideTheWindowOrAllow() {
        Finding f = judge("AllowDuringMaintenanceWindow").findings().get(0);

        assertThat(f.severity()).isEqualTo(Severity.ACTION);
        assertThat(f.remediation()).contains("aksManagedNodeOSUpgradeSchedule", "--node-disruption-policy Allow");
    }

    @Test
    void allowOrNoPolicyPassesAndAnUnknownValueIsAnAction() {
        assertThat(judge("Allow").findings()).isEmpty();
        assertThat(judge(null).findings()).isEmpty();
        assertThat(judge("Sometimes").findings()).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.ACTION));
    }

    @Test
    void theReaderTakesThePolicyFromTheArmShape() throws Exception {
        Fleet fleet = new FleetReader().read("cluster.json", new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                "{\"id\":\"/subscriptions/s/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/c\","
                        + "\"name\":\"c\",\"location\":\"westeurope\",\"type\":\"Microsoft.ContainerService/managedClusters\","
                        + "\"properties\":{\"kubernetesVersion\":\"1.31.5\",\"networkProfile\":{\"networkPlugin\":\"kubenet\"},"
                        + "\"agentPoolProfiles\":[],\"nodeDisruptionProfile\":{\"nodeDisruptionPolicy\":\"Block\"}}}"));

        assertThat(fleet.clusters()).singleElement()
                .satisfies(c -> assertThat(c.nodeDisruptionPolicy()).isEqualTo("Block"));
        assertThat(RuleCatalogue.all()).anySatisfy(r -> assertThat(r).isInstanceOf(NodeDisruptionPolicyRule.class));
    }
}
