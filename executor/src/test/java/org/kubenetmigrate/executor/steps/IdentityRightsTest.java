package org.kubenetmigrate.executor.steps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Role assignments and role definitions in the shapes of the REST API specs' examples (2022-04-01). */
class IdentityRightsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String PRINCIPAL = "ce2ce14e-85d7-4629-bdbc-454d0519d987";
    private static final String RG = "/subscriptions/a925f2f7-5c63-4b7b-8799-25a5f97bc3b2/resourceGroups/rg-net";
    private static final String SUBNET = RG + "/providers/Microsoft.Network/virtualNetworks/vnet/subnets/nodes";

    private static JsonNode assignments(String... scopesAndPrincipals) throws Exception {
        StringBuilder json = new StringBuilder("{\"value\":[");
        for (int i = 0; i < scopesAndPrincipals.length; i += 2) {
            json.append(i == 0 ? "" : ",").append("{\"properties\":{\"roleDefinitionId\":\"/providers/Microsoft.Authorization/"
                    + "roleDefinitions/4d97b98b-1d4f-4787-a291-c67834d212e7\",\"principalId\":\"")
                    .append(scopesAndPrincipals[i + 1]).append("\",\"principalType\":\"ServicePrincipal\",\"scope\":\"")
                    .append(scopesAndPrincipals[i]).append("\",\"createdOn\":\"2026-12-01T10:00:00Z\"},"
                            + "\"type\":\"Microsoft.Authorization/roleAssignments\",\"name\":\"x\"}");
        }
        return MAPPER.readTree(json.append("]}").toString());
    }

    private static IdentityRights.Permissions role(String actions, String notActions) throws Exception {
        return IdentityRights.permissions(MAPPER.readTree("{\"properties\":{\"roleName\":\"r\",\"permissions\":[{"
                + "\"actions\":" + actions + ",\"notActions\":" + notActions + ",\"dataActions\":[],"
                + "\"notDataActions\":[]}]}}"));
    }

    @Test
    void anAssignmentInheritedFromTheResourceGroupAppliesOneBelowTheScopeOrForAnotherPrincipalDoesNot()
            throws Exception {
        JsonNode list = assignments(RG, PRINCIPAL, SUBNET + "/child", PRINCIPAL, SUBNET, "someone-else");

        List<IdentityRights.Assignment> applying = IdentityRights.applying(list, PRINCIPAL, SUBNET);

        assertThat(applying).extracting(IdentityRights.Assignment::scope).containsExactly(RG);
        assertThat(applying.get(0).changedAt()).hasToString("2026-12-01T10:00:00Z");
    }

    @Test
    void networkContributorsWildcardGrantsEverySubnetAndRouteTableAction() throws Exception {
        IdentityRights.Permissions networkContributor = role("[\"Microsoft.Authorization/*/read\","
                + "\"Microsoft.Network/*\",\"Microsoft.Resources/deployments/*\"]", "[]");

        assertThat(IdentityRights.missing(IdentityRights.ON_SUBNET, List.of(networkContributor))).isEmpty();
        assertThat(IdentityRights.missing(IdentityRights.ON_ROUTE_TABLE, List.of(networkContributor))).isEmpty();
    }

    @Test
    void notActionsTakeAwayWhatActionsGiveAndReaderGivesNoWrite() throws Exception {
        IdentityRights.Permissions withoutWrite = role("[\"Microsoft.Network/*\"]",
                "[\"Microsoft.Network/virtualNetworks/subnets/write\"]");
        IdentityRights.Permissions reader = role("[\"*/read\"]", "[]");

        assertThat(IdentityRights.missing(IdentityRights.ON_SUBNET, List.of(withoutWrite)))
                .containsExactly("Microsoft.Network/virtualNetworks/subnets/write");
        assertThat(IdentityRights.missing(IdentityRights.ON_SUBNET, List.of(reader))).containsExactly(
                "Microsoft.Network/virtualNetworks/subnets/write",
                "Microsoft.Network/virtualNetworks/subnets/join/action");
        assertThat(IdentityRights.missing(IdentityRights.ON_SUBNET, List.of(withoutWrite, reader)))
                .as("no role grants it").containsExactly("Microsoft.Network/virtualNetworks/subnets/write");
        assertThat(IdentityRights.missing(IdentityRights.ON_SUBNET, List.of())).hasSize(3);
    }

    @Test
    void actionPatternsAreCaseInsensitiveWithStarsAnywhere() {
        assertThat(IdentityRights.matches("microsoft.network/*/read", "Microsoft.Network/routeTables/read")).isTrue();
        assertThat(IdentityRights.matches("*", "Microsoft.Network/routeTables/write")).isTrue();
        assertThat(IdentityRights.matches("Microsoft.Network/routeTables/read", "Microsoft.Network/routeTables/write"))
                .isFalse();
        assertThat(IdentityRights.matches("Microsoft.Network/routeTables/*", "Microsoft.Network/routeTables"))
                .isFalse();
    }
}
