package org.kubenetmigrate.cli;

import java.nio.file.Path;
import java.time.Duration;
import org.kubenetmigrate.executor.commands.ExecutorEnvironment;
import org.kubenetmigrate.executor.commands.Resume;
import org.kubenetmigrate.executor.engine.RunResult;
import org.kubenetmigrate.executor.rollout.MemberRuns;
import org.kubenetmigrate.executor.state.StateStore;
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
    public Integer call() throws Exception {
        return state.shared() ? resumeMember() : super.call();
    }

    @Override
    RunResult execute(ExecutorEnvironment env) throws Exception {
        return new Resume(env).run(runId, ApprovalOptions.of(approvals));
    }

    /** A rollout member's run in a shared state: resumed under the member's lease, its outcome on the board. */
    private int resumeMember() throws Exception {
        StateStore store = RolloutCommand.open(main, state.state, session.signIn);
        RunOutput shown = RunOutput.of(main, output.format);
        ExecutorEnvironment env = environment(Path.of("."), shown.listeners());
        MemberRuns.Ended ended = new MemberRuns(store).resume(runId, env, ApprovalOptions.of(approvals),
                RolloutCommand.who(), Duration.ofSeconds(60));
        main.err.println("member run " + runId + ": " + ended.status().label() + " (" + ended.message() + ")");
        main.err.flush();
        return switch (ended.status()) {
            case COMPLETED -> ExitCodes.OK;
            case PENDING -> ExitCodes.STOPPED_AT_GATE;
            default -> ExitCodes.STEP_FAILED;
        };
    }
}
