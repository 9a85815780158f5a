package org.kubenetmigrate.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.kubenetmigrate.executor.commands.Apply;
import org.kubenetmigrate.executor.commands.DryRun;
import org.kubenetmigrate.executor.commands.DryRunReport;
import org.kubenetmigrate.executor.commands.ExecutorEnvironment;
import org.kubenetmigrate.executor.engine.RunResult;
import org.kubenetmigrate.executor.render.DryRunTextRenderer;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

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
final class ApplyCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Parameters(index = "0", paramLabel = "PLAN.json", description = "The plan file, as written by 'plan -o json'.")
    Path planFile;

    @Option(names = "--dry-run", description = "Re-check everything against live Azure and print every request the"
            + " run would send (method, URL with api-version, If-Match, full JSON body); send none, write nothing.")
    boolean dryRun;

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
        if (dryRun) {
            // A dry run writes no state: with a shared --state it checks the plan just the same.
            ExecutorEnvironment env = RunCommands.environment(main, state.shared() ? Path.of(StateOptions.DEFAULT)
                    : state.directory(), run.settings(), List.of(), signIn);
            DryRunReport report = RunCommands.call(main, env, e -> new DryRun(e).run(planFile));
            main.out.print(run.output == RunOptions.Output.json ? Json.pretty(Json.tree(report))
                    : DryRunTextRenderer.render(report));
            main.out.flush();
            if (!report.problems().isEmpty()) {
                main.err.println("error: " + String.join("; ", report.problems()));
            }
            return ExitCodes.forRun(report.outcome());
        }
        if (state.shared()) {
            return MemberRunCommands.run(main, state, run, signIn, inCluster, probe, "apply " + planFile,
                    (runs, e) -> runs.apply(planFile, e, ApprovalOptions.of(approvals), RolloutCommand.who(),
                            MemberRunCommands.LEASE));
        }
        AtomicInteger rendered = new AtomicInteger();
        ExecutorEnvironment env = RunCommands.environment(main, state.directory(), run.settings(),
                RunCommands.renderers(main, run.output, rendered), signIn)
                .withKube(inCluster.forRun(main.env, signIn, probe));
        RunResult result = RunCommands.call(main, env, e -> new Apply(e).run(planFile, ApprovalOptions.of(approvals)));
        return RunCommands.finish(main, result, run.output, rendered.get());
    }
}
