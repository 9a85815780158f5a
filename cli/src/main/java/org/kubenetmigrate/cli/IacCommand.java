package org.kubenetmigrate.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.kubenetmigrate.planner.cidr.IpPrefix;
import org.kubenetmigrate.planner.commands.PlanCluster;
import org.kubenetmigrate.planner.iac.IacChange;
import org.kubenetmigrate.planner.iac.IacFinding;
import org.kubenetmigrate.planner.iac.IacInput;
import org.kubenetmigrate.planner.iac.IacMatch;
import org.kubenetmigrate.planner.inventory.InClusterSource;
import org.kubenetmigrate.planner.model.Fleet;
import org.kubenetmigrate.planner.model.TargetIpam;
import org.kubenetmigrate.planner.plan.MigrationPlan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "iac", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Print the change to the cluster's Terraform, Bicep or ARM code that makes it describe the"
                + " cluster as the planned migration leaves it, as a unified diff (git apply / patch -p1 from the"
                + " parent of the folder given), plus what the diff cannot settle (on stderr with -o diff).",
            "The values (pod CIDR, network policy, data plane) are the plan's: the same as 'plan' with the same"
                + " options."},
        footer = {"", ExitCodes.HELP_TEXT, "",
            "Examples:",
            "  kubenet-migrate iac --from examples/fleet --cluster aks-payments-prod-weu \\",
            "      --terraform examples/iac/terraform-plain > overlay.patch",
            "  (cd examples/iac && git apply --check ../../overlay.patch)",
            "  kubenet-migrate iac --from exports/ --cluster aks1 --bicep infra/main.bicep --dataplane cilium -o json"})
final class IacCommand implements Callable<Integer> {
    enum Output { diff, json }

    @ParentCommand
    Main main;

    @Mixin
    InputOptions input;

    @Option(names = "--cluster", paramLabel = "NAME|ID", required = true,
            description = "The cluster: its name, or its ARM id when the name is not unique.")
    String cluster;

    @Mixin
    IacOptions code;

    @Mixin
    MigrationOptionsMixin migration;

    @Option(names = "--pod-cidr", paramLabel = "CIDR", converter = CidrConverter.class,
            description = "The Overlay pod CIDR, as for 'plan'. Default: the plan's choice.")
    IpPrefix podCidr;

    @Option(names = {"-o", "--output"}, paramLabel = "diff|json", defaultValue = "diff",
            description = "diff (default): the unified diff on stdout, findings on stderr. json: matches, findings"
                    + " and the diff in one document.")
    Output output;

    @Override
    public Integer call() throws Exception {
        if (!code.given()) {
            throw new CliException.BadInput("give the code to patch with --terraform DIR, --bicep PATH"
                    + " or --arm PATH");
        }
        if (migration.target != TargetIpam.OVERLAY) {
            throw new CliException.BadInput("--target " + migration.target.label() + ": the code can"
                    + " be patched for the in-place Overlay migration only (a Pod Subnet target is a new cluster)");
        }
        List<IacInput> inputs = code.inputs(List.of());
        Fleet fleet = input.readFleetFor(cluster);
        MigrationPlan plan = new PlanCluster(main.clock).run(fleet, cluster, migration.toOptions(podCidr, null),
                InClusterSource.NOT_REQUESTED);
        IacChange change = IacOptions.change(plan, inputs);
        if (output == Output.json) {
            main.emit(Json.pretty(json(change)), (Path) null);
        } else {
            main.emit(change.diff(), (Path) null);
            for (IacMatch m : change.matches()) {
                main.err().println("found: " + m.address() + " (" + m.file() + ":" + m.line() + "; " + m.evidence()
                        + ")");
            }
            for (IacFinding f : change.findings()) {
                main.err().println("finding: " + f);
            }
            if (change.diff().isEmpty()) {
                main.err().println("no change: the code already describes the cluster as the plan leaves it");
            } else {
                main.err().println("next: " + change.afterChange());
            }
        }
        return ExitCodes.OK;
    }

    static ObjectNode json(IacChange change) {
        ObjectNode root = new ObjectMapper().createObjectNode();
        root.put("kind", "iac-change");
        ObjectNode target = root.putObject("target");
        target.put("cluster", change.target().clusterName());
        target.put("networkPlugin", "azure");
        target.put("networkPluginMode", "overlay");
        target.put("podCidr", change.target().podCidr());
        target.put("networkPolicy", change.target().networkPolicy() == null ? "none" : change.target().networkPolicy());
        target.put("dataplane", change.target().cilium() ? "cilium" : "azure");
        ArrayNode matches = root.putArray("matches");
        for (IacMatch m : change.matches()) {
            ObjectNode n = matches.addObject();
            n.put("format", m.format());
            n.put("file", m.file());
            n.put("line", m.line());
            n.put("address", m.address());
            n.put("evidence", m.evidence());
        }
        ArrayNode files = root.putArray("changedFiles");
        change.changedFiles().forEach(files::add);
        ArrayNode findings = root.putArray("findings");
        for (IacFinding f : change.findings()) {
            ObjectNode n = findings.addObject();
            n.put("file", f.file());
            n.put("line", f.line());
            n.put("message", f.message());
        }
        root.put("diff", change.diff());
        root.put("afterChange", change.afterChange());
        return root;
    }
}
