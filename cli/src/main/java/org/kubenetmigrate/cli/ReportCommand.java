package org.kubenetmigrate.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.kubenetmigrate.planner.commands.AssessFleet;
import org.kubenetmigrate.planner.input.FleetInput;
import org.kubenetmigrate.planner.input.InputException;
import org.kubenetmigrate.planner.input.WaiversReader;
import org.kubenetmigrate.planner.report.AssessmentJson;
import org.kubenetmigrate.planner.report.CsvReportRenderer;
import org.kubenetmigrate.planner.report.FleetReport;
import org.kubenetmigrate.planner.report.FleetTableRenderer;
import org.kubenetmigrate.planner.report.Grouping;
import org.kubenetmigrate.planner.report.HtmlReportRenderer;
import org.kubenetmigrate.planner.report.JunitReportRenderer;
import org.kubenetmigrate.planner.report.MarkdownReportRenderer;
import org.kubenetmigrate.planner.report.ReportRenderer;
import org.kubenetmigrate.planner.rules.Rule;
import org.kubenetmigrate.planner.rules.RuleCatalogue;
import org.kubenetmigrate.planner.rules.Severity;
import org.kubenetmigrate.planner.waivers.WaiverSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.TypeConversionException;

@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Assess every cluster in the input: which can migrate off kubenet, what blocks each, what to do.",
        footer = {"", ExitCodes.HELP_TEXT, "",
            "Examples:",
            "  kubenet-migrate report --from examples/fleet",
            "  kubenet-migrate report --from exports/ -o json --fail-on blocker > fleet.json",
            "  kubenet-migrate report --from exports/ -o html --group-by tag:owner --out readiness.html",
            "  kubenet-migrate report --from exports/ -o junit --waivers waivers.yaml --fail-on blocker"
                    + " --out readiness.xml"})
final class ReportCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(ReportCommand.class);
    enum Format { table, json, csv, markdown, html, junit }

    enum FailOn { blocker, action, warning }

    @ParentCommand
    Main main;

    @Mixin
    InputOptions input;

    @Mixin
    MigrationOptionsMixin migration;

    @Mixin
    InClusterOptions inCluster;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "table",
            description = "table (default), json (docs/schema/report-v1.schema.json), csv, markdown, html (one"
                    + " self-contained file) or junit (JUnit XML for CI)." + OutputFormats.ALIAS_NOTE)
    Format format;

    @Option(names = "--fail-on", paramLabel = "blocker|action|warning",
            description = "Exit 3 when any cluster has an unwaived finding at or above this severity, or a check that"
                    + " could not run but could have produced one.")
    FailOn failOn;

    @Option(names = "--waivers", paramLabel = "FILE",
            description = "YAML file of accepted findings (rule, cluster selector, reason, owner, expires). Waived"
                    + " findings stay visible and do not count for --fail-on; expired waivers stop applying.")
    Path waivers;

    @Option(names = "--group-by", paramLabel = "subscription|location|resourceGroup|tag:NAME",
            converter = GroupingConverter.class,
            description = "Group the table, Markdown and HTML (and the HTML's by-group chart) by this.")
    Grouping groupBy = Grouping.NONE;

    @Option(names = "--no-color", description = "No colour in the table (also: the NO_COLOR environment variable;"
            + " colour is only ever used on a terminal).")
    boolean noColor;

    @Mixin
    OutOption out;

    @Override
    public Integer call() throws Exception {
        long start = System.nanoTime();
        WaiverSet waiverSet = readWaivers();
        FleetInput in = input.readInput();
        // Also on stderr: whatever the format, and even when the report goes to a file nobody opens.
        in.metadata().missing().forEach(m -> main.err().println("warning: " + m));
        long read = System.nanoTime();
        LOG.debug("read {} files: {} clusters, {} virtual networks, {} route tables in {} ms", in.metadata().files(),
                in.fleet().clusters().size(), in.fleet().virtualNetworks().size(), in.fleet().routeTables().size(),
                (read - start) / 1_000_000);
        Severity threshold = failOn == null ? null : Severity.valueOf(failOn.name().toUpperCase(Locale.ROOT));
        FleetReport report = new AssessFleet(main.clock).report(in.fleet(), in.metadata(),
                migration.toOptions(null, null), inCluster.forReport(main.env, main, in.fleet(), input), waiverSet, groupBy,
                threshold);
        long assessed = System.nanoTime();
        LOG.debug("assessed {} clusters in {} ms", report.assessment().clusters().size(), (assessed - read) / 1_000_000);
        ReportRenderer renderer = switch (format) {
            case table -> new FleetTableRenderer(Terminal.colour(main.console(), System.getenv("NO_COLOR"), noColor,
                    out.file != null));
            case json -> AssessmentJson::write;
            case csv -> new CsvReportRenderer();
            case markdown -> new MarkdownReportRenderer();
            case html -> new HtmlReportRenderer();
            case junit -> new JunitReportRenderer();
        };
        main.emit(writer -> renderer.render(report, writer), out.file);
        LOG.debug("rendered {} in {} ms", format, (System.nanoTime() - assessed) / 1_000_000);
        return ExitCodes.forReport(report);
    }

    /** Read first: a bad waivers file stops the command before anything is assessed or written. */
    private WaiverSet readWaivers() throws InputException {
        if (waivers == null) {
            return WaiverSet.NONE;
        }
        return new WaiversReader(RuleCatalogue.all().stream().map(Rule::id)
                .collect(java.util.stream.Collectors.toSet())).read(waivers);
    }

    static final class GroupingConverter implements ITypeConverter<Grouping> {
        @Override
        public Grouping convert(String value) {
            try {
                return Grouping.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
