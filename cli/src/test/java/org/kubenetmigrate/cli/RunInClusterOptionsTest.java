package org.kubenetmigrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** apply, resume and rollback take the in-cluster access options of plan (apply and resume also --probe). */
class RunInClusterOptionsTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"apply", "resume"})
    void applyAndResumeOfferKubernetesAccessAndTheProbe(String command) {
        CliRun run = CliRun.of(command, "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--in-cluster", "--kubeconfig", "--context", "--probe", "--probe-timeout");
    }

    @Test
    void rollbackOffersKubernetesAccessButNoProbe() {
        CliRun run = CliRun.of("rollback", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--in-cluster", "--kubeconfig", "--context").doesNotContain("--probe");
    }

    @Test
    void anUnreadableKubeconfigIsOneLineAndExitTwoBeforeAnythingStarts() throws Exception {
        Path broken = Files.writeString(dir.resolve("kubeconfig"), "clusters: [ this is not yaml");

        CliRun run = CliRun.of("apply", dir.resolve("plan.json").toString(), "--kubeconfig", broken.toString(),
                "--state", dir.resolve("state").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).contains(broken.toString()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(dir.resolve("state")).doesNotExist();
    }
}
