package org.kubenetmigrate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Output the user can trust: {@code --out} never replaces a device or pipe, a missing directory is a usage error,
 * and a write that fails (a full device: {@code mknod c 1 7} in a temporary directory, never the machine's /dev)
 * exits 9 with one line, while a reader that went away ({@code | head}) stays quiet.
 */
@Tag("slow")
class OutputWritesTest {
    private static final String FLEET = ExampleFleetReportTest.FLEET;
    private static final String PLAN_CLUSTER = "aks-payments-prod-weu";

    @TempDir
    Path dir;

    @Test
    void reportOutToADeviceNodeWritesThroughAndLeavesTheDevice() throws Exception {
        Path devNull = node("null", "1", "3");
        CliRun run = CliRun.of("report", "--from", FLEET, "--out", devNull.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(isDevice(devNull)).as("still a device node").isTrue();
    }

    @Test
    void outToAFullDeviceExits9WithOneLine() throws Exception {
        Path full = node("full", "1", "7");
        CliRun run = CliRun.of("report", "--from", FLEET, "-o", "json", "--out", full.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.OUTPUT_FAILED);
        assertThat(run.err().strip()).startsWith("error: ").contains("full", "No space left on device")
                .doesNotContain("\n");
        assertThat(isDevice(full)).isTrue();
    }

    @Test
    void aNamedPipeWhoseReaderGoesAwayIsAFailedWriteNotAQuietOne() throws Exception {
        Path fifo = dir.resolve("pipe");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assertThat(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0).isTrue();
        // The reader takes one byte and leaves; the JSON report (about 100 KB) outgrows the pipe's 64 KiB buffer.
        Thread reader = new Thread(() -> {
            try (var in = Files.newInputStream(fifo)) {
                in.read();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        reader.start();
        CliRun run = CliRun.of("report", "--from", FLEET, "-o", "json", "--out", fifo.toString());
        reader.join(10_000);
        assertThat(run.exitCode()).isEqualTo(ExitCodes.OUTPUT_FAILED);
        assertThat(run.err().strip()).isEqualTo("error: " + fifo + ": write failed: Broken pipe");
        assertThat(Files.readAttributes(fifo, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isOther()).isTrue();
    }

    @Test
    void aMissingOutputDirectoryIsAUsageErrorAndCreatesNothing() {
        Path out = dir.resolve("a/b/c/r.txt");
        CliRun run = CliRun.of("report", "--from", FLEET, "--out", out.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err().strip()).startsWith("error: ").contains("does not exist").doesNotContain("\n");
        assertThat(Files.exists(dir.resolve("a"))).isFalse();
    }

    @ParameterizedTest(name = "{0} -o json > full device exits 9")
    @ValueSource(strings = {"report", "plan"})
    void stdoutOnAFullDeviceExits9WithOneLine(String command) throws Exception {
        Path full = node("full", "1", "7");
        Process p = child(command, "-o", "json").redirectOutput(full.toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(p.exitValue()).as(err).isEqualTo(ExitCodes.OUTPUT_FAILED);
        assertThat(err).isEqualTo("error: cannot write to stdout: No space left on device");
    }

    @Test
    void aReaderThatStopsReadingIsQuiet() throws Exception {
        // The reader is gone before the first write, as with `| head -0`; the JVM ignores SIGPIPE, so writes get EPIPE.
        Process p = child("report", "-o", "json").start();
        p.getInputStream().close();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(err).isEmpty();
        assertThat(p.exitValue()).isZero();
    }

    @Test
    void processSubstitutionIsWrittenThroughItsDescriptor() throws Exception {
        Path received = dir.resolve("received.json");
        List<String> java = child("report", "-o", "json").command();
        // bash hands the command a /dev/fd/N path for >(...); the old rename over it failed.
        String script = "exec \"$@\" --out >(cat > " + received + ")";
        List<String> bash = new ArrayList<>(List.of("bash", "-c", script, "bash"));
        bash.addAll(java);
        Process p = new ProcessBuilder(bash).redirectError(ProcessBuilder.Redirect.PIPE).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(err).isZero();
        assertThat(err).startsWith("wrote /dev/fd/");
        // cat may still be copying when the command has exited.
        for (int i = 0; i < 100 && !(Files.exists(received) && Files.readString(received).strip().endsWith("}")); i++) {
            Thread.sleep(100);
        }
        assertThat(Files.readString(received)).startsWith("{").contains("\"clusters\"");
    }

    private ProcessBuilder child(String command, String... more) {
        List<String> args = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                ChildCli.class.getName(), command, "--from", FLEET));
        if (command.equals("plan")) {
            args.addAll(List.of("--cluster", PLAN_CLUSTER));
        }
        args.addAll(List.of(more));
        return new ProcessBuilder(args).redirectError(ProcessBuilder.Redirect.PIPE);
    }

    private Path node(String name, String major, String minor) throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "mknod of a character device needs root");
        Path path = dir.resolve(name);
        Process p = new ProcessBuilder("mknod", path.toString(), "c", major, minor).inheritIO().start();
        assertThat(p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0).isTrue();
        return path;
    }

    private static boolean isDevice(Path path) throws IOException {
        return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isOther();
    }
}
