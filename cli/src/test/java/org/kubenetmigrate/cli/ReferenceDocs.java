package org.kubenetmigrate.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgGroupSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Writes the reference pages that are generated from the code: one page per command from its picocli model
 * (docs/reference/commands/), and the exit codes from {@link ExitCodes#DOCUMENTED} (docs/reference/exit-codes.md).
 * {@link ReferenceDocsTest} fails when the committed pages differ from what this produces.
 */
final class ReferenceDocs {
    /** The one command that rewrites the pages; printed by the test when they are stale. */
    static final String REGENERATE = "./mvnw -B -q -pl cli -am test -Dtest=ReferenceDocsTest"
            + " -Dsurefire.failIfNoSpecifiedTests=false -Dreference.docs.write=true";
    static final String COMMANDS_DIR = "docs/reference/commands";
    static final String EXIT_CODES = "docs/reference/exit-codes.md";
    private static final String ROOT = "kubenet-migrate";
    private static final int USAGE_WIDTH = 100;
    private static final String GENERATED = "<!-- Generated from the code; do not edit. Regenerate with: "
            + REGENERATE + " -->";

    private ReferenceDocs() {
    }

    /** Every generated page: path relative to the repository root → content. */
    static Map<String, String> pages() {
        CommandLine root = root();
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put(COMMANDS_DIR + "/" + ROOT + ".md", rootPage(root));
        for (CommandLine command : commands(root)) {
            pages.put(COMMANDS_DIR + "/" + fileName(command) + ".md", commandPage(command));
        }
        pages.put(EXIT_CODES, exitCodesPage());
        return pages;
    }

    /** The command line as {@link Main} builds it, with nothing printed anywhere. */
    static CommandLine root() {
        return CommandTree.full(new Main(CliEnvironment.standard(Clock.systemUTC(), Map.of()),
                new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), false));
    }

    /** Writes every page under {@code repository} and removes command pages no command produces any more. */
    static void write(Path repository) throws IOException {
        Map<String, String> pages = pages();
        Files.createDirectories(repository.resolve(COMMANDS_DIR));
        try (Stream<Path> existing = Files.list(repository.resolve(COMMANDS_DIR))) {
            for (Path page : existing.toList()) {
                if (!pages.containsKey(COMMANDS_DIR + "/" + page.getFileName())) {
                    Files.delete(page);
                }
            }
        }
        for (Map.Entry<String, String> page : pages.entrySet()) {
            Files.writeString(repository.resolve(page.getKey()), page.getValue(), StandardCharsets.UTF_8);
        }
    }

    /** The subcommands, depth first; picocli's own {@code help} command is left out. */
    static List<CommandLine> commands(CommandLine parent) {
        List<CommandLine> all = new ArrayList<>();
        for (CommandLine sub : parent.getSubcommands().values().stream().distinct().toList()) {
            if (sub.getCommand() instanceof CommandLine.HelpCommand || sub.getCommandSpec().usageMessage().hidden()) {
                continue;
            }
            all.add(sub);
            all.addAll(commands(sub));
        }
        return all;
    }

    /** {@code report}, or {@code rollout-status} for a nested command. */
    static String fileName(CommandLine command) {
        return command.getCommandSpec().qualifiedName("-").substring(ROOT.length() + 1);
    }

    private static String rootPage(CommandLine root) {
        CommandSpec spec = root.getCommandSpec();
        StringBuilder md = new StringBuilder();
        md.append("# `").append(ROOT).append("`\n\n").append(GENERATED).append("\n\n");
        md.append(paragraph(spec.usageMessage().description())).append("\n\n");
        md.append("## Commands\n\n| command | what it does |\n|---|---|\n");
        for (CommandLine command : commands(root)) {
            md.append("| [`").append(command.getCommandSpec().qualifiedName(" ").substring(ROOT.length() + 1))
                    .append("`](").append(fileName(command)).append(".md) | ")
                    .append(cell(firstSentence(command.getCommandSpec().usageMessage().description())))
                    .append(" |\n");
        }
        md.append("\nEvery command takes `--help`. ");
        md.append("Exit codes: [exit-codes.md](../exit-codes.md).\n\n");
        md.append(optionsSection(spec));
        return md.toString();
    }

    private static String commandPage(CommandLine command) {
        CommandSpec spec = command.getCommandSpec();
        StringBuilder md = new StringBuilder();
        md.append("# `").append(spec.qualifiedName(" ")).append("`\n\n").append(GENERATED).append("\n\n");
        md.append(paragraph(spec.usageMessage().description())).append("\n\n");
        md.append("## Synopsis\n\n```text\n").append(synopsis(command)).append("```\n\n");
        List<PositionalParamSpec> positionals = spec.positionalParameters().stream()
                .filter(p -> !p.hidden()).toList();
        if (!positionals.isEmpty()) {
            md.append("## Arguments\n\n| argument | required | description |\n|---|---|---|\n");
            for (PositionalParamSpec p : positionals) {
                md.append("| `").append(code(p.paramLabel())).append("` | ")
                        .append(p.arity().min > 0 ? "yes" : "no").append(" | ")
                        .append(cell(text(p.description()))).append(" |\n");
            }
            md.append('\n');
        }
        md.append(optionsSection(spec));
        if (!spec.subcommands().isEmpty()) {
            md.append("## Subcommands\n\n");
            for (CommandLine sub : commands(command)) {
                if (sub.getParent() == command) {
                    md.append("- [`").append(sub.getCommandSpec().qualifiedName(" ")).append("`](")
                            .append(fileName(sub)).append(".md)\n");
                }
            }
            md.append('\n');
        }
        md.append(footer(spec.usageMessage().footer()));
        md.append("## Exit codes\n\n").append(cell(ExitCodes.HELP_TEXT))
                .append(" Details: [exit-codes.md](../exit-codes.md).\n");
        return md.toString();
    }

    private static String synopsis(CommandLine command) {
        CommandSpec spec = command.getCommandSpec();
        spec.usageMessage().width(USAGE_WIDTH);
        return new CommandLine.Help(spec, CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF))
                .synopsis(0);
    }

    private static String optionsSection(CommandSpec spec) {
        StringBuilder md = new StringBuilder("## Options\n\n| option | value | default | description |\n"
                + "|---|---|---|---|\n");
        // In the order --help shows them: declaration order, or by their order attribute where one is set (stable).
        List<OptionSpec> options = new ArrayList<>(spec.options());
        if (!spec.usageMessage().sortOptions()) {
            options.sort(java.util.Comparator.comparingInt(OptionSpec::order));
        }
        for (OptionSpec option : options) {
            if (option.hidden()) {
                continue;
            }
            String names = Arrays.stream(option.names()).map(n -> "`" + code(n) + "`")
                    .collect(Collectors.joining(", "));
            String value = option.typeInfo().isBoolean() && option.arity().max == 0 ? ""
                    : "`" + code(option.paramLabel()) + "`" + (option.arity().min == 0 ? " (optional)" : "");
            List<String> notes = new ArrayList<>();
            ArgGroupSpec group = option.group();
            // Inside an optional group, "required" only means "required when the group is used".
            if (option.required() && (group == null || group.multiplicity().min > 0)) {
                notes.add("**Required.**");
            }
            String description = text(option.description());
            if (option.isMultiValue() && !description.toLowerCase(java.util.Locale.ROOT).contains("repeatable")) {
                notes.add("Repeatable.");
            }
            if (group != null && group.exclusive()) {
                String others = group.options().stream().filter(o -> o != option)
                        .map(o -> "`" + code(o.longestName()) + "`").collect(Collectors.joining(", "));
                notes.add("Not with " + others + ".");
            }
            description = cell(description) + (notes.isEmpty() ? "" : " " + String.join(" ", notes));
            String defaultValue = option.defaultValue() == null ? "" : "`" + code(option.defaultValue()) + "`";
            md.append("| ").append(names).append(" | ").append(value).append(" | ").append(defaultValue)
                    .append(" | ").append(description).append(" |\n");
        }
        return md.append('\n').toString();
    }

    /**
     * The footer without the exit-code line (it has its own section): a line ending in ':' followed by indented
     * lines becomes a heading and a code block, other lines a paragraph.
     */
    private static String footer(String[] lines) {
        StringBuilder md = new StringBuilder();
        int i = 0;
        while (i < lines.length) {
            String line = lines[i];
            if (line.isBlank() || line.equals(ExitCodes.HELP_TEXT)) {
                i++;
                continue;
            }
            if (line.endsWith(":") && i + 1 < lines.length && lines[i + 1].startsWith(" ")) {
                md.append("## ").append(line, 0, line.length() - 1).append("\n\n```text\n");
                i++;
                while (i < lines.length && lines[i].startsWith(" ")) {
                    md.append(lines[i].stripIndent().strip()).append('\n');
                    i++;
                }
                md.append("```\n\n");
                continue;
            }
            md.append(cell(line)).append("\n\n");
            i++;
        }
        return md.toString();
    }

    private static String exitCodesPage() {
        StringBuilder md = new StringBuilder("# Exit codes\n\n").append(GENERATED).append("\n\n");
        md.append("Every command exits with one of these codes. Errors are one line on stderr; stdout carries only"
                + " the requested output.\n\n| code | summary | meaning |\n|---:|---|---|\n");
        for (ExitCodes.Documented code : ExitCodes.DOCUMENTED) {
            md.append("| ").append(code.code()).append(" | ").append(cell(code.summary())).append(" | ")
                    .append(cell(code.meaning())).append(" |\n");
        }
        md.append("\nA waived finding or check never counts for the `--fail-on` gate; an expired waiver covers"
                + " nothing. See [waivers and CI gates](../guide/waivers-and-ci.md).\n");
        return md.toString();
    }

    /** picocli's description lines as one text: they are format strings ({@code %n} a line break, {@code %%} a %). */
    private static String text(String[] lines) {
        return String.join(" ", lines).replace("%n", " ").replace("%%", "%");
    }

    private static String paragraph(String[] lines) {
        return cell(text(lines));
    }

    private static String firstSentence(String[] lines) {
        String text = text(lines);
        int end = text.indexOf(". ");
        return end < 0 ? text : text.substring(0, end + 1);
    }

    /** Markdown text safe inside a table cell: no pipes, no HTML, no stray emphasis. */
    static String cell(String text) {
        return text.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")
                .replace("*", "\\*").strip();
    }

    /** Text inside a code span of a table cell: only the pipe needs escaping. */
    private static String code(String text) {
        return text.replace("|", "\\|");
    }
}
