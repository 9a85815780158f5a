package org.kubenetmigrate.planner.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --out} respects what is at the path. Devices and pipes are made in a temporary directory (never the
 * machine's own /dev): {@code mknod c 1 3} is a null device, {@code mknod c 1 7} a full one.
 */
class OutputFilesTest {
    @TempDir
    Path dir;

    @Test
    void aNewFileGetsTheModeTheUmaskGivesNotOwnerOnly() throws IOException {
        Path reference = Files.createFile(dir.resolve("reference"));
        Path out = dir.resolve("report.html");
        OutputFiles.writeOutput(out, "<html>");
        assertThat(Files.readString(out)).isEqualTo("<html>");
        assertThat(Files.getPosixFilePermissions(out)).isEqualTo(Files.getPosixFilePermissions(reference));
    }

    @Test
    void anExistingFileIsReplacedAtomicallyAndKeepsItsMode() throws IOException {
        Path out = dir.resolve("report.txt");
        Files.writeString(out, "old");
        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rw-r-----"));
        Object inodeBefore = Files.readAttributes(out, BasicFileAttributes.class).fileKey();
        OutputFiles.writeOutput(out, "new");
        assertThat(Files.readString(out)).isEqualTo("new");
        assertThat(Files.readAttributes(out, BasicFileAttributes.class).fileKey()).as("renamed over, not rewritten")
                .isNotEqualTo(inodeBefore);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out))).isEqualTo("rw-r-----");
        assertThat(leftovers()).containsExactly("report.txt");
    }

    @Test
    void asRootAReplacedFileKeepsItsOwnerAndGroup() throws Exception {
        assumeTrue(isRoot(), "only root may give a file away");
        Path out = Files.writeString(dir.resolve("owned.txt"), "old");
        run("chown", "65534:65534", out.toString());
        OutputFiles.writeOutput(out, "new");
        assertThat(Files.readString(out)).isEqualTo("new");
        assertThat(Files.getAttribute(out, "unix:uid")).isEqualTo(65534);
        assertThat(Files.getAttribute(out, "unix:gid")).isEqualTo(65534);
    }

    @Test
    void aFailedWriteLeavesTheExistingFileAndNoTemporaryFile() throws IOException {
        Path out = dir.resolve("report.json");
        Files.writeString(out, "old");
        assertThatThrownBy(() -> OutputFiles.writeOutput(out, w -> {
            w.write("half");
            throw new IOException("renderer failed");
        })).hasMessage("renderer failed");
        assertThat(Files.readString(out)).isEqualTo("old");
        assertThat(leftovers()).containsExactly("report.json");
    }

    @Test
    void aSymlinkIsFollowedAndStaysALink() throws IOException {
        Path target = Files.writeString(Files.createDirectory(dir.resolve("real")).resolve("r.txt"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("latest.txt"), Path.of("real/r.txt"));
        OutputFiles.writeOutput(link, "new");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(target)).isEqualTo("new");
    }

    @Test
    void aDanglingSymlinkCreatesItsTarget() throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve("latest.txt"), dir.resolve("r.txt"));
        OutputFiles.writeOutput(link, "new");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(dir.resolve("r.txt"))).isEqualTo("new");
    }

    @Test
    void aMissingDirectoryIsAnErrorAndNothingIsCreated() {
        Path out = dir.resolve("a/b/c/r.txt");
        assertThatThrownBy(() -> OutputFiles.writeOutput(out, "x"))
                .isInstanceOf(OutputFiles.UnusablePathException.class).hasMessageContaining("does not exist");
        assertThat(Files.exists(dir.resolve("a"))).isFalse();
    }

    @Test
    void aDirectoryIsAnError() {
        assertThatThrownBy(() -> OutputFiles.writeOutput(dir, "x"))
                .isInstanceOf(OutputFiles.UnusablePathException.class).hasMessage("is a directory");
    }

    @Test
    void aCharacterDeviceIsWrittenThroughNeverReplaced() throws Exception {
        Path device = node("null", "c", "1", "3");
        OutputFiles.writeOutput(device, "report");
        assertThat(Files.readAttributes(device, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isOther())
                .as("still a device node").isTrue();
        assertThat(leftovers()).containsExactly("null");
    }

    @Test
    void aFullDeviceFailsTheWriteAndStaysADevice() throws Exception {
        Path full = node("full", "c", "1", "7");
        assertThatThrownBy(() -> OutputFiles.writeOutput(full, "report"))
                .isNotInstanceOf(OutputFiles.UnusablePathException.class)
                .hasMessageContaining("No space left on device");
        assertThat(Files.readAttributes(full, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isOther()).isTrue();
    }

    @Test
    void aNamedPipeIsWrittenThroughToItsReader() throws Exception {
        Path fifo = node("pipe", "p");
        CompletableFuture<String> reader = CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readString(fifo);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        OutputFiles.writeOutput(fifo, "through the pipe");
        assertThat(reader.get(10, TimeUnit.SECONDS)).isEqualTo("through the pipe");
        assertThat(Files.readAttributes(fifo, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isOther()).isTrue();
    }

    @Test
    void aSymlinkToADeviceWritesTheDevice() throws Exception {
        Path device = node("null", "c", "1", "3");
        Path link = Files.createSymbolicLink(dir.resolve("sink"), device);
        OutputFiles.writeOutput(link, "report");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readAttributes(device, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isOther()).isTrue();
    }

    @Test
    void theToolsOwnStateStaysOwnerOnlyAndCreatesItsDirectories() throws IOException {
        Path state = dir.resolve("runs/r1/plan.json");
        OutputFiles.writeAtomically(state, "{}");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state))).isEqualTo("rw-------");
    }

    /**
     * As a user other than root, which cannot create files in a root-owned directory: a world-writable device there
     * is still written (the old rename needed a temporary file beside it and failed), and a new file in the user's
     * own directory gets the umask's mode (022: rw-r--r--).
     */
    @Test
    void asAnOrdinaryUserADeviceInAForeignDirectoryIsWrittenAndNewFilesFollowTheUmask() throws Exception {
        assumeTrue(isRoot(), "needs root to switch to an ordinary user (setpriv) and to make a device node");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")), "needs setpriv (util-linux) to switch user");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path device = node("null", "c", "1", "3");
        Files.setPosixFilePermissions(device, PosixFilePermissions.fromString("rw-rw-rw-"));
        Path own = Files.createDirectory(dir.resolve("own"));
        run("chown", "65534:65534", own.toString());

        assertThat(asNobody(device)).as("write through as nobody").isEqualTo("ok");
        assertThat(Files.readAttributes(device, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isOther()).isTrue();
        Path fresh = own.resolve("report.html");
        assertThat(asNobody(fresh)).isEqualTo("ok");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh))).isEqualTo("rw-r--r--");
        assertThat(Files.getOwner(fresh).getName()).isNotEqualTo("root");
        assertThat(asNobody(dir.resolve("not-mine.txt"))).as("a root-owned directory").contains("AccessDenied");
    }

    private String asNobody(Path target) throws Exception {
        String classpath = Path.of(OutputFiles.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                + java.io.File.pathSeparator
                + Path.of(OutputFilesMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder("/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                "/bin/sh", "-c", "umask 022 && exec \"$0\" -Xshare:off -cp \"$1\" " + OutputFilesMain.class.getName()
                + " \"$2\"", java, classpath, target.toString())
                .redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    }

    private Path node(String name, String... kind) throws Exception {
        assumeTrue(isRoot() || kind[0].equals("p"), "mknod of a character device needs root");
        Path path = dir.resolve(name);
        List<String> command = new ArrayList<>(List.of(kind[0].equals("p") ? "mkfifo" : "mknod", path.toString()));
        if (!kind[0].equals("p")) {
            command.addAll(List.of(kind));
        }
        run(command.toArray(String[]::new));
        return path;
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).inheritIO().start();
        assertThat(p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0).as(String.join(" ", command)).isTrue();
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private List<String> leftovers() throws IOException {
        try (var files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }
}
