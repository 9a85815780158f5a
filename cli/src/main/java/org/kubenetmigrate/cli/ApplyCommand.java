package org.kubenetmigrate.cli;

import java.nio.file.Path;
import java.util.List;
import org.kubenetmigrate.executor.commands.Apply;
import org.kubenetmigrate.executor.commands.DryRun;
import org.kubenetmigrate.executor.commands.DryRunReport;
import org.kubenetmigrate.executor.commands.ExecutorEnvironment;
import org.kubenetmigrate.executor.engine.RunResult;
import org.kubenetmigrate.executor.render.DryRunTextRenderer;
import org.kubenetmigrate.executor.rollout.MemberRuns;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "apply", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run a plan (from 'plan -o json') against live Azure, step by step: a gate before every"
                + " step that needs approval, a journal that survives a crash, a lock so that one run at a time changes"
                + " the cluster, and a refusal when the cluster moved since the plan was made.",
            "Without a terminal and without approval flags it stops at the first gate (exit 5); continue with"
                + " 'resume RUN_ID'."},
        footer = {"", ExitCodes.HELP_TEXT, "",
            "Examples:",
            "  kubenet-migrate apply plan.json --dry-run",
            "  kubenet-migrate apply plan.json                          # asks at every gate on the terminal",
            "  kubenet-migrate apply plan.json --approve-through prepare -o json > run.jsonl"})
final class ApplyCommand extends RunCommand.Forward {
    @Parameters(index = "0", paramLabel = "PLAN.json", description = "The plan file, as written by 'plan -o json'.")
    Path planFile;

    @Option(names = "--dry-run", order = RunCommand.OWN_OPTION - 1,
            description = "Re-check everything against live Azure and print every request the run would send (method,"
                    + " URL with api-version, If-Match, full JSON body); send none, write nothing.")
    boolean dryRun;

    @Override
    public Integer call() throws Exception {
        return dryRun ? dryRun() : super.call();
    }

    @Override
    String subject() {
        return "apply " + planFile;
    }

    @Override
    RunResult execute(ExecutorEnvironment env) throws Exception {
        return new Apply(env).run(planFile, ApprovalOptions.of(approvals));
    }

    @Override
    MemberRuns.Ended executeMember(MemberRuns runs, ExecutorEnvironment env) throws Exception {
        return runs.apply(planFile, env, ApprovalOptions.of(approvals), RolloutCommand.who(), MEMBER_LEASE);
    }

    /** The requests the run would send, re-checked against live Azure; nothing is sent or written. */
    private int dryRun() throws Exception {
        // A dry run writes no state: with a shared --state it checks the plan just the same.
        ExecutorEnvironment env = RunCommands.environment(main, state.shared() ? Path.of(StateOptions.DEFAULT)
                : state.directory(), session.run.settings(), List.of(), session.signIn);
        DryRunReport report = new DryRun(env).run(planFile);
        main.out.print(output.format == RunOutputOption.Format.json ? Json.pretty(Json.tree(report))
                : DryRunTextRenderer.render(report));
        main.out.flush();
        if (!report.problems().isEmpty()) {
            main.err.println("error: " + String.join("; ", report.problems()));
        }
        return ExitCodes.forRun(report.outcome());
    }
}
