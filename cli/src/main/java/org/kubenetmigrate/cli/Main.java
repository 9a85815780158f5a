package org.kubenetmigrate.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.kubenetmigrate.planner.report.OutputFiles;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

@Command(name = "kubenet-migrate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Gets AKS clusters off kubenet networking before Azure retires it on 31 March 2028.",
            "Reads Azure's own JSON (ARM, az -o json, Resource Graph) offline, or Azure itself live."},
        subcommands = {ReportCommand.class, PlanCommand.class, IacCommand.class, InventoryCommand.class, ApplyCommand.class,
            ResumeCommand.class, StatusCommand.class, RollbackCommand.class, UnlockCommand.class, RolloutCommand.class,
            CommandLine.HelpCommand.class},
        footer = {"", ExitCodes.HELP_TEXT})
public final class Main implements java.util.concurrent.Callable<Integer> {
    final Clock clock;
    final CliEnvironment environment;
    /** The process environment (KUBECONFIG); injected so that tests do not depend on the developer's shell. */
    final Map<String, String> env;
    final PrintWriter out;
    final PrintWriter err;
    private final boolean ownStderr;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Log debug detail (and stack traces of unexpected errors) to stderr.")
    void verbose(boolean on) {
        verbose = on;
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(on ? Level.DEBUG : Level.WARN);
        // Sign-in chatter (silenced in logback.xml) is shown with -v, MSAL's never below WARN.
        for (String name : SIGN_IN_LOGGERS) {
            ((Logger) LoggerFactory.getLogger(name)).setLevel(on ? Level.WARN : Level.OFF);
        }
    }

    private static final List<String> SIGN_IN_LOGGERS = List.of("com.microsoft.aad",
            "com.azure.identity", "com.azure.core.implementation.AccessTokenCache");

    private boolean verbose;

    Main(CliEnvironment environment, PrintWriter out, PrintWriter err, boolean ownStderr) {
        this.environment = environment;
        this.clock = environment.clock();
        this.env = environment.variables();
        this.out = out;
        this.err = err;
        this.ownStderr = ownStderr;
    }

    PrintWriter err() {
        return err;
    }

    /** True when {@link #err} is the process's stderr (a progress bar may be drawn if it is a terminal). */
    boolean ownStderr() {
        return ownStderr;
    }

    public static void main(String[] args) {
        // stdout buffered in large blocks: a 10,000-cluster report is tens of megabytes. run() flushes it.
        PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(
                new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8), 1 << 16), false);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(CliEnvironment.standard(Clock.systemUTC()), out, err, true, args));
    }

    /** Runs one command line and returns its exit code; only {@link #main} exits the JVM. */
    public static int run(Clock clock, PrintWriter out, PrintWriter err, String... args) {
        return run(CliEnvironment.standard(clock), out, err, false, args);
    }

    /** As {@link #run(Clock, PrintWriter, PrintWriter, String...)}, with the process environment given. */
    public static int run(Clock clock, Map<String, String> env, PrintWriter out, PrintWriter err, String... args) {
        return run(CliEnvironment.standard(clock, env), out, err, false, args);
    }

    /**
     * Runs one command line against an environment: the clock, how the executor reaches Azure, who is asked at gates
     * and how time passes. {@link CliEnvironment#standard} is the real one; tests hand in in-memory Azure and virtual
     * time.
     */
    static int run(CliEnvironment environment, PrintWriter out, PrintWriter err, String... args) {
        return run(environment, out, err, false, args);
    }

    private static int run(CliEnvironment environment, PrintWriter out, PrintWriter err, boolean ownStderr,
                           String... args) {
        Main main = new Main(environment, out, err, ownStderr);
        CommandLine commandLine = new CommandLine(main);
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setParameterExceptionHandler((ex, arguments) -> {
            err.println("error: " + ex.getMessage() + " (see '" + ex.getCommandLine().getCommandSpec().qualifiedName()
                    + " --help')");
            return ExitCodes.INVALID_INPUT;
        });
        commandLine.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            if (ex instanceof CliException cli) {
                err.println("error: " + cli.getMessage());
                return cli.exitCode();
            }
            err.println("error: unexpected " + ex.getClass().getSimpleName() + ": " + ex.getMessage()
                    + (main.verbose ? "" : " (run with --verbose for details)"));
            if (main.verbose) {
                ex.printStackTrace(err);
            }
            return ExitCodes.UNEXPECTED;
        });
        int code = commandLine.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** No command given: show what there is, on stderr (stdout stays clean), as a usage error. */
    @Override
    public Integer call() {
        err.println("error: no command given (see 'kubenet-migrate --help')");
        return ExitCodes.INVALID_INPUT;
    }

    /** True when stdout is a terminal (the JVM has a console). */
    boolean console() {
        return System.console() != null;
    }

    /** Streams the output to stdout, or atomically to a file. */
    void emit(OutputFiles.Content content, Path file) throws CliException, IOException {
        if (file == null) {
            content.writeTo(out);
            out.flush();
            return;
        }
        try {
            OutputFiles.writeAtomically(file, content);
        } catch (IOException e) {
            throw new CliException(ExitCodes.INVALID_INPUT, file + ": cannot write: " + e.getMessage());
        }
        err.println("wrote " + file);
    }

    /** Writes the rendered output to stdout, or atomically to a file. */
    void emit(String rendered, Path file) throws CliException {
        if (file == null) {
            out.print(rendered);
            out.flush();
            return;
        }
        try {
            OutputFiles.writeAtomically(file, rendered);
        } catch (IOException e) {
            throw new CliException(ExitCodes.INVALID_INPUT, file + ": cannot write: " + e.getMessage());
        }
        err.println("wrote " + file);
    }
}
