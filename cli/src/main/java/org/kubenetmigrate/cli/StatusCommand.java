package org.kubenetmigrate.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.kubenetmigrate.executor.commands.Status;
import org.kubenetmigrate.executor.commands.StatusReport;
import org.kubenetmigrate.executor.engine.EngineSettings;
import org.kubenetmigrate.executor.render.StatusTextRenderer;
import org.kubenetmigrate.executor.rollout.MemberRuns;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "status", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Show where runs are: every run in the state directory, or one run step by step (done, in"
                + " flight, waiting for approval, failed), with approvals, requests and who holds the lock."
                + " Reads the journal only; needs no Azure access.",
        footer = {"", ExitCodes.HELP_TEXT, "",
            "Examples:",
            "  kubenet-migrate status",
            "  kubenet-migrate status 20261201-120000-3fa2c1 -o json"})
final class StatusCommand implements Callable<Integer> {
    enum Format { text, json }

    @ParentCommand
    Main main;

    @Parameters(index = "0", arity = "0..1", paramLabel = "RUN_ID", description = "The run to show; all runs when"
            + " omitted.")
    String runId;

    @Option(names = {"-o", "--output"}, paramLabel = "text|json", defaultValue = "text",
            description = "Output format (default: text)." + OutputFormats.ALIAS_NOTE)
    Format format;

    @Mixin
    StateOptions state;

    @Override
    public Integer call() throws Exception {
        StatusReport report = state.shared() ? memberStatus() : new Status(RunCommands.environment(main,
                state.toRead(), EngineSettings.DEFAULTS, List.of())).run(runId);
        main.out.print(format == Format.json ? Json.pretty(Json.tree(report)) : StatusTextRenderer.render(report));
        main.out.flush();
        return ExitCodes.OK;
    }

    /** A rollout member's run, read from the shared state. */
    private StatusReport memberStatus() throws Exception {
        if (runId == null) {
            throw new CliException.BadInput("with a shared --state, give the run id of a rollout"
                    + " member (or see the whole rollout: rollout status NAME --state ...)");
        }
        return new MemberRuns(RolloutCommand.open(main, state.state, null)).status(runId);
    }
}
