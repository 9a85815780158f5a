package org.kubenetmigrate.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.kubenetmigrate.executor.commands.ExecutorEnvironment;
import org.kubenetmigrate.executor.commands.Unlock;
import org.kubenetmigrate.executor.engine.EngineSettings;
import org.kubenetmigrate.executor.engine.LockHolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "unlock", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Remove the cluster lock a dead run left behind. Needs the run id of the holder and --force;"
                + " refuses while a process on this machine is running that run.",
            "With a shared --state (a Blob container URL): ends the lease of the rollout member's run and its"
                + " cluster's lock at once; a holder still alive stops at its next renewal, before its next request."
                + " Leases of a dead worker expire by themselves within 60 s."},
        footer = {"", ExitCodes.HELP_TEXT, "",
            "Example:",
            "  kubenet-migrate unlock 20261201-120000-3fa2c1 --force"})
final class UnlockCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Parameters(index = "0", paramLabel = "RUN_ID", description = "The run that holds the lock.")
    String runId;

    @Option(names = "--force", description = "Confirm that the run is dead and its lock may go.")
    boolean force;

    @Mixin
    StateOptions state;

    @Override
    public Integer call() throws Exception {
        if (state.shared()) {
            org.kubenetmigrate.executor.state.StateStore store = RolloutCommand.open(main, state.state, null);
            main.err.println(RolloutCommand.call(() -> new org.kubenetmigrate.executor.rollout.MemberRuns(store)
                    .unlock(runId, force)));
            return ExitCodes.OK;
        }
        ExecutorEnvironment env = RunCommands.environment(main, state.directory(), EngineSettings.DEFAULTS, List.of());
        LockHolder removed = RunCommands.call(main, env, e -> new Unlock(e).run(runId, force));
        main.err.println("removed the lock of " + removed.describe() + " on cluster " + removed.clusterId());
        return ExitCodes.OK;
    }
}
