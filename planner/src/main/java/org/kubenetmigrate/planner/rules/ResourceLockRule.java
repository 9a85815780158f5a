package org.kubenetmigrate.planner.rules;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.kubenetmigrate.planner.model.ArmId;
import org.kubenetmigrate.planner.model.ManagedCluster;
import org.kubenetmigrate.planner.model.NodeNetwork;
import org.kubenetmigrate.planner.model.ResourceLock;
import org.kubenetmigrate.planner.model.RouteTable;
import org.kubenetmigrate.planner.model.SurroundingType;
import org.kubenetmigrate.planner.model.Surroundings;
import org.kubenetmigrate.planner.text.AzCommand;

/**
 * A management lock where the update must write or delete: the node resource group (AKS deletes the managed route
 * table there and reimages every node; its pre-upgrade validation checks locks on that group), a bring-your-own route
 * table (AKS deletes its pod routes) and the node subnets' virtual network. Locks inherit from the subscription and
 * resource group above. Whether a CanNotDelete lock on a BYO route table or on the virtual network stops the update
 * is not documented; it is treated like the others (the conservative side).
 */
public final class ResourceLockRule implements Rule {

    @Override
    public String id() {
        return "resource-lock";
    }

    @Override
    public String reference() {
        return Sources.UPGRADE_OPTIONS;
    }

    @Override
    public String description() {
        return "Management locks on the node resource group, a bring-your-own route table or the node subnets'"
                + " virtual network (or inherited from their resource group or subscription) stop the update.";
    }

    @Override
    public Set<Severity> severities() {
        return EnumSet.of(Severity.BLOCKER);
    }

    @Override
    public RuleOutcome evaluate(ClusterContext context) {
        ManagedCluster cluster = context.cluster();
        NodeNetwork network = context.network();
        Surroundings around = context.fleet().surroundings();
        // What the update writes to, and why, in the order a reader checks them.
        Map<ArmId, String> targets = new LinkedHashMap<>();
        ArmId nodeResourceGroup = null;
        if (cluster.nodeResourceGroup() != null && !cluster.subscriptionId().isBlank()) {
            nodeResourceGroup = ArmId.of("/subscriptions/" + cluster.subscriptionId() + "/resourceGroups/"
                    + cluster.nodeResourceGroup());
            targets.put(nodeResourceGroup, "the node resource group (its route table is deleted, every node"
                    + " is reimaged)");
        }
        for (RouteTable table : network.routeTables()) {
            if (!inNodeResourceGroup(table.id(), cluster)) {
                targets.put(table.id(), "route table " + table.name() + " (its pod routes are deleted)");
            }
        }
        if (!network.managedVnet()) {
            network.virtualNetworks().forEach(v -> targets.put(v.id(), "virtual network " + v.name()
                    + " of the node subnets"));
        }
        Map<ResourceLock, List<String>> found = new LinkedHashMap<>();
        List<Unverified> unknown = new ArrayList<>();
        Set<String> unknownSubscriptions = new LinkedHashSet<>();
        // The targets nearly always share one subscription (as spelled): whether its locks are known is asked once.
        String knownSubscription = null;
        for (Map.Entry<ArmId, String> target : targets.entrySet()) {
            // The node resource group's id was written above from the cluster's subscription: no need to parse it back
            // (a subscription holding a '/' would not read back as written, so that one is parsed).
            String subscription = target.getKey() == nodeResourceGroup && cluster.subscriptionId().indexOf('/') < 0
                    ? cluster.subscriptionId() : target.getKey().subscriptionId();
            Optional<String> missing = subscription.equals(knownSubscription) ? Optional.empty()
                    : around.missing(SurroundingType.LOCKS, subscription);
            if (missing.isEmpty()) {
                knownSubscription = subscription;
            }
            if (missing.isPresent()) {
                if (unknownSubscriptions.add(subscription.toLowerCase(java.util.Locale.ROOT))) {
                    unknown.add(unverified("locks on " + target.getValue() + " are unknown: " + missing.get(),
                            Severity.BLOCKER, around.ifNotInInput(SurroundingType.LOCKS, subscription)));
                }
                continue;
            }
            for (ResourceLock lock : context.fleet().locksIn(subscription)) {
                if (lock.covers(target.getKey()) || lock.within(target.getKey())) {
                    found.computeIfAbsent(lock, l -> new ArrayList<>()).add(target.getValue());
                }
            }
        }
        if (!network.routeTablesKnown()) {
            unknown.add(unverified("locks on the node subnets' route table cannot be checked: "
                    + network.routeTableGap().orElse(""), Severity.BLOCKER));
        }
        RuleOutcome outcome = new RuleOutcome(List.of(), unknown);
        if (found.isEmpty()) {
            return outcome;
        }
        List<String> described = new ArrayList<>();
        found.forEach((lock, where) -> described.add(lock.level() + " lock " + lock.name() + " on "
                + lock.scope().value() + " applies to " + String.join(" and ", where)));
        String deletes = String.join("; ", found.keySet().stream().map(l -> AzCommand.az("lock", "delete").arg("--ids", l.id().value()).render())
                .toList());
        return outcome.plus(RuleOutcome.of(finding(Severity.BLOCKER, String.join("; ", described)
                        + "; the update deletes or rewrites resources there and a lock refuses it",
                "Remove the lock(s) for the migration and put them back afterwards (" + deletes + "); locks on a"
                        + " subscription or resource group apply to everything in it. Route table deletion: "
                        + Sources.UPDATE_AZURE_CNI)));
    }

    private static boolean inNodeResourceGroup(ArmId id, ManagedCluster cluster) {
        return cluster.nodeResourceGroup() != null && id.subscriptionId().equalsIgnoreCase(cluster.subscriptionId())
                && id.resourceGroup().equalsIgnoreCase(cluster.nodeResourceGroup());
    }
}
