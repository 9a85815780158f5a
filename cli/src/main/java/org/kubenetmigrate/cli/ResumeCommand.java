package org.kubenetmigrate.cli;

import org.kubenetmigrate.executor.commands.ExecutorEnvironment;
import org.kubenetmigrate.executor.commands.Resume;
import org.kubenetmigrate.executor.engine.RunResult;
import org.kubenetmigrate.executor.rollout.MemberRuns;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "resume", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Continue a run that stopped (at a gate, after a failure or a timeout) or whose process died:"
                + " done steps are skipped; the step in flight is decided from live state — an operation still running"
                + " is followed, never sent again.",
        footer = {"", ExitCodes.HELP_TEXT, "",
            "Examples:",
            "  kubenet-migrate resume 20261201-120000-3fa2c1",
            "  kubenet-migrate resume 20261201-120000-3fa2c1 --auto-approve"})
final class ResumeCommand extends RunCommand.Forward {
    @Parameters(index = "0", paramLabel = "RUN_ID", description = "The run, as printed by apply and status.")
    String runId;

    @Override
    String subject() {
        return "member run " + runId;
    }

    @Override
    RunResult execute(ExecutorEnvironment env) throws Exception {
        return new Resume(env).run(runId, ApprovalOptions.of(approvals));
    }

    @Override
    MemberRuns.Ended executeMember(MemberRuns runs, ExecutorEnvironment env) throws Exception {
        return runs.resume(runId, env, ApprovalOptions.of(approvals), RolloutCommand.who(), MEMBER_LEASE);
    }
}
