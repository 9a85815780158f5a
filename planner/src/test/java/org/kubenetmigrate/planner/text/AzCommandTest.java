package org.kubenetmigrate.planner.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class AzCommandTest {
    /** Parentheses and periods are legal in resource group names; spaces, quotes and $ test the quoting itself. */
    static final String NASTY_GROUP = "rg (prod) it's \"x\" $HOME `id` \\ a.b_c-d.";

    @Test
    void valuesStayOneWordForTheShellWhateverTheyHold() throws Exception {
        AzCommand command = AzCommand.az("aks", "update").arg("-g", NASTY_GROUP).arg("-n", "aks-prod")
                .arg("--network-policy", "none");

        assertThat(PosixShell.words(command.render())).containsExactlyElementsOf(command.argv())
                .containsExactly("az", "aks", "update", "-g", NASTY_GROUP, "-n", "aks-prod", "--network-policy",
                        "none");
    }

    @Test
    void plainValuesArePrintedAsTheyAreSoCommonCommandsReadAsBefore() {
        AzCommand command = AzCommand.az("aks", "show").arg("-g", "rg-prod").arg("-n", "aks-prod")
                .arg("-o", "json").into("cluster.json");

        assertThat(command.render()).isEqualTo("az aks show -g rg-prod -n aks-prod -o json > cluster.json");
    }

    @Test
    void anArmIdWithSpacesIsOneQuotedWord() throws Exception {
        String id = "/subscriptions/1/resourceGroups/" + NASTY_GROUP + "/providers/Microsoft.Authorization/locks/l";
        AzCommand command = AzCommand.az("lock", "delete").arg("--ids", id);

        assertThat(command.render()).isEqualTo("az lock delete --ids '" + id.replace("'", "'\\''") + "'");
        assertThat(PosixShell.words(command.render())).containsExactly("az", "lock", "delete", "--ids", id);
    }

    @Test
    void aQueryWithSingleQuotesReadsInDoubleQuotesWhenNothingInItExpands() throws Exception {
        String query = "[?roleDefinitionName=='AcrPull'].scope";
        AzCommand command = AzCommand.az("role", "assignment", "list").arg("--query", query);

        assertThat(command.render()).isEqualTo("az role assignment list --query \"" + query + "\"");
        assertThat(PosixShell.words(command.render())).last().isEqualTo(query);
        for (String risky : List.of("it's $HOME", "it's `id`", "it's \\", "it's \"x\"", "it's !1")) {
            assertThat(PosixShell.words(AzCommand.az("x").arg("-n", risky).render())).last().isEqualTo(risky);
        }
    }

    @Test
    void aRedirectTargetIsQuotedToo() {
        assertThat(AzCommand.az("aks", "show").into("my table.json").render())
                .isEqualTo("az aks show > 'my table.json'");
    }

    @Test
    void placeholdersArePrintedForTheReaderToReplace() {
        AzCommand command = AzCommand.az("aks", "nodepool", "update").arg("-g", "rg").placeholder("--max-surge", "<n>");

        assertThat(command.render()).isEqualTo("az aks nodepool update -g rg --max-surge <n>");
    }

    @Test
    void commandWordsAndFlagsAreTheCliOwnNeverData() {
        assertThatThrownBy(() -> AzCommand.az("aks", "update; rm -rf /")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AzCommand.az("aks").arg("-g 'x'", "rg")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AzCommand.az("aks").flag(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEmptyOrAbsentValueIsStillAWord() throws Exception {
        AzCommand command = AzCommand.az("aks", "show").arg("-g", "").arg("-n", null);

        assertThat(PosixShell.words(command.render())).containsExactly("az", "aks", "show", "-g", "", "-n", "");
    }

    @Test
    void theShellHelperFindsCommandsInProseAndCutsThemWhereTheShellWould() {
        String text = "Remove the lock (az lock delete --ids '/x y'; az lock delete --ids /z); then run"
                + " az aks show -g rg -o json > out.json && az aks nodepool list -g 'a (b)'";

        assertThat(PosixShell.azCommands(text)).containsExactly("az lock delete --ids '/x y'",
                "az lock delete --ids /z", "az aks show -g rg -o json", "az aks nodepool list -g 'a (b)'");
        assertThat(PosixShell.azCommands("the baz qux; Uaz x")).isEqualTo(List.of());
    }
}
