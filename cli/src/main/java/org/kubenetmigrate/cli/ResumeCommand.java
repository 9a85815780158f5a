package org.kubenetmigrate.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.kubenetmigrate.executor.commands.ExecutorEnvironment;
import org.kubenetmigrate.executor.commands.Resume;
import org.kubenetmigrate.executor.engine.RunResult;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "resume", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Continue a run that stopped (at a gate, after a failure or a timeout) or whose process died:"
                + " done steps are skipped; the step in flight is decided from live state — an operation still running"
                + " is followed, never sent again.",
        footer = {"", ExitCodes.HELP_TEXT, "",
            "Examples:",
            "  kubenet-migrate resume 20261201-120000-3fa2c1",
            "  kubenet-migrate resume 20261201-120000-3fa2c1 --auto-approve"})
final class ResumeCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Parameters(index = "0", paramLabel = "RUN_ID", description = "The run, as printed by apply and status.")
    String runId;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    ApprovalOptions approvals;

    @Mixin
    StateOptions state;

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
        AtomicInteger rendered = new AtomicInteger();
        if (state.shared()) {
            return resumeMember(rendered);
        }
        ExecutorEnvironment env = RunCommands.environment(main, state.directory(), run.settings(),
                RunCommands.renderers(main, run.output, rendered), signIn)
                .withKube(inCluster.forRun(main.env, signIn, probe));
        RunResult result = RunCommands.call(main, env, e -> new Resume(e).run(runId, ApprovalOptions.of(approvals)));
        return RunCommands.finish(main, result, run.output, rendered.get());
    }

    /** A rollout member's run in a shared state: resumed under the member's lease, its outcome on the board. */
    private int resumeMember(AtomicInteger rendered) throws Exception {
        return MemberRunCommands.run(main, state, run, signIn, inCluster, probe, "member run " + runId,
                (runs, env) -> runs.resume(runId, env, ApprovalOptions.of(approvals), RolloutCommand.who(),
                        MemberRunCommands.LEASE));
    }
}
