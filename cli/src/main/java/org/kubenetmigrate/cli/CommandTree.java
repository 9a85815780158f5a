package org.kubenetmigrate.cli;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Builds the picocli command line a run needs. Picocli instantiates every declared subcommand with its options,
 * converters and mixins up front, which loads most of the CLI's classes (and the libraries their fields touch) just
 * to print a version. So a run registers only the subcommand its arguments name; the top-level help lists the
 * commands from their annotations alone; anything else (a typo to suggest a command for, {@code help COMMAND}) gets
 * the whole tree, exactly as picocli would build it.
 */
final class CommandTree {
    /** The commands, in the order the help lists them. */
    static final List<Class<?>> COMMANDS = List.of(ReportCommand.class, PlanCommand.class, IacCommand.class,
            InventoryCommand.class, ApplyCommand.class, ResumeCommand.class, StatusCommand.class,
            RollbackCommand.class, UnlockCommand.class, RolloutCommand.class, CommandLine.HelpCommand.class);

    private static final Map<String, Class<?>> BY_NAME = COMMANDS.stream()
            .collect(Collectors.toUnmodifiableMap(c -> c.getAnnotation(Command.class).name(), Function.identity()));

    private CommandTree() {
    }

    /** Every command, as the reference docs and any run whose arguments need the whole tree see it. */
    static CommandLine full(Main main) {
        CommandLine root = new CommandLine(main);
        COMMANDS.forEach(c -> root.addSubcommand(c));
        return root;
    }

    /** The command line for these arguments: the root with only what the arguments can reach. */
    static CommandLine forArguments(Main main, String... args) {
        boolean help = false;
        for (String arg : args) {
            if (arg.startsWith("-")) {
                if (!isRootFlag(arg)) {
                    return full(main); // an option the root does not know: picocli's full error message
                }
                help |= arg.equals("--help") || (!arg.startsWith("--") && arg.indexOf('h') > 0);
                continue;
            }
            Class<?> command = BY_NAME.get(arg);
            if (command == null || command == CommandLine.HelpCommand.class || help) {
                return full(main); // a typo (picocli suggests a command), or help about a command
            }
            CommandLine root = new CommandLine(main);
            root.addSubcommand(command);
            return root;
        }
        CommandLine root = new CommandLine(main);
        if (help) {
            COMMANDS.forEach(c -> root.addSubcommand(listing(c)));
        }
        return root;
    }

    /** The root's own flags (-h, -v, -V, alone or clustered, and their long forms), which take no value. */
    private static boolean isRootFlag(String arg) {
        if (arg.equals("--help") || arg.equals("--version") || arg.equals("--verbose")) {
            return true;
        }
        return arg.length() > 1 && !arg.startsWith("--") && arg.substring(1).chars().allMatch(c -> "hvV".indexOf(c) >= 0);
    }

    /** A command as the top-level help lists it (name, aliases, header, description), without building it. */
    private static CommandLine listing(Class<?> command) {
        Command annotation = command.getAnnotation(Command.class);
        CommandSpec spec = CommandSpec.create().name(annotation.name()).aliases(annotation.aliases());
        spec.usageMessage().header(annotation.header()).description(annotation.description())
                .hidden(annotation.hidden());
        return new CommandLine(spec);
    }
}
