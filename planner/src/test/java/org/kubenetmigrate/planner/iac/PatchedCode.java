package org.kubenetmigrate.planner.iac;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A copy of a test fixture folder in a git repository, to check a diff the way a user applies it: git apply and
 * patch -p1 from the folder's parent.
 */
final class PatchedCode {
    final Path root;
    final Path dir;

    private PatchedCode(Path root, Path dir) {
        this.root = root;
        this.dir = dir;
    }

    /** Copies {@code /iac/NAME} to {@code temp/NAME} and commits it in a new git repository at {@code temp}. */
    static PatchedCode copy(String name, Path temp) throws Exception {
        Path source = Path.of(PatchedCode.class.getResource("/iac/" + name).toURI());
        Path dir = temp.resolve(name);
        Files.createDirectories(dir);
        try (Stream<Path> files = Files.list(source)) {
            for (Path f : files.toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        PatchedCode code = new PatchedCode(temp, dir);
        code.run("git", "init", "-q");
        code.run("git", "-c", "user.email=t@example.com", "-c", "user.name=t", "add", "-A");
        code.run("git", "-c", "user.email=t@example.com", "-c", "user.name=t", "commit", "-q", "-m", "fixture");
        return code;
    }

    String read(String file) throws IOException {
        return Files.readString(dir.resolve(file), StandardCharsets.UTF_8);
    }

    /** Checks the diff with git apply --check and patch -p1 --dry-run, then applies it with git apply. */
    void apply(String diff) throws Exception {
        Path file = root.resolve("change.patch");
        Files.writeString(file, diff, StandardCharsets.UTF_8);
        run("git", "apply", "--check", "--verbose", file.toString());
        if (Files.isExecutable(Path.of("/usr/bin/patch"))) {
            run("patch", "-p1", "--dry-run", "--force", "-i", file.toString());
        }
        run("git", "apply", file.toString());
        Files.delete(file);
    }

    private void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", command) + ":\n" + output).isZero();
    }

    /** The lines the diff removes and adds (without the +/- sign and headers). */
    static List<String> removed(String diff) {
        return changed(diff, '-');
    }

    static List<String> added(String diff) {
        return changed(diff, '+');
    }

    private static List<String> changed(String diff, char sign) {
        List<String> out = new ArrayList<>();
        for (String line : diff.split("\n")) {
            if (line.startsWith("---") || line.startsWith("+++") || line.isEmpty()) {
                continue;
            }
            if (line.charAt(0) == sign) {
                out.add(line.substring(1));
            }
        }
        return out;
    }

}
