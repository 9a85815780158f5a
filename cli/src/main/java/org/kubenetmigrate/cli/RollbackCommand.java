package org.kubenetmigrate.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.kubenetmigrate.executor.commands.ExecutorEnvironment;
import org.kubenetmigrate.executor.commands.Rollback;
import org.kubenetmigrate.executor.engine.RunResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "rollback", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Undo a run's completed steps, newest first (for example re-enable the network policy engine)."
                + " Only before the point of no return; after it, refuses (exit 8) and prints how to roll forward.",
        footer = {"", ExitCodes.HELP_TEXT, "",
            "Example:",
            "  kubenet-migrate rollback 20261201-120000-3fa2c1"})
final class RollbackCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Parameters(index = "0", paramLabel = "RUN_ID", description = "The run to roll back.")
    String runId;

    @Mixin
    StateOptions state;

    @Mixin
    RunOptions run;

    @Mixin
    SignInOptions signIn;

    @Mixin
    InClusterOptions inCluster;

    @Override
    public Integer call() throws Exception {
        if (state.shared()) {
            return MemberRunCommands.run(main, state, run, signIn, inCluster, new ProbeOptions(), "rollback " + runId,
                    (runs, e) -> runs.rollback(runId, e, RolloutCommand.who(), MemberRunCommands.LEASE));
        }
        AtomicInteger rendered = new AtomicInteger();
        ExecutorEnvironment env = RunCommands.environment(main, state.directory(), run.settings(),
                RunCommands.renderers(main, run.output, rendered), signIn)
                .withKube(inCluster.forRun(main.env, signIn, new ProbeOptions()));
        RunResult result = RunCommands.call(main, env, e -> new Rollback(e).run(runId));
        return RunCommands.finish(main, result, run.output, result.outcome()
                == org.kubenetmigrate.executor.engine.RunOutcome.ROLLBACK_REFUSED ? 0 : rendered.get());
    }
}
