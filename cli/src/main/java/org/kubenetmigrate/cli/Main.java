package org.kubenetmigrate.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.kubenetmigrate.planner.report.OutputFiles;
import org.kubenetmigrate.planner.report.Utf8Output;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

// The subcommands are CommandTree's: a run builds only the one its arguments name.
@Command(name = "kubenet-migrate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Gets AKS clusters off kubenet networking before Azure retires it on 31 March 2028.",
            "Reads Azure's own JSON (ARM, az -o json, Resource Graph) offline, or Azure itself live."},
        footer = {"", ExitCodes.HELP_TEXT})
public final class Main implements java.util.concurrent.Callable<Integer> {
    final Clock clock;
    final CliEnvironment environment;
    /** The process environment (KUBECONFIG); injected so that tests do not depend on the developer's shell. */
    final Map<String, String> env;
    final PrintWriter out;
    final PrintWriter err;
    private final boolean ownStderr;
    /** The process's stdout and the UTF-8 writer over it that {@link #out} wraps; null when run by a test. */
    private StdoutStream stdout;
    private Utf8Output stdoutText;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Log debug detail (and stack traces of unexpected errors) to stderr.")
    void verbose(boolean on) {
        verbose = on;
        // Picocli sets the default (off) on every run; LoggingSetup already says so, and touching the loggers would
        // load and configure logging for commands that never log (--version, --help). Only a run after a verbose one
        // in the same JVM (tests) has levels to put back.
        if (!on && !loggingTuned) {
            return;
        }
        loggingTuned = on;
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(on ? Level.DEBUG : Level.WARN);
        // Sign-in chatter (silenced in LoggingSetup) is shown with -v, MSAL's never below WARN.
        for (String name : LoggingSetup.SIGN_IN_LOGGERS) {
            ((Logger) LoggerFactory.getLogger(name)).setLevel(on ? Level.WARN : Level.OFF);
        }
    }

    private boolean verbose;
    /** Whether some run of this JVM changed the logging levels (see {@link #verbose(boolean)}). */
    private static volatile boolean loggingTuned;

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
        System.exit(runProcess(CliEnvironment.standard(Clock.systemUTC()), args));
    }

    /** Runs one command line on the process's own stdout and stderr, whose write failures decide the exit code. */
    static int runProcess(CliEnvironment environment, String... args) {
        StdoutStream stdout = new StdoutStream(new FileOutputStream(FileDescriptor.out));
        // stdout buffered in large blocks: a 10,000-cluster report is tens of megabytes. run() flushes it.
        Utf8Output text = new Utf8Output(stdout);
        PrintWriter out = new PrintWriter(text, false);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        return run(environment, out, err, true, stdout, text, args);
    }

    /** Runs one command line and returns its exit code; only {@link #main} exits the JVM. */
    public static int run(Clock clock, PrintWriter out, PrintWriter err, String... args) {
        return run(CliEnvironment.standard(clock), out, err, false, null, null, args);
    }

    /** As {@link #run(Clock, PrintWriter, PrintWriter, String...)}, with the process environment given. */
    public static int run(Clock clock, Map<String, String> env, PrintWriter out, PrintWriter err, String... args) {
        return run(CliEnvironment.standard(clock, env), out, err, false, null, null, args);
    }

    /**
     * Runs one command line against an environment: the clock, how the executor reaches Azure, who is asked at gates
     * and how time passes. {@link CliEnvironment#standard} is the real one; tests hand in in-memory Azure and virtual
     * time.
     */
    static int run(CliEnvironment environment, PrintWriter out, PrintWriter err, String... args) {
        return run(environment, out, err, false, null, null, args);
    }

    private static int run(CliEnvironment environment, PrintWriter out, PrintWriter err, boolean ownStderr,
                           StdoutStream stdout, Utf8Output stdoutText, String... args) {
        Main main = new Main(environment, out, err, ownStderr);
        main.stdout = stdout;
        main.stdoutText = stdoutText;
        String[] commandArgs = OutputFormats.withoutDeprecatedNames(args);
        CommandLine commandLine = CommandTree.forArguments(main, commandArgs);
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setParameterExceptionHandler((ex, arguments) -> {
            err.println("error: " + ex.getMessage() + " (see '" + ex.getCommandLine().getCommandSpec().qualifiedName()
                    + " --help')");
            return ExitCodes.INVALID_INPUT;
        });
        commandLine.setExecutionExceptionHandler(new FailureHandler(err, () -> main.verbose));
        int code = commandLine.execute(commandArgs);
        out.flush();
        OutputState stdoutState = OutputState.of(out.checkError(), stdout == null ? null : stdout.failure());
        if (stdoutState == OutputState.FAILED) {
            IOException cause = stdout == null ? null : stdout.failure();
            err.println("error: cannot write to stdout" + (cause == null || cause.getMessage() == null ? ""
                    : ": " + cause.getMessage()));
        }
        err.flush();
        return ExitCodes.withOutput(code, stdoutState);
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

    /**
     * Streams the output to stdout (whose failures are judged when the command ends), or to the file as
     * {@link OutputFiles#writeOutput} says: atomically for a file, written through for a device or pipe.
     */
    void emit(OutputFiles.Content content, Path file) throws CliException, IOException {
        if (file == null) {
            if (stdoutText == null) {
                content.writeTo(out);
                out.flush();
                return;
            }
            // The process's stdout, under the writer: renderers that write bytes find them there (see Utf8Output).
            out.flush();
            try {
                content.writeTo(stdoutText);
                stdoutText.flush();
            } catch (IOException e) {
                // As the writer would: a failed stdout is judged when the command ends (run()), not here.
                if (stdout.failure() == null) {
                    throw e;
                }
            }
            return;
        }
        try {
            OutputFiles.writeOutput(file, content);
        } catch (OutputFiles.UnusablePathException e) {
            // The file's name goes with the problem, which only this place knows.
            throw new CliException.BadInput(file + ": cannot write: " + e.getMessage());
        } catch (AccessDeniedException e) {
            throw new CliException.BadInput(file + ": cannot write: permission denied");
        } catch (IOException e) {
            throw new CliException.OutputFailed(file + ": write failed: " + e.getMessage());
        }
        err.println("wrote " + file);
    }

    /** As {@link #emit(OutputFiles.Content, Path)}, for output rendered as a whole. */
    void emit(String rendered, Path file) throws CliException, IOException {
        emit(writer -> writer.write(rendered), file);
    }
}
