package org.kubenetmigrate.executor.steps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.kubenetmigrate.executor.azure.ObservedAgentPool;
import org.kubenetmigrate.executor.azure.ObservedCluster;
import org.kubenetmigrate.executor.engine.BackupFiles;
import org.kubenetmigrate.executor.engine.BackupManifest;
import org.kubenetmigrate.executor.engine.Freshness;
import org.kubenetmigrate.executor.engine.LiveModel;
import org.kubenetmigrate.executor.engine.MigrationStep;
import org.kubenetmigrate.executor.engine.Redaction;
import org.kubenetmigrate.executor.engine.StepContext;
import org.kubenetmigrate.executor.engine.StepStop;
import org.kubenetmigrate.planner.cidr.IpPrefix;
import org.kubenetmigrate.planner.model.ManagedCluster;
import org.kubenetmigrate.planner.model.Route;
import org.kubenetmigrate.planner.model.RouteTable;
import org.kubenetmigrate.planner.plan.StepId;
import org.kubenetmigrate.planner.report.OutputFiles;

/**
 * {@code backup}: saves the cluster, its agent pools and the route tables of its node subnets into the run
 * directory, each file written atomically and secret-looking values redacted, then the manifest last. The
 * manifest's presence is what makes the step done, so a crash mid-backup simply takes it again — while nothing
 * has changed the cluster yet, which is checked.
 */
final class Backup implements MigrationStep {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Override
    public String id() {
        return StepId.BACKUP.id();
    }

    @Override
    public boolean isAlreadyDone(StepContext ctx) {
        return ctx.backup().isPresent();
    }

    @Override
    public void apply(StepContext ctx) throws StepStop {
        ObservedCluster live = ctx.readClusterWhenIdle();
        // A backup is only worth having of the cluster the plan was made from.
        Freshness.checkAgainstPlan(ctx.plan(), live);
        List<ObservedAgentPool> pools = ctx.readAgentPools();
        ManagedCluster cluster = LiveModel.cluster(live);
        LiveModel.LiveNetwork network = LiveModel.network(ctx::read, cluster);
        Path dir = ctx.backupDir();
        List<BackupManifest.RouteTableCopy> tables = new ArrayList<>();
        try {
            write(dir.resolve(BackupFiles.CLUSTER), live.json());
            ObjectNode poolList = MAPPER.createObjectNode();
            ArrayNode value = poolList.putArray("value");
            pools.forEach(p -> value.add(p.json()));
            write(dir.resolve(BackupFiles.AGENT_POOLS), poolList);
            IpPrefix podCidr = cluster.network().podCidr();
            for (int i = 0; i < network.fleet().routeTables().size(); i++) {
                RouteTable table = network.fleet().routeTables().get(i);
                String file = BackupFiles.ROUTE_TABLES + "/" + table.name().replaceAll("[^A-Za-z0-9_.-]", "_") + ".json";
                write(dir.resolve(file), network.routeTableJson().get(i));
                boolean managed = cluster.nodeResourceGroup() != null
                        && cluster.nodeResourceGroup().equalsIgnoreCase(table.resourceGroup());
                Route defaultRoute = table.routes().stream().filter(Route::isDefaultRoute).findFirst().orElse(null);
                int kubenet = (int) table.routes().stream()
                        .filter(r -> r.prefix() != null && podCidr != null && podCidr.contains(r.prefix()))
                        .count();
                tables.add(new BackupManifest.RouteTableCopy(table.id().value(), table.name(), file, managed,
                        defaultRoute == null ? null : new BackupManifest.Route(defaultRoute.name(),
                                defaultRoute.addressPrefix(), defaultRoute.nextHopType(), defaultRoute.nextHopIpAddress()),
                        kubenet));
            }
            new BackupManifest(ctx.now().toString(), live.etag() == null ? null : live.etag().wire(), podCidr == null ? null : podCidr.toString(),
                    cluster.nodeResourceGroup(), BackupFiles.CLUSTER, BackupFiles.AGENT_POOLS, tables).write(dir);
        } catch (IOException e) {
            throw StepStop.failed("cannot write the backup to " + dir + ": " + e.getMessage(),
                    "Free space or fix permissions, then resume.");
        }
        ctx.summary("saved the cluster, " + pools.size() + " agent pool(s) and " + tables.size() + " route table(s) to "
                + dir);
    }

    @Override
    public void verify(StepContext ctx) throws StepStop {
        BackupManifest manifest = ctx.backup().orElseThrow(() -> StepStop.failed("the backup manifest is missing"));
        List<String> files = new ArrayList<>(List.of(manifest.clusterFile(), manifest.agentPoolsFile()));
        manifest.routeTables().forEach(t -> files.add(t.file()));
        for (String file : files) {
            if (!Files.isRegularFile(ctx.backupDir().resolve(file))) {
                throw StepStop.failed("backup file " + ctx.backupDir().resolve(file) + " is missing");
            }
        }
    }

    private static void write(Path file, JsonNode json) throws IOException {
        OutputFiles.writeAtomically(file, MAPPER.writeValueAsString(Redaction.redact(json)) + "\n");
    }
}
