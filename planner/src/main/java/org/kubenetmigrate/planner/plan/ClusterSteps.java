package org.kubenetmigrate.planner.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.kubenetmigrate.planner.assessment.ClusterAssessment;
import org.kubenetmigrate.planner.model.ArmId;
import org.kubenetmigrate.planner.model.ManagedCluster;
import org.kubenetmigrate.planner.model.RouteTable;
import org.kubenetmigrate.planner.model.Subnet;
import org.kubenetmigrate.planner.text.AzCommand;

/** What overlay and pod-subnet plans share: the cluster's requests and commands, precheck and backup. */
final class ClusterSteps {
    private final ManagedCluster cluster;

    ClusterSteps(ManagedCluster cluster) {
        this.cluster = cluster;
    }

    String clusterName() {
        return cluster.name();
    }

    String clusterResourceGroup() {
        return cluster.resourceGroup();
    }

    String path() {
        return cluster.id().value();
    }

    /** {@code az aks <verb> -g RG -n NAME}. */
    AzCommand aks(String verb) {
        return AzCommand.az("aks", verb).arg("-g", cluster.resourceGroup()).arg("-n", cluster.name());
    }

    /** {@code az aks update -g RG -n NAME}, for the flags of one change. */
    AzCommand aksUpdate() {
        return aks("update");
    }

    /** {@code az aks nodepool list -g RG --cluster-name NAME}. */
    AzCommand nodepoolList() {
        return AzCommand.az("aks", "nodepool", "list").arg("-g", cluster.resourceGroup())
                .arg("--cluster-name", cluster.name());
    }

    ArmRequest get() {
        return ArmRequest.get(path(), ApiVersions.AKS);
    }

    /**
     * An update of the cluster. Its If-Match is the ETag of the executor's own read just before the write: the
     * cluster's ETag changes with every write (the autoscaler's included), so a planned ETag would refuse plans for
     * changes nobody made. Whether the plan is stale is decided on the properties it depends on (the fingerprint).
     */
    ArmRequest update(Map<String, Object> changes) {
        return ArmRequest.mergeIntoCurrent(path(), ApiVersions.AKS, ArmRequest.ETAG_OF_READ, changes);
    }

    Step precheck(Fingerprint fingerprint, String rulesFor) {
        return Step.builder(StepId.PRECHECK, "Re-read the cluster and re-check readiness")
                .description("Read the cluster and compare it with the plan's fingerprint (a hash of the "
                        + fingerprint.properties().size() + " properties the plan depends on); stop with \"plan is"
                        + " stale, re-plan\" when one of them moved since planning. Stop when provisioningState is not"
                        + " Succeeded (another operation is running) or the cluster is stopped. Re-run the readiness"
                        + " rules on the live state " + rulesFor + ", the in-cluster ones (ip-masq-agent"
                        + " configuration first) included; any BLOCKER, or a blocking check that could not run,"
                        + " stops the run before anything changes.")
                .request(get())
                .azCli(aks("show").arg("-o", "json"))
                .build();
    }

    Step backup(ClusterAssessment assessment) {
        List<String> reads = new ArrayList<>();
        reads.add("GET " + path() + " (cluster)");
        reads.add("GET " + path() + "/agentPools (agent pools)");
        List<String> commands = new ArrayList<>();
        commands.add(aks("show").arg("-o", "json").into("cluster.json").render());
        commands.add(nodepoolList().arg("-o", "json").into("agentpools.json").render());
        List<ArmId> tables = routeTableIds(assessment);
        for (ArmId table : tables) {
            reads.add("GET " + table + " (route table, api-version " + ApiVersions.NETWORK + ")");
            commands.add(AzCommand.az("network", "route-table", "show").arg("--ids", table.value()).arg("-o", "json")
                    .into("route-table-" + safeFileName(table.name()) + ".json").render());
        }
        String tableNote = "";
        if (assessment.network().managedVnet() && tables.isEmpty() && cluster.nodeResourceGroup() != null) {
            reads.add("the route tables in node resource group " + cluster.nodeResourceGroup());
            commands.add(AzCommand.az("network", "route-table", "list").arg("-g", cluster.nodeResourceGroup())
                    .arg("-o", "json").into("route-tables.json").render());
        } else if (tables.isEmpty()) {
            tableNote = " No route table of the node subnets is known from the input; save any the executor finds.";
        }
        return Step.builder(StepId.BACKUP, "Save the cluster, its node pools and route tables")
                .description("Save to the run directory before anything changes: " + String.join("; ", reads) + "."
                        + " The route table copy is the record of routes that are not AKS's (e.g. 0.0.0.0/0 to a"
                        + " firewall), which must still be there afterwards." + tableNote)
                .request(get())
                .azCli(String.join(" && ", commands))
                .build();
    }

    /** Route tables associated with the node subnets, known or not, in a stable order. */
    static List<ArmId> routeTableIds(ClusterAssessment assessment) {
        List<ArmId> ids = new ArrayList<>();
        assessment.network().routeTables().stream().map(RouteTable::id).forEach(ids::add);
        assessment.network().nodeSubnets().values().stream()
                .map(Subnet::routeTableId)
                .filter(id -> id != null && !ids.contains(id))
                .sorted((a, b) -> a.key().compareTo(b.key()))
                .forEach(ids::add);
        return ids;
    }

    private static String safeFileName(String name) {
        return name.replaceAll("[^A-Za-z0-9_.-]", "_");
    }
}
