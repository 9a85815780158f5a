package org.kubenetmigrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The reference pages generated from the code (every command's options, the exit codes) are current. With
 * {@code -Dreference.docs.write=true} the test rewrites them instead of failing; see {@link ReferenceDocs#REGENERATE}.
 */
class ReferenceDocsTest {
    static final Path REPOSITORY = repository();

    @Test
    void committedReferencePagesMatchTheCode() throws Exception {
        if (Boolean.getBoolean("reference.docs.write")) {
            ReferenceDocs.write(REPOSITORY);
        }
        Map<String, String> pages = ReferenceDocs.pages();
        List<String> stale = new ArrayList<>();
        for (Map.Entry<String, String> page : pages.entrySet()) {
            Path file = REPOSITORY.resolve(page.getKey());
            if (!Files.isRegularFile(file)) {
                stale.add(page.getKey() + " (missing)");
            } else if (!Files.readString(file, StandardCharsets.UTF_8).equals(page.getValue())) {
                stale.add(page.getKey() + " (differs from the code)");
            }
        }
        try (Stream<Path> files = Files.list(REPOSITORY.resolve(ReferenceDocs.COMMANDS_DIR))) {
            files.map(f -> ReferenceDocs.COMMANDS_DIR + "/" + f.getFileName())
                    .filter(f -> !pages.containsKey(f))
                    .forEach(f -> stale.add(f + " (no such command any more)"));
        }
        assertThat(stale).as("reference pages are stale; regenerate them with:%n  %s%n",
                ReferenceDocs.REGENERATE).isEmpty();
    }

    @Test
    void everyCommandHasAPageAndTheIndexLinksIt() {
        Map<String, String> pages = ReferenceDocs.pages();
        List<String> names = ReferenceDocs.commands(ReferenceDocs.root()).stream().map(ReferenceDocs::fileName).toList();
        assertThat(names).contains("report", "plan", "inventory", "apply", "resume", "status", "rollback", "unlock")
                .doesNotContain("help");
        String index = pages.get(ReferenceDocs.COMMANDS_DIR + "/kubenet-migrate.md");
        for (String name : names) {
            assertThat(pages).containsKey(ReferenceDocs.COMMANDS_DIR + "/" + name + ".md");
            assertThat(index).contains("](" + name + ".md)");
        }
    }

    @Test
    void aCommandPageListsEveryOptionWithItsDefault() {
        String report = ReferenceDocs.pages().get(ReferenceDocs.COMMANDS_DIR + "/report.md");
        assertThat(report).startsWith("# `kubenet-migrate report`")
                .contains("## Synopsis", "`--from`", "`--fail-on`", "`--waivers`", "| `table` |", "Repeatable.",
                        "## Examples", "kubenet-migrate report --from examples/fleet");
        String apply = ReferenceDocs.pages().get(ReferenceDocs.COMMANDS_DIR + "/apply.md");
        assertThat(apply).contains("## Arguments", "`PLAN.json`", "Not with `--approve-through`.");
    }

    @Test
    void everyExitCodeConstantIsDocumentedOnceInOrderAndNamedInTheHelpText() throws Exception {
        TreeSet<Integer> constants = new TreeSet<>();
        for (Field field : ExitCodes.class.getFields()) {
            if (field.getType() == int.class && Modifier.isStatic(field.getModifiers())) {
                constants.add(field.getInt(null));
            }
        }
        List<Integer> documented = ExitCodes.DOCUMENTED.stream().map(ExitCodes.Documented::code).toList();
        assertThat(documented).as("ExitCodes.DOCUMENTED, in order").containsExactlyElementsOf(constants);
        for (ExitCodes.Documented code : ExitCodes.DOCUMENTED) {
            assertThat(ExitCodes.HELP_TEXT).as("--help's exit-code line").contains(code.code() + " " + code.summary());
        }
        String page = ReferenceDocs.pages().get(ReferenceDocs.EXIT_CODES);
        assertThat(page.lines().filter(l -> l.matches("\\| \\d+ \\|.*")).count()).isEqualTo(constants.size());
    }

    /** The repository root: the first directory above the working directory (a module) that holds docs/. */
    private static Path repository() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isDirectory(dir.resolve("docs")) && Files.isRegularFile(dir.resolve("mvnw"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("repository root (with docs/ and mvnw) not found above "
                + Path.of("").toAbsolutePath());
    }
}
