package org.kubenetmigrate.executor.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.kubenetmigrate.planner.cidr.IpPrefix;
import org.kubenetmigrate.planner.commands.PlanCluster;
import org.kubenetmigrate.planner.input.FleetReader;
import org.kubenetmigrate.planner.model.Fleet;
import org.kubenetmigrate.planner.model.MigrationOptions;
import org.kubenetmigrate.planner.model.TargetIpam;
import org.kubenetmigrate.planner.plan.MigrationPlan;
import org.kubenetmigrate.planner.planfile.PlanCodec;
import org.kubenetmigrate.planner.report.OutputFiles;

/**
 * Plans and in-memory Azure for the bundled example fleet (examples/fleet, ARM shapes of subscription a001):
 * {@value #STG} (Calico, BYO route table with a 0.0.0.0/0 route to a firewall, private), {@value #PROD} (no policy
 * engine, BYO route table, two pools) and {@value #LEDGER} (system-assigned identity, AKS-managed VNet).
 */
public final class Scenario {
    public static final String STG = "aks-payments-stg-weu";
    public static final String PROD = "aks-payments-prod-weu";
    public static final String LEDGER = "aks-ledger-prod-weu";
    public static final String STG_ID = "/subscriptions/00000000-0000-0000-0000-00000000a001/resourcegroups/"
            + "rg-payments-stg/providers/Microsoft.ContainerService/managedClusters/aks-payments-stg-weu";
    public static final String STG_ROUTE_TABLE = "/subscriptions/00000000-0000-0000-0000-00000000a001/resourceGroups/"
            + "rg-payments-stg-network/providers/Microsoft.Network/routeTables/rt-aks-payments-stg-weu";
    public static final String IDENTITY = "/subscriptions/00000000-0000-0000-0000-00000000a001/resourceGroups/"
            + "rg-ledger-prod/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-aks-ledger";
    public static final Clock PLANNED_AT = Clock.fixed(Instant.parse("2026-12-01T09:00:00Z"), ZoneOffset.UTC);

    private Scenario() {
    }

    /** The repository's examples/fleet, found from the working directory of the test (a module directory). */
    public static Path fleet() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("examples/fleet");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("examples/fleet not found above " + Path.of("").toAbsolutePath());
    }

    private static final Map<String, String> PLANS = new ConcurrentHashMap<>();
    private static volatile List<JsonNode> subscriptionA001;

    /** Azure holding subscription a001 of the example fleet as it was exported. */
    public static InMemoryClusterOperations azure() {
        if (subscriptionA001 == null) {
            InMemoryClusterOperations loaded = new InMemoryClusterOperations().seed(fleet().resolve("sub-a001-payments/arm"));
            subscriptionA001 = loaded.snapshot();
        }
        return new InMemoryClusterOperations().seed(subscriptionA001);
    }

    /** Writes the plan for a cluster of the example fleet, as 'plan --format json --out' would. */
    public static Path plan(Path dir, String cluster, MigrationOptions options) {
        try {
            String json = PLANS.get(cluster + options);
            if (json == null) {
                Fleet fleet = new FleetReader().read(List.of(fleet()));
                MigrationPlan plan = new PlanCluster(PLANNED_AT).run(fleet, cluster, options);
                json = PlanCodec.write(plan, PLANNED_AT.instant()).toPrettyString() + "\n";
                PLANS.put(cluster + options, json);
            }
            Path file = dir.resolve(cluster + ".plan.json");
            OutputFiles.writeAtomically(file, json);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static Path plan(Path dir, String cluster) {
        return plan(dir, cluster, MigrationOptions.DEFAULTS);
    }

    public static MigrationOptions cilium() {
        return new MigrationOptions(TargetIpam.OVERLAY, true, null, List.of(), null);
    }

    public static MigrationOptions assignIdentity() {
        return new MigrationOptions(TargetIpam.OVERLAY, false, null, List.of(), IDENTITY);
    }

    public static MigrationOptions podCidr(String cidr) {
        return new MigrationOptions(TargetIpam.OVERLAY, false, IpPrefix.parse(cidr), List.of(), null);
    }
}
