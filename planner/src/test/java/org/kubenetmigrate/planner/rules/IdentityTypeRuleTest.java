package org.kubenetmigrate.planner.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kubenetmigrate.planner.testing.Fixtures.finding;
import static org.kubenetmigrate.planner.testing.Fixtures.findings;

import org.junit.jupiter.api.Test;
import org.kubenetmigrate.planner.assessment.ClusterAssessment;
import org.kubenetmigrate.planner.testing.Fixtures;
import org.kubenetmigrate.planner.testing.Fixtures.Scenario;

class IdentityTypeRuleTest {
    private static final String ID = "identity-type";
    private static final String UAMI = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-aks"
            + "/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-migrate";

    @Test
    void systemAssignedBlocks() {
        Scenario s = Fixtures.byoVnet();
        s.cluster.identity("SystemAssigned");

        ClusterAssessment a = s.assess();

        Finding f = finding(a, ID);
        assertThat(f.severity()).isEqualTo(Severity.BLOCKER);
        assertThat(f.message()).contains("SystemAssigned", "user-assigned");
        assertThat(f.remediation()).contains("az aks update -g rg-aks -n aks-prod --enable-managed-identity"
                + " --assign-identity");
        assertThat(f.reference()).isEqualTo(Sources.UPDATE_AZURE_CNI);
        assertThat(a.readiness()).isEqualTo(Readiness.BLOCKED);
    }

    @Test
    void servicePrincipalClusterBlocksAndSaysSo() {
        Scenario s = Fixtures.byoVnet();
        s.cluster.identity(null);

        assertThat(finding(s.assess(), ID).message()).contains("service principal (no managed identity)");
    }

    @Test
    void anIdentityToAssignTurnsItIntoAnAction() {
        Scenario s = Fixtures.byoVnet();
        s.cluster.identity("SystemAssigned");
        s.options.assignIdentity(UAMI);

        ClusterAssessment a = s.assessChecked();

        Finding f = finding(a, ID);
        assertThat(f.severity()).isEqualTo(Severity.ACTION);
        assertThat(f.message()).contains("SystemAssigned", "the plan assigns " + UAMI);
        assertThat(f.remediation()).contains("--assign-identity " + UAMI);
        assertThat(a.readiness()).isEqualTo(Readiness.ACTIONS_REQUIRED);
    }

    @Test
    void userAssignedPasses() {
        Scenario s = Fixtures.byoVnet();
        s.cluster.identity("userAssigned", UAMI);

        assertThat(findings(s.assess(), ID)).isEmpty();
    }
}
