package org.kubenetmigrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class HelpAndVersionTest {

    @ParameterizedTest
    @ValueSource(strings = {"report", "plan", "iac"})
    void everyCommandHasHelpWithExitCodesAndExamples(String command) {
        CliRun run = CliRun.of(command, "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: kubenet-migrate " + command, "--from", "Exit codes: 0 success",
                "Examples:");
    }

    @ParameterizedTest
    @ValueSource(strings = {"apply", "resume", "status", "rollback", "unlock"})
    void everyExecutorCommandHasHelpWithItsExitCodesAndExamples(String command) {
        CliRun run = CliRun.of(command, "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: kubenet-migrate " + command, "--state", "4 stale plan",
                "5 stopped at a gate", "7 lock held", "Example");
    }

    @Test
    void topLevelHelpListsTheCommands() {
        CliRun run = CliRun.of("--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("report", "plan", "iac", "apply", "resume", "status", "rollback", "unlock", "rollout", "retires")
                .contains("kubenet");
    }

    @Test
    void versionPrintsTheProjectVersion() {
        CliRun run = CliRun.of("--version");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("kubenet-migrate ").doesNotContain("unknown");
    }

    @Test
    void noCommandIsAUsageError() {
        CliRun run = CliRun.of();
        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).contains("no command given");
    }

    @Test
    void everyCommandsHelpDocumentsEachOfItsOptions() {
        for (picocli.CommandLine command : ReferenceDocs.commands(ReferenceDocs.root())) {
            String name = command.getCommandSpec().qualifiedName(" ");
            CliRun run = CliRun.of((name.substring("kubenet-migrate ".length()) + " --help").split(" "));
            assertThat(run.exitCode()).as(name).isZero();
            for (picocli.CommandLine.Model.OptionSpec option : command.getCommandSpec().options()) {
                if (!option.hidden()) {
                    assertThat(run.out()).as(name + " --help").contains(option.longestName());
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"apply", "resume"})
    void aRunCommandShowsItsOwnOptionsBeforeTheSharedOnes(String command) {
        String help = CliRun.of(command, "--help").out();
        assertThat(optionLine(help, "--auto-approve")).isPositive().isLessThan(optionLine(help, "--state="));
        assertThat(optionLine(help, "--probe ")).isPositive().isLessThan(optionLine(help, "--tenant="));
    }

    /** Where the option's own line of the list starts (not its mention in the synopsis), or -1. */
    private static int optionLine(String help, String option) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^ +" + java.util.regex.Pattern.quote(option))
                .matcher(help);
        return m.find() ? m.start() : -1;
    }
}
