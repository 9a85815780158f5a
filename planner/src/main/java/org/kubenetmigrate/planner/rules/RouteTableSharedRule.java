package org.kubenetmigrate.planner.rules;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.kubenetmigrate.planner.model.ArmId;
import org.kubenetmigrate.planner.model.NodeNetwork;
import org.kubenetmigrate.planner.model.RouteTable;
import org.kubenetmigrate.planner.text.AzCommand;

/**
 * The update deletes or empties the node subnet's route table; a migration failed where that table was also
 * associated with the App Gateway (AGIC) subnet (https://github.com/MicrosoftDocs/azure-aks-docs/issues/334). Exact
 * RP error unpublished.
 */
public final class RouteTableSharedRule implements Rule {

    @Override
    public String id() {
        return "route-table-shared";
    }

    @Override
    public String reference() {
        return Sources.ROUTE_TABLE_SHARED_ISSUE;
    }

    @Override
    public String description() {
        return "The node subnets' route table is associated with no other subnet (the update deletes or empties it).";
    }

    @Override
    public Set<Severity> severities() {
        return EnumSet.of(Severity.BLOCKER);
    }

    @Override
    public List<String> sources() {
        return List.of(Sources.ROUTE_TABLE_SHARED_ISSUE, Sources.UPDATE_AZURE_CNI);
    }

    @Override
    public RuleOutcome evaluate(ClusterContext context) {
        NodeNetwork network = context.network();
        Set<ArmId> nodeSubnets = network.nodeSubnets().keySet();
        List<String> shared = new ArrayList<>();
        List<String> commands = new ArrayList<>();
        for (RouteTable table : network.routeTables()) {
            List<ArmId> others = table.subnetIds().stream().filter(s -> !nodeSubnets.contains(s)).toList();
            if (others.isEmpty()) {
                continue;
            }
            shared.add("route table " + table.name() + " is also associated with "
                    + String.join(", ", others.stream().map(RouteTableSharedRule::describe).toList())
                    + (others.size() == 1 ? ", which is not a node subnet" : ", which are not node subnets")
                    + " of this cluster");
            for (ArmId subnet : others) {
                AzCommand update = AzCommand.az("network", "vnet", "subnet", "update").arg("-g", subnet.resourceGroup());
                AzCommand inVnet = subnet.parentVirtualNetwork().map(ArmId::name).map(v -> update.arg("--vnet-name", v))
                        .orElse(update.placeholder("--vnet-name", "<vnet>"));
                commands.add(inVnet.arg("-n", subnet.name()).placeholder("--route-table", "<new-route-table-id>")
                        .render());
            }
        }
        RuleOutcome outcome = RuleOutcome.pass();
        if (!shared.isEmpty()) {
            outcome = RuleOutcome.of(finding(Severity.BLOCKER,
                    String.join("; ", shared) + "; the update removes"
                            + " the route table's pod routes (or deletes an AKS-managed table), and a migration with"
                            + " such a shared route table has failed",
                    "Before the update, give each other subnet its own route table holding the routes it needs"
                            + " (az network route-table create -g <rg> -n <name>; copy any non-pod routes with az"
                            + " network route-table route create), then: " + String.join("; ", commands)));
        }
        if (!network.routeTablesKnown()) {
            outcome = outcome.plus(RuleOutcome.unverified(unverified(network.routeTableGap().orElse(""),
                    Severity.BLOCKER)));
        }
        return outcome;
    }

    private static String describe(ArmId subnet) {
        return "subnet " + subnet.name() + " of " + subnet.parentVirtualNetwork().map(ArmId::name).orElse("?");
    }
}
