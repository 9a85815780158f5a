package org.kubenetmigrate.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.concurrent.Callable;
import org.kubenetmigrate.planner.inventory.Snapshot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "inventory", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Read the fleet live from Azure and save it as a snapshot: the raw resources exactly as Azure"
                + " returned them, plus when, which cloud and scope, which queries, and what could not be read.",
            "'report --from' and 'plan --from' on the snapshot give the same answers as the live run.",
            "The fleet comes from Azure Resource Graph (which can lag by minutes); with --cluster, one cluster is read"
                    + " deeply and freshly through Azure Resource Manager instead."},
        footer = {"", ExitCodes.HELP_TEXT, "",
            "Examples:",
            "  kubenet-migrate inventory --out fleet-snapshot.json",
            "  kubenet-migrate inventory --management-group mg-platform --out fleet-snapshot.json",
            "  kubenet-migrate inventory --cluster /subscriptions/.../managedClusters/aks1 --out aks1-snapshot.json"})
final class InventoryCommand implements Callable<Integer> {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @ParentCommand
    Main main;

    @Mixin
    AzureOptions azure;

    @Option(names = "--cluster", paramLabel = "NAME|ID",
            description = "Read only this cluster, deeply through ARM (cluster with its ETag, agent pools, node VNets,"
                    + " route tables): what 'plan' reads.")
    String cluster;

    /** One format today; the option is here so that every command spells the output format alike. */
    enum Format { json }

    @Option(names = {"-o", "--output"}, paramLabel = "json", defaultValue = "json",
            description = "Output format: json (docs/schema/snapshot-v1.schema.json), the only one.")
    Format format;

    @Mixin
    OutOption out;

    @Override
    public Integer call() throws Exception {
        Snapshot snapshot = cluster == null
                ? LiveAzure.fleet(azure, main.clock, main.err(), main.ownStderr())
                : LiveAzure.cluster(cluster, azure, main.clock, main.err(), main.ownStderr());
        snapshot.metadata().subscriptionsFailed().forEach(f ->
                main.err().println("warning: subscription " + f.subscriptionId() + " could not be read: " + f.error()));
        if (!snapshot.metadata().unverified().isEmpty()) {
            main.err().println("note: " + snapshot.metadata().unverified().size()
                    + " read(s) failed; they are listed under metadata.unverified and become unverified checks");
        }
        snapshot.metadata().notes().forEach(n -> main.err().println("note: " + n));
        main.emit(MAPPER.writeValueAsString(snapshot.toJson()) + "\n", out.file);
        return ExitCodes.OK;
    }
}
