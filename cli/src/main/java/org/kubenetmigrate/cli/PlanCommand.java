package org.kubenetmigrate.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.kubenetmigrate.planner.cidr.IpPrefix;
import org.kubenetmigrate.planner.commands.PlanCluster;
import org.kubenetmigrate.planner.iac.IacStep;
import org.kubenetmigrate.planner.model.Fleet;
import org.kubenetmigrate.planner.plan.MigrationPlan;
import org.kubenetmigrate.planner.planfile.PlanCodec;
import org.kubenetmigrate.planner.report.PlanMarkdownRenderer;
import org.kubenetmigrate.planner.report.PlanTextRenderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "plan", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Make a staged, reviewable migration plan for one cluster: target, pod CIDR, every step with"
                + " its exact ARM request, what can be undone, and where the point of no return is.",
        footer = {"", ExitCodes.HELP_TEXT, "",
            "Examples:",
            "  kubenet-migrate plan --from examples/fleet --cluster aks-payments-prod-weu",
            "  kubenet-migrate plan --cluster aks-payments-prod-weu      (reads the cluster live through ARM)",
            "  kubenet-migrate plan --from exports/ --cluster /subscriptions/.../managedClusters/aks1 \\",
            "      --dataplane cilium --avoid 192.168.0.0/16 -o json --out plan.json"})
final class PlanCommand implements Callable<Integer> {
    enum Format { text, markdown, json }

    @ParentCommand
    Main main;

    @Mixin
    InputOptions input;

    @Option(names = "--cluster", paramLabel = "NAME|ID", required = true,
            description = "The cluster to plan for: its name, or its ARM id when the name is not unique.")
    String cluster;

    @Mixin
    MigrationOptionsMixin migration;

    @Option(names = "--pod-cidr", paramLabel = "CIDR", converter = CidrConverter.class,
            description = "The Overlay pod CIDR to use. Checked by the same rules as the current one."
                    + " Default: keep the current one when valid and large enough, else a proposed one.")
    IpPrefix podCidr;

    @Option(names = "--assign-identity", paramLabel = "ID",
            description = "Resource id of a user-assigned managed identity the plan assigns to the cluster"
                    + " (detaching the kubenet route table needs one).")
    String assignIdentity;

    @Option(names = "--remove-ip-masq-config",
            description = "Let the plan back up (to the run directory) and delete custom ip-masq-agent ConfigMaps in"
                    + " kube-system, which block the Overlay migration.")
    boolean removeIpMasqConfig;

    @Mixin
    InClusterOptions inCluster;

    @Option(names = "--iac", paramLabel = "DIR",
            description = "A folder of the cluster's Terraform, Bicep or ARM code: the plan gets a manual last step"
                    + " with the diff that makes the code describe the migrated cluster (see 'iac'). Repeatable.")
    List<Path> iac = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "text|markdown|json", defaultValue = "text",
            description = "Output format (default: text). json follows docs/schema/plan-v1.schema.json and is what"
                    + " the executor will apply." + OutputFormats.ALIAS_NOTE)
    Format format;

    @Mixin
    OutOption out;

    @Override
    public Integer call() throws Exception {
        Fleet fleet = input.readFleetFor(cluster);
        MigrationPlan plan = new PlanCluster(main.clock).run(fleet, cluster, migration.toOptions(podCidr,
                assignIdentity).withRemoveIpMasqConfig(removeIpMasqConfig), inCluster.forPlan(main.env, main, input));
        if (!iac.isEmpty()) {
            plan = IacStep.addTo(plan, IacOptions.change(plan, new IacOptions().inputs(iac)));
        }
        String rendered = switch (format) {
            case json -> Json.pretty(PlanCodec.write(plan, main.clock.instant()));
            case markdown -> PlanMarkdownRenderer.render(plan);
            case text -> PlanTextRenderer.render(plan);
        };
        main.emit(rendered, out.file);
        return ExitCodes.OK;
    }
}
