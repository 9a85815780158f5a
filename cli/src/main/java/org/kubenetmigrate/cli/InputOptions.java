package org.kubenetmigrate.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.kubenetmigrate.planner.input.FleetInput;
import org.kubenetmigrate.planner.input.FleetReader;
import org.kubenetmigrate.planner.input.InputException;
import org.kubenetmigrate.planner.inventory.InventoryException;
import org.kubenetmigrate.planner.model.Fleet;
import org.kubenetmigrate.planner.model.InputMetadata;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Where the fleet comes from: files given with --from, else a live read of Azure. */
final class InputOptions {
    @Option(names = "--from", paramLabel = "PATH",
            description = "Azure JSON to read: a file or a folder (read recursively for *.json). Repeatable."
                    + " Accepts ARM REST bodies, az -o json output, Resource Graph results and snapshots written by"
                    + " 'inventory', in any mix. Without --from, Azure is read live (see the sign-in and scope options).")
    List<Path> from = new ArrayList<>();

    @Mixin
    AzureOptions azure;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /** The fleet with where it came from and how old it is, for the report. */
    FleetInput readInput() throws CliException, InputException, InventoryException {
        if (!from.isEmpty()) {
            refuseLiveOptions();
            return new FleetReader().readInput(from);
        }
        Fleet fleet = readFleet();
        Instant readAt = main().clock.instant();
        List<String> missing = fleet.clusters().isEmpty() ? List.of("no managed cluster found live in "
                + scopeText() + ": check the scope (--subscription, --management-group) and that the identity can"
                + " read it (Reader)") : List.of();
        return new FleetInput(fleet, new InputMetadata(List.of("live Azure (Resource Graph)"), 0, readAt, readAt,
                "read live", List.of("Resource Graph can lag recent changes by minutes; plan and apply re-read the"
                        + " cluster through Azure Resource Manager"), missing));
    }

    private String scopeText() {
        if (azure.managementGroup != null) {
            return "management group " + azure.managementGroup;
        }
        return azure.subscriptions.isEmpty() ? "every subscription the identity can see"
                : "subscription(s) " + String.join(", ", azure.subscriptions);
    }

    /** The whole fleet: from the files, or a live Resource Graph inventory. */
    Fleet readFleet() throws CliException, InputException, InventoryException {
        if (!from.isEmpty()) {
            return readFiles();
        }
        Main main = main();
        return LiveAzure.toFleet(LiveAzure.fleet(azure, main.clock, main.err(), main.ownStderr()), main.err());
    }

    /** What one cluster's plan needs: from the files, or a fresh deep read of that cluster through ARM. */
    Fleet readFleetFor(String cluster) throws CliException, InputException, InventoryException {
        if (!from.isEmpty()) {
            return readFiles();
        }
        Main main = main();
        return LiveAzure.toFleet(LiveAzure.cluster(cluster, azure, main.clock, main.err(), main.ownStderr()), main.err());
    }

    /** True when the fleet comes from Azure rather than from files. */
    boolean readsLive() {
        return from.isEmpty();
    }

    private Fleet readFiles() throws CliException, InputException {
        refuseLiveOptions();
        return new FleetReader().read(from);
    }

    private void refuseLiveOptions() throws CliException {
        if (azure.given()) {
            throw new CliException.BadInput("--from reads files; the Azure sign-in and scope options"
                    + " (--subscription, --cloud, ...) apply only to a live read without --from");
        }
    }

    private Main main() {
        CommandSpec spec = command;
        while (spec.parent() != null) {
            spec = spec.parent();
        }
        return (Main) spec.userObject();
    }
}
