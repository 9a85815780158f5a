package org.kubenetmigrate.planner.rules;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.kubenetmigrate.planner.model.ManagedCluster;
import org.kubenetmigrate.planner.model.NodeNetwork;
import org.kubenetmigrate.planner.model.Route;
import org.kubenetmigrate.planner.model.RouteTable;
import org.kubenetmigrate.planner.text.AzCommand;

/**
 * The update removes pod routes from a BYO route table but the egress default route must stay
 * (https://learn.microsoft.com/azure/aks/update-azure-cni). The same page also says the route table "needs to be
 * detached", so what happens to a BYO UDR route table is UNCONFIRMED: a WARNING, and the planner never detaches such a
 * table itself.
 */
public final class RouteTableEgressRule implements Rule {
    static final String UDR = "userDefinedRouting";

    @Override
    public String id() {
        return "route-table-egress";
    }

    @Override
    public String reference() {
        return Sources.UPDATE_AZURE_CNI;
    }

    @Override
    public String description() {
        return "A BYO route table that also carries the 0.0.0.0/0 egress route, whose fate under the update is not documented.";
    }

    @Override
    public Set<Severity> severities() {
        return EnumSet.of(Severity.WARNING);
    }

    @Override
    public RuleOutcome evaluate(ClusterContext context) {
        ManagedCluster cluster = context.cluster();
        NodeNetwork network = context.network();
        List<String> found = new ArrayList<>();
        List<RouteTable> withDefault = new ArrayList<>();
        if (UDR.equalsIgnoreCase(cluster.network().outboundType())) {
            found.add("outboundType is " + UDR);
        }
        for (RouteTable table : network.routeTables()) {
            for (Route route : table.routes()) {
                if (route.isDefaultRoute()) {
                    found.add("route table " + table.name() + " carries default route " + route.name() + " "
                            + route.addressPrefix() + " to " + route.nextHopType()
                            + (route.nextHopIpAddress() == null ? "" : " " + route.nextHopIpAddress()));
                    if (!withDefault.contains(table)) {
                        withDefault.add(table);
                    }
                }
            }
        }
        RuleOutcome outcome = RuleOutcome.pass();
        if (!found.isEmpty()) {
            List<RouteTable> snapshot = withDefault.isEmpty() ? network.routeTables() : withDefault;
            List<String> commands = snapshot.stream().map(t -> AzCommand.az("network", "route-table", "show")
                    .arg("-g", t.resourceGroup()).arg("-n", t.name()).arg("-o", "json").into(t.name() + "-before.json")
                    .render()).toList();
            outcome = RuleOutcome.of(finding(Severity.WARNING,
                    String.join("; ", found) + ": the update removes the pod routes but node egress depends on the"
                            + " default route staying. What the update does to a customer route table that carries"
                            + " UDR egress is UNCONFIRMED (" + Sources.UPDATE_AZURE_CNI + " says both that the route table needs to be detached"
                            + " and that only pod routes are deleted)",
                    "Snapshot the route table before the update ("
                            + (commands.isEmpty() ? AzCommand.az("network", "route-table", "show").placeholder("-g", "<rg>")
                                    .placeholder("-n", "<route-table>").arg("-o", "json").render()
                                    : String.join("; ", commands))
                            + "); after it, check that the 0.0.0.0/0 route is still there and the table still"
                            + " associated with the node subnet. Do not detach the route table yourself; pod egress"
                            + " is SNAT'd to the node address under Overlay as under kubenet, so firewall rules"
                            + " keyed on the node subnet stay valid"));
        }
        if (!network.routeTablesKnown()) {
            outcome = outcome.plus(RuleOutcome.unverified(unverified(network.routeTableGap().orElse(""),
                    Severity.WARNING)));
        }
        return outcome;
    }
}
