package org.kubenetmigrate.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.kubenetmigrate.executor.commands.ExecutorEnvironment;
import org.kubenetmigrate.executor.commands.UsageException;
import org.kubenetmigrate.executor.engine.Actor;
import org.kubenetmigrate.executor.engine.EngineSettings;
import org.kubenetmigrate.executor.engine.FileRunLock;
import org.kubenetmigrate.executor.engine.RunStore;
import org.kubenetmigrate.executor.render.RolloutTextRenderer;
import org.kubenetmigrate.executor.rollout.CreateRollout;
import org.kubenetmigrate.executor.rollout.HeldException;
import org.kubenetmigrate.executor.rollout.RolloutControl;
import org.kubenetmigrate.executor.rollout.RolloutDefinition;
import org.kubenetmigrate.executor.rollout.RolloutFiles;
import org.kubenetmigrate.executor.rollout.RolloutReport;
import org.kubenetmigrate.executor.rollout.RolloutStatus;
import org.kubenetmigrate.executor.rollout.Schedule;
import org.kubenetmigrate.executor.rollout.Strategy;
import org.kubenetmigrate.executor.rollout.StrategyReader;
import org.kubenetmigrate.executor.rollout.Worker;
import org.kubenetmigrate.executor.state.StateLocation;
import org.kubenetmigrate.executor.state.StateStore;
import org.kubenetmigrate.executor.commands.StateStores;
import org.kubenetmigrate.planner.input.InputException;
import org.kubenetmigrate.planner.azure.AzureSession;
import org.kubenetmigrate.planner.azure.InventorySettings;
import org.kubenetmigrate.planner.model.Fleet;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "rollout", mixinStandardHelpOptions = true,
        description = {"Migrate a fleet in stages and groups (Azure Kubernetes Fleet Manager's vocabulary), with any"
                + " number of workers on any number of machines sharing one state: a local directory, or an Azure"
                + " Blob container (https://ACCOUNT.blob.core.windows.net/CONTAINER[/PREFIX])."},
        subcommands = {RolloutCommand.Create.class, RolloutCommand.Work.class, RolloutCommand.StatusOf.class,
            RolloutCommand.Approve.class, RolloutCommand.Stop.class, RolloutCommand.Skip.class, RolloutCommand.Retry.class},
        footer = {"", ExitCodes.HELP_TEXT, "",
            "Examples:",
            "  kubenet-migrate rollout create fleet-q1 --strategy strategy.yaml --from exports/ \\",
            "      --state https://tfstate.blob.core.windows.net/kubenet-migrate",
            "  kubenet-migrate rollout work fleet-q1 --state https://tfstate.blob.core.windows.net/kubenet-migrate --wait",
            "  kubenet-migrate rollout status fleet-q1 --state https://tfstate.blob.core.windows.net/kubenet-migrate",
            "  kubenet-migrate rollout approve fleet-q1 --gate go-prod --state ..."})
final class RolloutCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Override
    public Integer call() {
        main.err.println("error: no rollout command given (see 'kubenet-migrate rollout --help')");
        return ExitCodes.INVALID_INPUT;
    }

    /** {@code --state DIR|URL} for the rollout commands. */
    static final class StateOption {
        @Option(names = "--state", paramLabel = "DIR|URL", defaultValue = ".kubenet-migrate",
                description = "Where the rollout lives: a local directory (default .kubenet-migrate) or an Azure Blob"
                        + " container URL, https://ACCOUNT.blob.core.windows.net/CONTAINER[/PREFIX] (path style for"
                        + " emulators: http://127.0.0.1:10000/ACCOUNT/CONTAINER). Blob access: the Azure sign-in"
                        + " (the identity needs Storage Blob Data Contributor), or AZURE_STORAGE_CONNECTION_STRING"
                        + " when set (key or SAS; never put a SAS in the URL).")
        String state;
    }

    /** Opens the state; the sign-in for Blob Storage is built only when it is needed. */
    static StateStore open(Main main, String state, SignInOptions signIn) throws CliException {
        StateLocation location;
        try {
            location = StateLocation.parse(state);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.INVALID_INPUT, "--state " + redacted(state) + ": " + e.getMessage());
        }
        Supplier<AzureSession> session = () -> {
            try {
                return AzureSession.signIn(signIn == null ? new SignInOptions().target() : signIn.target(),
                        InventorySettings.defaults());
            } catch (CliException e) {
                throw new IllegalArgumentException(e.getMessage());
            }
        };
        try {
            return StateStores.open(location, main.env, session, main.clock);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.INVALID_INPUT, e.getMessage());
        }
    }

    /** A state value for messages: never its query (a SAS someone pasted by mistake). */
    static String redacted(String state) {
        int query = state.indexOf('?');
        return query < 0 ? state : state.substring(0, query) + "?<redacted>";
    }

    interface RolloutCall<T> {
        T call() throws IOException, UsageException, InputException, InterruptedException, HeldException;
    }

    static <T> T call(RolloutCall<T> call) throws CliException {
        try {
            return call.call();
        } catch (HeldException e) {
            throw new CliException(ExitCodes.LOCK_HELD, e.getMessage());
        } catch (UsageException | InputException e) {
            throw new CliException(ExitCodes.INVALID_INPUT, e.getMessage());
        } catch (IOException | UncheckedIOException e) {
            throw new CliException(ExitCodes.UNEXPECTED, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(ExitCodes.UNEXPECTED, "interrupted");
        }
    }

    static String who() {
        return Actor.local(null).user() + "@" + Actor.local(null).host();
    }

    @Command(name = "create", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Read the fleet, select its kubenet clusters, place each in the first group of the strategy"
                    + " whose selector matches, make and freeze one plan per member, and record the rollout."
                    + " BLOCKED or INCOMPLETE clusters become Skipped members (with the reason); the rollout never"
                    + " touches them.")
    static final class Create implements Callable<Integer> {
        @ParentCommand
        RolloutCommand parent;

        @Parameters(index = "0", paramLabel = "NAME", description = "The rollout's name (lower-case letters, digits, '-').")
        String name;

        @Option(names = "--strategy", paramLabel = "STRATEGY.yaml", required = true,
                description = "Stages, groups, concurrency, waits, gates (docs/schema/rollout-strategy-v1.schema.json).")
        Path strategyFile;

        @Mixin
        InputOptions input;

        @Mixin
        MigrationOptionsMixin migration;

        @Mixin
        StateOption state;

        @Override
        public Integer call() throws Exception {
            Main main = parent.main;
            Strategy strategy = RolloutCommand.call(() -> new StrategyReader().read(strategyFile));
            Fleet fleet = input.readFleet();
            StateStore store = open(main, state.state, input.azure.signIn);
            RolloutDefinition definition = RolloutCommand.call(() -> new CreateRollout(new RolloutFiles(store, name),
                    main.clock).run(strategy, fleet, migration.toOptions(null, null), who()));
            main.out.print(RolloutTextRenderer.created(definition, store.describe()));
            main.out.flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "work", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Be a worker: claim the next member that may start (stage open, concurrency not exceeded,"
                    + " failure threshold not reached), run its plan with the single-cluster engine (journal, gates,"
                    + " resume), record the outcome, and claim again until nothing is left to do now (exit 0), or"
                    + " with --wait until the rollout ends. Run as many workers as you like, anywhere.",
                "A worker that dies loses its member's lease; another worker takes the member over and resumes it"
                    + " from its journal, following an operation already in flight instead of sending it again."},
            footer = {"", "Exit codes: 0 nothing left to do now (or the rollout ended Completed), 6 the rollout ended"
                    + " Failed or CompletedWithFailures, 2 bad input, 1 unexpected."})
    static final class Work implements Callable<Integer> {
        @ParentCommand
        RolloutCommand parent;

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Mixin
        StateOption state;

        @Option(names = "--worker", paramLabel = "ID", description = "This worker's name in status (default:"
                + " host-pid; in CI, the job name).")
        String worker;

        @Option(names = "--max-members", paramLabel = "N", defaultValue = "0",
                description = "Stop after running N members (default: no limit).")
        int maxMembers;

        @Option(names = "--auto-approve", description = "Pass the members' own gates (their point of no return"
                + " included). A strategy gate is passed only by 'rollout approve'.")
        boolean autoApprove;

        @Option(names = "--wait", description = "Keep waiting (gates, waits, other workers' members) until the"
                + " rollout ends, instead of exiting when nothing can start now.")
        boolean waitUntilEnd;

        @Option(names = "--lease-duration", paramLabel = "DURATION", converter = DurationConverter.class,
                defaultValue = "60s", description = "How long a member's lease lasts without renewal (15s to 60s;"
                + " default 60s): how soon another worker takes over from one that died.")
        Duration leaseDuration;

        @Option(names = "--poll-interval", paramLabel = "DURATION", converter = DurationConverter.class,
                defaultValue = "30s", description = "With --wait: how often to look at the rollout again (default 30s).")
        Duration pollInterval;

        @Mixin
        RunOptions run;

        @Mixin
        SignInOptions signIn;

        @Mixin
        InClusterOptions inCluster;

        @Mixin
        ProbeOptions probe;

        @Override
        public Integer call() throws Exception {
            Main main = parent.main;
            if (leaseDuration.compareTo(Duration.ofSeconds(15)) < 0 || leaseDuration.compareTo(Duration.ofSeconds(60)) > 0) {
                throw new CliException(ExitCodes.INVALID_INPUT, "--lease-duration " + leaseDuration.toSeconds()
                        + "s: Blob Storage leases last 15 to 60 seconds");
            }
            StateStore store = open(main, state.state, signIn);
            ExecutorEnvironment env = RunCommands.environment(main, Path.of("."), run.settings(), List.of(), signIn)
                    .withKube(inCluster.forRun(main.env, signIn, probe));
            String id = worker != null ? worker : Actor.local(null).host() + "-" + ProcessHandle.current().pid();
            Worker.Result result = RolloutCommand.call(() -> new Worker(new RolloutFiles(store, name), env,
                    new Worker.Settings(id, maxMembers, autoApprove, waitUntilEnd, leaseDuration, pollInterval),
                    line -> {
                        main.err.println(java.time.format.DateTimeFormatter.ISO_INSTANT.format(
                                java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)) + " " + id
                                + ": " + line);
                        main.err.flush();
                    }).run());
            main.err.println(id + ": ran " + result.membersRun() + " member(s); rollout " + name + " is "
                    + result.status());
            main.err.flush();
            return result.status() == Schedule.RolloutStatus.Failed
                    || result.status() == Schedule.RolloutStatus.CompletedWithFailures ? ExitCodes.STEP_FAILED
                    : ExitCodes.OK;
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true, sortOptions = false,
            description = "The rollout, each stage, group and member: NotStarted, Running, Pending (why), Completed,"
                    + " Failed, Skipped, Stopped; for a member its run id, current step and worker; the gates; counts."
                    + " Reads only.")
    static final class StatusOf implements Callable<Integer> {
        enum Format { text, json }

        @ParentCommand
        RolloutCommand parent;

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Mixin
        StateOption state;

        @Option(names = {"-o", "--output"}, paramLabel = "text|json", defaultValue = "text",
                description = "Output format (default: text).")
        Format format;

        @Override
        public Integer call() throws Exception {
            Main main = parent.main;
            StateStore store = open(main, state.state, null);
            RolloutReport report = RolloutCommand.call(() -> new RolloutStatus(new RolloutFiles(store, name), main.clock)
                    .run());
            main.out.print(format == Format.json ? Json.pretty(Json.tree(report)) : RolloutTextRenderer.status(report));
            main.out.flush();
            return ExitCodes.OK;
        }
    }

    static final class GateOrMember {
        @Option(names = "--gate", paramLabel = "GATE", required = true, description = "A gate of the strategy.")
        String gate;

        @Option(names = "--member", paramLabel = "CLUSTER", required = true,
                description = "A member (cluster name or id): approves its own gates, the point of no return included.")
        String member;
    }

    /** What approve, stop, skip and retry share: the rollout's name and state, one change, its message on stdout. */
    abstract static class ControlCommand implements Callable<Integer> {
        @ParentCommand
        RolloutCommand parent;

        @Parameters(index = "0", paramLabel = "NAME", description = "The rollout.")
        String name;

        @Mixin
        StateOption state;

        abstract String change(RolloutControl control) throws IOException, UsageException;

        @Override
        public Integer call() throws Exception {
            Main main = parent.main;
            RolloutControl control = new RolloutControl(new RolloutFiles(open(main, state.state, null), name), main.clock);
            main.out.println(RolloutCommand.call(() -> change(control)));
            main.out.flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "approve", mixinStandardHelpOptions = true, description = "Approve a strategy gate, or a member's"
            + " own gates. Workers pick the change up on their next look at the rollout.")
    static final class Approve extends ControlCommand {
        @ArgGroup(exclusive = true, multiplicity = "1")
        GateOrMember what;

        @Override
        String change(RolloutControl control) throws IOException, UsageException {
            return what.gate != null ? control.approveGate(what.gate, who()) : control.approveMember(what.member, who());
        }
    }

    @Command(name = "stop", mixinStandardHelpOptions = true, description = "Stop the rollout: no new member starts."
            + " Members running now finish their current run; nothing in Azure is aborted.")
    static final class Stop extends ControlCommand {
        @Override
        String change(RolloutControl control) throws IOException, UsageException {
            return control.stop(who());
        }
    }

    static final class SkipScope {
        @Option(names = "--member", paramLabel = "CLUSTER", required = true)
        String member;

        @Option(names = "--group", paramLabel = "GROUP", required = true)
        String group;

        @Option(names = "--stage", paramLabel = "STAGE", required = true)
        String stage;

        @Option(names = "--after-stage-wait", paramLabel = "STAGE", required = true,
                description = "End the wait after STAGE early (its afterStageWait); the next stage still waits for"
                        + " STAGE's members to end and for its gates.")
        String afterStageWait;
    }

    @Command(name = "skip", mixinStandardHelpOptions = true, description = {"Skip a member, a group or a stage: its"
            + " members that have not started, wait at a gate, or failed are marked Skipped and never run.",
            "Or skip the wait after a stage: recorded with who and when, shown by 'rollout status'."})
    static final class Skip extends ControlCommand {
        @ArgGroup(exclusive = true, multiplicity = "1")
        SkipScope scope;

        @Override
        String change(RolloutControl control) throws IOException, UsageException {
            return scope.afterStageWait != null ? control.skipAfterStageWait(scope.afterStageWait, who())
                    : control.skip(scope.member, scope.group, scope.stage, who());
        }
    }

    @Command(name = "retry", mixinStandardHelpOptions = true, description = "Retry a failed member, after a person"
            + " looked: the next worker resumes its run with the same frozen plan.")
    static final class Retry extends ControlCommand {
        @Option(names = "--member", paramLabel = "CLUSTER", required = true)
        String member;

        @Override
        String change(RolloutControl control) throws IOException, UsageException {
            return control.retry(member, who());
        }
    }
}
