package org.kubenetmigrate.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.kubenetmigrate.executor.azure.ClusterOperationsProvider.LiveAccessUnavailableException;
import org.kubenetmigrate.executor.azure.ClusterOperationsProvider;
import org.kubenetmigrate.executor.commands.ExecutorEnvironment;
import org.kubenetmigrate.executor.commands.UsageException;
import org.kubenetmigrate.executor.engine.EngineListener;
import org.kubenetmigrate.executor.engine.EngineSettings;
import org.kubenetmigrate.executor.engine.FileRunLock;
import org.kubenetmigrate.executor.engine.JournalException;
import org.kubenetmigrate.executor.engine.RunOutcome;
import org.kubenetmigrate.executor.engine.RunResult;
import org.kubenetmigrate.executor.engine.RunStore;
import org.kubenetmigrate.executor.render.JsonLinesRenderer;
import org.kubenetmigrate.executor.render.TerminalRenderer;
import org.kubenetmigrate.planner.input.InputException;

/** What the executor's commands share in the CLI: the environment, the renderers, errors to exit codes. */
final class RunCommands {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private RunCommands() {
    }

    interface ExecutorCall<T> {
        T call(ExecutorEnvironment env) throws InputException, UsageException, LiveAccessUnavailableException,
                IOException, JournalException;
    }

    /** Runs one executor call, turning its refusals into one-line errors with the documented exit code. */
    static <T> T call(Main main, ExecutorEnvironment env, ExecutorCall<T> call) throws CliException {
        try {
            return call.call(env);
        } catch (InputException | UsageException e) {
            throw new CliException(ExitCodes.INVALID_INPUT, e.getMessage());
        } catch (LiveAccessUnavailableException e) {
            throw new CliException(e.signInFailed() ? ExitCodes.INVALID_INPUT : ExitCodes.UNEXPECTED,
                    e.signInFailed() ? e.getMessage() + "; " + LiveAzure.SIGN_IN_HINT : e.getMessage());
        } catch (JournalException e) {
            throw new CliException(ExitCodes.UNEXPECTED, e.getMessage());
        } catch (IOException | UncheckedIOException e) {
            throw new CliException(ExitCodes.UNEXPECTED, e.getMessage());
        }
    }

    static ExecutorEnvironment environment(Main main, Path state, EngineSettings settings, List<EngineListener> listeners) {
        return environment(main, state, settings, listeners, main.environment.azure());
    }

    /**
     * The environment of a command that changes Azure: the provider signs in as the sign-in options say (nothing is
     * built until the executor opens it, so a refusal before that never constructs a client).
     */
    static ExecutorEnvironment environment(Main main, Path state, EngineSettings settings, List<EngineListener> listeners,
                                           AzureOptions signIn) throws CliException {
        if (!signIn.subscriptions.isEmpty() || signIn.managementGroup != null) {
            throw new CliException(ExitCodes.INVALID_INPUT, "--subscription and --management-group select what to"
                    + " read; a run changes the one cluster its plan names");
        }
        return environment(main, state, settings, listeners, main.environment.azure().withSignIn(signIn.target()));
    }

    private static ExecutorEnvironment environment(Main main, Path state, EngineSettings settings,
                                                   List<EngineListener> listeners, ClusterOperationsProvider azure) {
        RunStore store = new RunStore(state);
        CliEnvironment cli = main.environment;
        return new ExecutorEnvironment(store, new FileRunLock(store.locksDir()), azure, cli.clock(), cli.sleeper(),
                cli.prompt(), listeners, settings, record -> { });
    }

    /** The renderer for --output, counting what it rendered. */
    static List<EngineListener> renderers(Main main, RunOptions.Output output, AtomicInteger rendered) {
        List<EngineListener> listeners = new ArrayList<>();
        listeners.add(e -> rendered.incrementAndGet());
        listeners.add(output == RunOptions.Output.json ? new JsonLinesRenderer(main.out) : new TerminalRenderer(main.out));
        return listeners;
    }

    /**
     * Ends a run command: with --output json a last {@code result} line on stdout; on stderr one line for anything
     * but success, and the next steps when no event showed them (a refusal before the run started).
     */
    static int finish(Main main, RunResult result, RunOptions.Output output, int eventsRendered) {
        int code = ExitCodes.forRun(result.outcome());
        if (output == RunOptions.Output.json) {
            ObjectNode node = MAPPER.createObjectNode();
            node.put("event", "result");
            node.put("runId", result.runId());
            node.put("outcome", result.outcome().name());
            node.put("exitCode", code);
            node.put("stepId", result.stepId());
            node.put("message", result.message());
            ArrayNode next = node.putArray("remediation");
            result.remediation().forEach(next::add);
            main.out.println(node);
            main.out.flush();
        }
        if (code == ExitCodes.OK && output != RunOptions.Output.json && eventsRendered == 0) {
            // Nothing ran (the run was already over): the result is the command's only output, so say it.
            main.out.println(result.message());
            main.out.flush();
        }
        if (code != ExitCodes.OK) {
            main.err.println((result.outcome() == RunOutcome.STOPPED_AT_GATE ? "stopped: " : "error: ")
                    + result.message());
            if (eventsRendered == 0 || output == RunOptions.Output.json) {
                result.remediation().forEach(r -> main.err.println("  - " + r));
            }
            main.err.flush();
        }
        return code;
    }
}
