package org.kubenetmigrate.planner.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kubenetmigrate.planner.testing.Fixtures.SUBSCRIPTION;
import static org.kubenetmigrate.planner.testing.Fixtures.finding;
import static org.kubenetmigrate.planner.testing.Fixtures.findings;
import static org.kubenetmigrate.planner.testing.Fixtures.unverified;

import org.junit.jupiter.api.Test;
import org.kubenetmigrate.planner.assessment.ClusterAssessment;
import org.kubenetmigrate.planner.testing.Fixtures;
import org.kubenetmigrate.planner.testing.Fixtures.Scenario;

/** Locks in the shapes of the ManagementLocks REST examples (ARM list) and of {@code az lock list -o json}. */
class ResourceLockRuleTest {
    private static final String ID = "resource-lock";

    /** ManagementLocks_ListAtSubscriptionLevel: one lock per scope given, fields under properties. */
    private static String armLocks(String... scopesAndLevels) {
        StringBuilder value = new StringBuilder();
        for (int i = 0; i < scopesAndLevels.length; i += 2) {
            value.append(value.length() == 0 ? "" : ",").append("""
                    {"properties": {"level": "%s", "notes": "keep"},
                     "id": "%s/providers/Microsoft.Authorization/locks/lock%d",
                     "type": "Microsoft.Authorization/locks", "name": "lock%d"}"""
                    .formatted(scopesAndLevels[i + 1], scopesAndLevels[i], i, i));
        }
        return "{\"value\": [" + value + "]}";
    }

    private static String rg(String name) {
        return "/subscriptions/" + SUBSCRIPTION + "/resourceGroups/" + name;
    }

    @Test
    void lockOnTheNodeResourceGroupBlocks() {
        Scenario s = Fixtures.managedVnet().around(armLocks(rg("MC_rg-aks_aks-prod_westeurope"), "CanNotDelete"));

        ClusterAssessment a = s.assessChecked();

        Finding f = finding(a, ID);
        assertThat(f.severity()).isEqualTo(Severity.BLOCKER);
        assertThat(f.message()).contains("CanNotDelete lock lock0", "node resource group");
        assertThat(f.remediation()).contains("az lock delete --ids " + rg("MC_rg-aks_aks-prod_westeurope"));
        assertThat(f.reference()).startsWith("https://learn.microsoft.com/");
        assertThat(a.readiness()).isEqualTo(Readiness.BLOCKED);
    }

    @Test
    void subscriptionLockIsInheritedByTheByoRouteTable() {
        Scenario s = Fixtures.byoVnet().around(armLocks("/subscriptions/" + SUBSCRIPTION, "ReadOnly"));

        Finding f = finding(s.assessChecked(), ID);

        assertThat(f.message()).contains("ReadOnly lock", "route table rt-aks", "virtual network vnet-prod");
    }

    @Test
    void lockOnARouteInsideTheByoRouteTableCounts() {
        Scenario s = Fixtures.byoVnet().around(armLocks(rg("rg-net")
                + "/providers/Microsoft.Network/routeTables/rt-aks", "CanNotDelete"));

        assertThat(finding(s.assessChecked(), ID).message()).contains("route table rt-aks");
    }

    @Test
    void locksElsewhereInTheSubscriptionDoNotFire() {
        Scenario s = Fixtures.byoVnet().around("""
                [{"id": "%s/providers/Microsoft.Authorization/locks/hub", "level": "CanNotDelete", "name": "hub",
                  "notes": null, "owners": null, "resourceGroup": "rg-hub", "type": "Microsoft.Authorization/locks"}]"""
                .formatted(rg("rg-hub")));

        ClusterAssessment a = s.assessChecked();

        assertThat(findings(a, ID)).isEmpty();
        assertThat(unverified(a, ID)).isEmpty();
        assertThat(a.readiness()).isEqualTo(Readiness.READY);
    }

    @Test
    void noLockDataMakesTheClusterIncompleteAndNamesTheExport() {
        Scenario s = Fixtures.byoVnet().withNothingAround();

        ClusterAssessment a = s.assessChecked();

        assertThat(unverified(a, ID)).singleElement().satisfies(u -> {
            assertThat(u.couldBe()).isEqualTo(Severity.BLOCKER);
            assertThat(u.reason()).contains("az lock list -o json");
        });
        assertThat(a.readiness()).isEqualTo(Readiness.INCOMPLETE);
    }
}
