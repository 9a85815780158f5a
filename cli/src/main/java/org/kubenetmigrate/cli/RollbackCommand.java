package org.kubenetmigrate.cli;

import org.kubenetmigrate.executor.commands.ExecutorEnvironment;
import org.kubenetmigrate.executor.commands.Rollback;
import org.kubenetmigrate.executor.engine.RunResult;
import org.kubenetmigrate.executor.rollout.MemberRuns;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "rollback", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Undo a run's completed steps, newest first (for example re-enable the network policy engine)."
                + " Only before the point of no return; after it, refuses (exit 8) and prints how to roll forward.",
        footer = {"", ExitCodes.HELP_TEXT, "",
            "Example:",
            "  kubenet-migrate rollback 20261201-120000-3fa2c1"})
final class RollbackCommand extends RunCommand {
    @Parameters(index = "0", paramLabel = "RUN_ID", description = "The run to roll back.")
    String runId;

    @Override
    String subject() {
        return "rollback " + runId;
    }

    @Override
    RunResult execute(ExecutorEnvironment env) throws Exception {
        return new Rollback(env).run(runId);
    }

    @Override
    MemberRuns.Ended executeMember(MemberRuns runs, ExecutorEnvironment env) throws Exception {
        return runs.rollback(runId, env, RolloutCommand.who(), MEMBER_LEASE);
    }
}
