package org.kubenetmigrate.planner.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kubenetmigrate.planner.testing.Fixtures.SUBSCRIPTION;
import static org.kubenetmigrate.planner.testing.Fixtures.findings;
import static org.kubenetmigrate.planner.testing.Fixtures.unverified;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.kubenetmigrate.planner.assessment.ClusterAssessment;
import org.kubenetmigrate.planner.testing.Fixtures;
import org.kubenetmigrate.planner.testing.Fixtures.Scenario;

/**
 * NSGs in the shape of the NetworkSecurityGroups REST examples (ARM, rules under properties, with
 * defaultSecurityRules) and of {@code az network nsg list -o json} (flat).
 */
class NsgPodTrafficRuleTest {
    private static final String ID = "nsg-pod-traffic";
    private static final String NSG = "/subscriptions/" + SUBSCRIPTION
            + "/resourceGroups/rg-net/providers/Microsoft.Network/networkSecurityGroups/nsg-aks";

    private static String rule(String name, int priority, String direction, String access, String source,
                               String destination, String protocol, String port) {
        return """
                {"name": "%s", "id": "%s/securityRules/%s", "etag": "W/\\"00000000-0000-0000-0000-000000000000\\"",
                 "type": "Microsoft.Network/networkSecurityGroups/securityRules",
                 "properties": {"provisioningState": "Succeeded", "protocol": "%s", "sourcePortRange": "*",
                   "destinationPortRange": "%s", "sourceAddressPrefix": "%s", "destinationAddressPrefix": "%s",
                   "access": "%s", "priority": %d, "direction": "%s", "sourcePortRanges": [],
                   "destinationPortRanges": [], "sourceAddressPrefixes": [], "destinationAddressPrefixes": []}}"""
                .formatted(name, NSG, name, protocol, port, source, destination, access, priority, direction);
    }

    /** An ARM GET body of nsg-aks on snet-aks; defaultSecurityRules left out, as some exports do. */
    private static String nsg(String... rules) {
        return """
                {"name": "nsg-aks", "id": "%s", "type": "Microsoft.Network/networkSecurityGroups",
                 "location": "westeurope",
                 "properties": {"provisioningState": "Succeeded", "securityRules": [%s],
                   "subnets": [{"id": "/subscriptions/%s/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-prod/subnets/snet-aks"}]}}"""
                .formatted(NSG, String.join(",", rules), SUBSCRIPTION);
    }

    private static Scenario withNsg(String... rules) {
        Scenario s = Fixtures.byoVnet().around(nsg(rules));
        s.vnet().existingSubnet("snet-aks").networkSecurityGroup("rg-net", "nsg-aks");
        return s;
    }

    @Test
    void denyAllBeforeAnAllowOfThePodCidrBlocks() {
        Scenario s = withNsg(
                rule("AllowNodes", 100, "Inbound", "Allow", "10.240.0.0/22", "10.240.0.0/22", "*", "*"),
                rule("DenyAllInbound", 4000, "Inbound", "Deny", "*", "*", "*", "*"));

        ClusterAssessment a = s.assessChecked();

        assertThat(findings(a, ID)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.BLOCKER);
            assertThat(f.message()).contains("nsg-aks", "DenyAllInbound (priority 4000, inbound)",
                    "pod-to-pod", "node-to-pod", "10.244.0.0/16");
        });
        assertThat(a.readiness()).isEqualTo(Readiness.BLOCKED);
    }

    @Test
    void anAllowOfThePodCidrWithALowerPriorityNumberWins() {
        Scenario s = withNsg(
                rule("AllowPods", 100, "Inbound", "Allow", "10.244.0.0/16", "10.244.0.0/16", "*", "*"),
                rule("AllowNodesToPods", 110, "Inbound", "Allow", "10.240.0.0/22", "10.244.0.0/16", "*", "*"),
                rule("DenyAllInbound", 4000, "Inbound", "Deny", "*", "*", "*", "*"));

        ClusterAssessment a = s.assessChecked();

        assertThat(findings(a, ID)).isEmpty();
        assertThat(a.readiness()).isEqualTo(Readiness.READY);
    }

    @Test
    void azureDefaultRulesAloneDoNotFire() {
        assertThat(findings(withNsg().assessChecked(), ID)).isEmpty();
    }

    @Test
    void aDenyOfOnePortIsAWarningNotABlocker() {
        Scenario s = withNsg(rule("DenySsh", 200, "Inbound", "Deny", "*", "*", "Tcp", "22"));

        assertThat(findings(s.assessChecked(), ID)).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING));
    }

    @Test
    void aDenyOfOnePortBeforeADenyAllStillBlocks() {
        Scenario s = withNsg(rule("DenySsh", 200, "Inbound", "Deny", "*", "*", "Tcp", "22"),
                rule("DenyAllOutbound", 300, "Outbound", "Deny", "*", "*", "*", "*"));

        assertThat(findings(s.assessChecked(), ID)).extracting(Finding::severity).contains(Severity.BLOCKER);
    }

    @Test
    void rulesNamingTheOldPodCidrWarnWhenItChanges() {
        Scenario s = withNsg(
                rule("AllowPods", 100, "Inbound", "Allow", "10.244.0.0/16", "10.244.0.0/16", "*", "*"),
                rule("AllowNodesToPods", 110, "Inbound", "Allow", "10.240.0.0/22", "10.244.0.0/16", "*", "*"),
                rule("DenyAllInbound", 4000, "Inbound", "Deny", "*", "*", "*", "*"));
        s.options.podCidr("10.250.0.0/16");

        List<Finding> found = findings(s.assessChecked(), ID);

        assertThat(found).extracting(Finding::severity).containsExactly(Severity.BLOCKER, Severity.WARNING);
        assertThat(found.get(1).message()).contains("nsg-aks/AllowPods", "nsg-aks/AllowNodesToPods",
                "10.244.0.0/16", "10.250.0.0/16");
    }

    @Test
    void aNodeSubnetNsgMissingFromTheInputIsUnverifiedNotPassed() {
        Scenario s = Fixtures.byoVnet();
        s.vnet().existingSubnet("snet-aks").networkSecurityGroup("rg-net", "nsg-elsewhere");

        ClusterAssessment a = s.assessChecked();

        assertThat(unverified(a, ID)).singleElement().satisfies(u -> {
            assertThat(u.couldBe()).isEqualTo(Severity.BLOCKER);
            assertThat(u.reason()).contains("nsg-elsewhere");
        });
        assertThat(a.readiness()).isEqualTo(Readiness.INCOMPLETE);
    }

    @Test
    void theAksManagedNsgOfTheNodeResourceGroupIsReadFromAzCliOutput() {
        String nodeRg = "MC_rg-aks_aks-prod_westeurope";
        Scenario s = Fixtures.byoVnet().around("""
                [{"defaultSecurityRules": [], "id": "/subscriptions/%s/resourceGroups/%s/providers/Microsoft.Network/networkSecurityGroups/aks-agentpool-1-nsg",
                  "location": "westeurope", "name": "aks-agentpool-1-nsg", "resourceGroup": "%s",
                  "securityRules": [{"access": "Deny", "destinationAddressPrefix": "*", "destinationPortRange": "*",
                    "direction": "Outbound", "name": "block-all-out", "priority": 100, "protocol": "*",
                    "sourceAddressPrefix": "*", "sourcePortRange": "*"}],
                  "type": "Microsoft.Network/networkSecurityGroups"}]""".formatted(SUBSCRIPTION, nodeRg, nodeRg));

        assertThat(findings(s.assessChecked(), ID)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.BLOCKER);
            assertThat(f.message()).contains("aks-agentpool-1-nsg on the node NICs", "block-all-out");
        });
    }
}
