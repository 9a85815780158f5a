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
}
