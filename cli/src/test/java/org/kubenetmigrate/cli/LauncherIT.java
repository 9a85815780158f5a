package org.kubenetmigrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code kubenet-migrate} launcher script's class-data-sharing archive, run on the packaged jar (hence an
 * integration test: the jar exists only after {@code package}). Each test gets its own install — the script and a
 * copy of the jar — with no sources beside it, so the script never builds.
 */
class LauncherIT {
    private static final Path SCRIPT = Path.of("..", "kubenet-migrate").toAbsolutePath().normalize();
    private static final Path JAR = Path.of("target", "kubenet-migrate.jar").toAbsolutePath();

    @TempDir
    Path install;
    private Path jar;
    private Path archive;
    private Path archiveId;

    @BeforeEach
    void install() throws IOException {
        assertThat(JAR).as("the packaged jar (run through mvn verify)").isRegularFile();
        Files.copy(SCRIPT, install.resolve("kubenet-migrate"), StandardCopyOption.COPY_ATTRIBUTES);
        jar = Files.createDirectories(install.resolve("cli/target")).resolve("kubenet-migrate.jar");
        Files.copy(JAR, jar);
        // The jar as a fresh build leaves it; the archive made from it must be newer.
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().minusSeconds(60)));
        archive = install.resolve("cli/target/kubenet-migrate.jsa");
        archiveId = install.resolve("cli/target/kubenet-migrate.jsa.id");
    }

    @Test
    void firstRunRecordsAnArchiveAndPrintsOnlyTheCommandsOwnOutput() throws Exception {
        Run plain = run(Map.of("KUBENET_MIGRATE_CDS", "off"), "--version");
        assertThat(archive).doesNotExist();

        Run first = run(Map.of(), "--version");

        assertThat(first.exit).isZero();
        assertThat(first.stdout).isEqualTo(plain.stdout).contains("kubenet-migrate");
        assertThat(first.stderr).isEmpty();
        assertThat(archive).isRegularFile();
        assertThat(Files.size(archive)).isPositive();
        assertThat(Files.readString(archiveId)).doesNotStartWith("failed");
        try (var leftovers = Files.list(jar.getParent())) {
            assertThat(leftovers.map(p -> p.getFileName().toString()))
                    .as("no temporary archive left behind")
                    .containsExactlyInAnyOrder("kubenet-migrate.jar", "kubenet-migrate.jsa", "kubenet-migrate.jsa.id");
        }
    }

    @Test
    void laterRunsMapTheArchiveInsteadOfRecordingAgain() throws Exception {
        run(Map.of(), "--version");
        FileTime recorded = Files.getLastModifiedTime(archive);
        Path classLog = install.resolve("classes.log");

        Run second = run(Map.of("KUBENET_MIGRATE_JAVA_OPTS", "-Xlog:class+load=info:file=" + classLog), "--version");

        assertThat(second.exit).isZero();
        assertThat(Files.getLastModifiedTime(archive)).isEqualTo(recorded);
        // The JVM names where each class came from; ours come from the dynamic archive, not the jar.
        assertThat(Files.readAllLines(classLog)).anyMatch(line -> line.contains("org.kubenetmigrate.cli.Main ")
                && line.contains("shared objects file"));
    }

    @Test
    void aRebuiltJarGetsANewArchive() throws Exception {
        run(Map.of(), "--version");
        String before = Files.readString(archiveId);
        Files.setLastModifiedTime(archive, FileTime.from(Instant.now().minusSeconds(30)));
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().minusSeconds(10)));

        Run afterRebuild = run(Map.of(), "--version");

        assertThat(afterRebuild.exit).isZero();
        assertThat(Files.readString(archiveId)).isNotEqualTo(before).doesNotStartWith("failed");
        assertThat(Files.getLastModifiedTime(archive).toInstant()).isAfter(Files.getLastModifiedTime(jar).toInstant());
    }

    @Test
    void aDamagedArchiveDoesNotBreakTheCommand() throws Exception {
        Run plain = run(Map.of("KUBENET_MIGRATE_CDS", "off"), "--version");
        run(Map.of(), "--version");
        FileTime recorded = Files.getLastModifiedTime(archive);
        Files.writeString(archive, "not an archive");
        Files.setLastModifiedTime(archive, recorded);

        Run damaged = run(Map.of(), "--version");

        assertThat(damaged.exit).isZero();
        assertThat(damaged.stdout).isEqualTo(plain.stdout);
    }

    @Test
    void switchedOffItRecordsNothing() throws Exception {
        Run off = run(Map.of("KUBENET_MIGRATE_CDS", "off"), "--help");

        assertThat(off.exit).isZero();
        assertThat(off.stdout).contains("Usage: kubenet-migrate");
        assertThat(archive).doesNotExist();
        assertThat(archiveId).doesNotExist();
    }

    private Run run(Map<String, String> env, String... args) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(concat(install.resolve("kubenet-migrate").toString(), args))
                .directory(install.toFile())
                .redirectOutput(install.resolve("stdout.txt").toFile())
                .redirectError(install.resolve("stderr.txt").toFile());
        builder.environment().remove("KUBENET_MIGRATE_JAVA_OPTS");
        builder.environment().remove("KUBENET_MIGRATE_CDS");
        builder.environment().putAll(env);
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("launcher finished within a minute").isTrue();
        return new Run(process.exitValue(),
                Files.readString(install.resolve("stdout.txt"), StandardCharsets.UTF_8),
                Files.readString(install.resolve("stderr.txt"), StandardCharsets.UTF_8));
    }

    private static List<String> concat(String first, String... rest) {
        List<String> all = new java.util.ArrayList<>(List.of(first));
        all.addAll(List.of(rest));
        return all;
    }

    private record Run(int exit, String stdout, String stderr) {
    }
}
