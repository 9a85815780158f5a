package org.kubenetmigrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgGroupSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Each command shows only what it accepts: for every command, every option its {@code --help} shows, in every form
 * its label shows ({@code DIR|URL}: a directory and a URL; {@code text|json}: both), the command takes it, and
 * never answers that the option is not for this command. The runs are offline and fail fast where they would go
 * further: files that do not exist, a non-TLS Resource Manager endpoint that no sign-in gets past, a state URL that
 * names no container.
 */
class ShownOptionsAcceptedTest {
    /** A Resource Manager endpoint every sign-in refuses before contacting anything (bearer tokens need TLS). */
    private static final String NO_SIGN_IN = "http://127.0.0.1:1";
    /** A Blob container URL that is refused as incomplete before any request: it names no container. */
    private static final String STATE_URL = "https://account.blob.core.windows.net";

    private static final java.util.Map<String, CommandSpec> SPECS = new java.util.concurrent.ConcurrentHashMap<>();
    private static Path dir;

    @BeforeAll
    static void createDirectory() throws IOException {
        dir = Files.createTempDirectory("shown-options");
    }

    @AfterAll
    static void removeDirectory() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    static Stream<Arguments> shownOptions() {
        List<Arguments> all = new ArrayList<>();
        for (CommandLine command : ReferenceDocs.commands(ReferenceDocs.root())) {
            CommandSpec spec = command.getCommandSpec();
            for (OptionSpec option : spec.options()) {
                if (option.hidden() || option.usageHelp() || option.versionHelp()) {
                    continue;
                }
                for (String value : samples(option)) {
                    all.add(Arguments.of(spec.qualifiedName(" "), option.longestName(), value));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1}={2}")
    @MethodSource("shownOptions")
    void everyShownOptionInEveryShownFormIsAccepted(String command, String option, String value) {
        CommandSpec spec = spec(command);
        List<String> args = new ArrayList<>(Arrays.asList(command.split(" ")).subList(1, command.split(" ").length));
        args.add(value == null ? option : option + "=" + value);
        args.addAll(requiredArguments(spec, option));

        CliRun run = CliRun.of(args.toArray(String[]::new));

        assertThat(run.err().toLowerCase(Locale.ROOT)).as(String.join(" ", args))
                .doesNotContain("this command")
                .doesNotContain("not supported")
                .doesNotContain("unknown option");
    }

    /** What a command needs besides the option under test, chosen to stop it early and offline. */
    private static List<String> requiredArguments(CommandSpec spec, String tested) {
        List<String> args = new ArrayList<>();
        for (PositionalParamSpec positional : spec.positionalParameters()) {
            if (positional.arity().min() > 0) {
                args.add(positional.paramLabel().contains(".") ? dir.resolve("missing-" + positional.paramLabel())
                        .toString() : "x");
            }
        }
        for (OptionSpec option : spec.options()) {
            if (option.required() && option.group() == null && !option.longestName().equals(tested)) {
                args.add(option.longestName() + "=" + samples(option).get(0));
            }
        }
        for (ArgGroupSpec group : spec.argGroups()) {
            boolean tests = group.options().stream().anyMatch(o -> o.longestName().equals(tested));
            if (group.multiplicity().min() > 0 && !tests) {
                OptionSpec first = group.options().get(0);
                args.add(first.longestName() + "=" + samples(first).get(0));
            }
        }
        if (has(spec, "--state") && !"--state".equals(tested)) {
            args.add("--state=" + dir.resolve("state"));
        }
        if (has(spec, "--arm-endpoint") && !"--arm-endpoint".equals(tested)) {
            args.add("--arm-endpoint=" + NO_SIGN_IN);
        }
        return args;
    }

    /**
     * One value for each kind of value the option's label shows ({@code DIR|URL}: a directory and a URL); one
     * value of a closed set ({@code text|json}, an enum), since picocli itself accepts each of those; a flag has
     * none (null).
     */
    static List<String> samples(OptionSpec option) {
        if (option.arity().max() == 0) {
            return Arrays.asList((String) null);
        }
        if (option.completionCandidates() != null) {
            return List.of(option.completionCandidates().iterator().next());
        }
        List<String> values = new ArrayList<>();
        for (String form : option.paramLabel().split("\\|")) {
            if (form.equals(form.toUpperCase(Locale.ROOT)) || values.isEmpty()) {
                values.add(sample(option.longestName(), form));
            }
        }
        return values;
    }

    private static String sample(String option, String form) {
        if (form.contains(".") || form.equals("FILE") || form.equals("PATH")) {
            return dir.resolve("missing-" + form).toString();
        }
        return switch (form) {
            case "DIR" -> dir.toString();
            case "URL" -> "--state".equals(option) ? STATE_URL : NO_SIGN_IN;
            case "DURATION" -> "5m";
            case "CIDR" -> "10.99.0.0/16";
            case "N" -> "1";
            default -> form.equals(form.toUpperCase(Locale.ROOT)) ? "x" : form;
        };
    }

    private static boolean has(CommandSpec spec, String option) {
        return spec.findOption(option) != null;
    }

    private static CommandSpec spec(String qualifiedName) {
        return SPECS.computeIfAbsent(qualifiedName, name -> ReferenceDocs.commands(ReferenceDocs.root()).stream()
                .map(CommandLine::getCommandSpec).filter(s -> s.qualifiedName(" ").equals(name)).findFirst()
                .orElseThrow());
    }
}
