package org.kubenetmigrate.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.kubenetmigrate.planner.assessment.FleetAssessment;
import org.kubenetmigrate.planner.commands.AssessFleet;
import org.kubenetmigrate.planner.model.Fleet;
import org.kubenetmigrate.planner.report.AssessmentJson;
import org.kubenetmigrate.planner.report.FleetTableRenderer;
import org.kubenetmigrate.planner.rules.Severity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Assess every cluster in the input: which can migrate off kubenet, what blocks each, what to do.",
        footer = {"", ExitCodes.HELP_TEXT, "",
            "Examples:",
            "  kubenet-migrate report --from examples/fleet",
            "  kubenet-migrate report --from exports/ --format json --fail-on blocker > fleet.json"})
final class ReportCommand implements Callable<Integer> {
    enum Format { table, json }

    enum FailOn { blocker, action, warning }

    @ParentCommand
    Main main;

    @Mixin
    InputOptions input;

    @Mixin
    MigrationOptionsMixin migration;

    @Mixin
    InClusterOptions inCluster;

    @Option(names = "--format", paramLabel = "table|json", defaultValue = "table",
            description = "Output format (default: table). json follows docs/schema/report-v1.schema.json.")
    Format format;

    @Option(names = "--fail-on", paramLabel = "blocker|action|warning",
            description = "Exit 3 when any cluster has a finding at or above this severity, or a check that could"
                    + " not run but could have produced one.")
    FailOn failOn;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the report to FILE (atomically) instead of stdout.")
    Path out;

    @Override
    public Integer call() throws Exception {
        Fleet fleet = input.readFleet();
        FleetAssessment assessment = new AssessFleet(main.clock).run(fleet, migration.toOptions(null, null),
                inCluster.forReport(main.env, main, fleet));
        String rendered = format == Format.json
                ? Json.pretty(AssessmentJson.fleet(assessment))
                : FleetTableRenderer.render(assessment);
        main.emit(rendered, out);
        return ExitCodes.forReport(assessment, failOn == null ? null : Severity.valueOf(failOn.name().toUpperCase(Locale.ROOT)));
    }
}
