package org.kubenetmigrate.planner.rules;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.kubenetmigrate.planner.cidr.IpFamily;
import org.kubenetmigrate.planner.cidr.IpPrefix;
import org.kubenetmigrate.planner.model.AgentPool;
import org.kubenetmigrate.planner.model.ArmId;
import org.kubenetmigrate.planner.model.ManagedCluster;
import org.kubenetmigrate.planner.model.NodeNetwork;
import org.kubenetmigrate.planner.model.Subnet;
import org.kubenetmigrate.planner.sizing.PoolSizing;
import org.kubenetmigrate.planner.sizing.SubnetSize;
import org.kubenetmigrate.planner.text.AzCommand;

/**
 * The reimage adds every pool's surge nodes at once, each taking a node subnet address; too few free addresses fail
 * it with SubnetIsFull (https://learn.microsoft.com/azure/aks/upgrade-options,
 * https://learn.microsoft.com/azure/aks/upgrade-aks-node-pools-rolling). That the update surges like an upgrade is
 * UNCONFIRMED and assumed; Azure reserves 5 addresses per subnet
 * (https://learn.microsoft.com/azure/aks/concepts-network-azure-cni-overlay; an older page says 3): 5 is used. The
 * same holds for every reimage the plan runs: the network policy uninstall and re-install and the Cilium step too.
 */
public final class NodeSubnetSurgeRule implements Rule {

    @Override
    public String id() {
        return "node-subnet-surge";
    }

    @Override
    public String reference() {
        return Sources.UPGRADE_OPTIONS;
    }

    @Override
    public String description() {
        return "Each node subnet has a free address for every surge node of the pools on it, for each full reimage the plan runs.";
    }

    @Override
    public Set<Severity> severities() {
        return EnumSet.of(Severity.BLOCKER);
    }

    @Override
    public List<String> sources() {
        return List.of(Sources.UPGRADE_OPTIONS, Sources.ROLLING_UPGRADES, Sources.NODE_DISRUPTION_POLICY);
    }

    @Override
    public RuleOutcome evaluate(ClusterContext context) {
        ManagedCluster cluster = context.cluster();
        NodeNetwork network = context.network();
        Map<String, Integer> surgeByPool = new LinkedHashMap<>();
        for (PoolSizing pool : context.sizing().pools()) {
            surgeByPool.merge(pool.pool(), pool.surgeNodes(), Integer::sum);
        }
        Map<ArmId, List<AgentPool>> poolsBySubnet = new LinkedHashMap<>();
        RuleOutcome outcome = RuleOutcome.pass();
        if (network.managedVnet()) {
            if (network.nodeSubnets().size() == 1) {
                poolsBySubnet.put(network.nodeSubnets().keySet().iterator().next(), cluster.agentPools());
            } else if (network.nodeSubnets().size() > 1) {
                outcome = RuleOutcome.unverified(unverified("the AKS-managed virtual network has "
                        + network.nodeSubnets().size() + " subnets and the input does not say which holds the nodes",
                        Severity.BLOCKER));
            }
        } else {
            for (AgentPool pool : cluster.agentPools()) {
                if (pool.vnetSubnetId() != null && network.nodeSubnets().containsKey(pool.vnetSubnetId())) {
                    poolsBySubnet.computeIfAbsent(pool.vnetSubnetId(), k -> new ArrayList<>()).add(pool);
                }
            }
        }
        List<String> full = new ArrayList<>();
        List<String> fixes = new ArrayList<>();
        for (Map.Entry<ArmId, List<AgentPool>> entry : poolsBySubnet.entrySet()) {
            Subnet subnet = network.nodeSubnets().get(entry.getKey());
            // Loops, not streams: this runs for every cluster, and nearly every subnet has room.
            List<IpPrefix> v4 = new ArrayList<>(subnet.addressPrefixes().size());
            long usable = 0;
            for (IpPrefix prefix : subnet.addressPrefixes()) {
                if (prefix.family() == IpFamily.IPV4) {
                    v4.add(prefix);
                    usable += SubnetSize.usable(prefix.length());
                }
            }
            long free = Math.max(0, usable - subnet.usedAddresses());
            int surge = 0;
            for (AgentPool pool : entry.getValue()) {
                surge += surgeByPool.getOrDefault(pool.name(), 0);
            }
            if (free >= surge) {
                continue;
            }
            String perPool = entry.getValue().stream()
                    .map(p -> p.name() + " +" + surgeByPool.getOrDefault(p.name(), 0))
                    .collect(Collectors.joining(", "));
            full.add("node subnet " + subnet.name() + " (" + v4.stream().map(IpPrefix::toString)
                    .collect(Collectors.joining(", ")) + ": " + usable + " usable, " + subnet.usedAddresses()
                    + " in use) has " + free + " free addresses; the reimage surges " + surge + " nodes into it ("
                    + perPool + ")");
            for (AgentPool pool : entry.getValue()) {
                fixes.add(AzCommand.az("aks", "nodepool", "update").arg("-g", cluster.resourceGroup())
                        .arg("--cluster-name", cluster.name()).arg("-n", pool.name()).placeholder("--max-surge", "<n>")
                        .render());
            }
        }
        if (!full.isEmpty()) {
            outcome = outcome.plus(RuleOutcome.of(finding(Severity.BLOCKER,
                    String.join("; ", full) + "; the update would fail with SubnetIsFull, and so would each of the"
                            + " plan's " + Reimages.describe(context.cluster(), context.options()),
                    "Lower maxSurge so the pools on each subnet surge no more nodes than it has free addresses ("
                            + String.join("; ", fixes) + "), or free addresses in the subnet (unused NICs,"
                            + " internal load balancer frontends); Azure keeps 5 addresses of every subnet")));
        }
        if (!network.vnetKnown()) {
            outcome = outcome.plus(RuleOutcome.unverified(unverified(network.vnetGap().orElse(""), Severity.BLOCKER)));
        }
        return outcome;
    }
}
