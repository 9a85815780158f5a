package org.kubenetmigrate.planner.rules;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.kubenetmigrate.planner.cidr.IpFamily;
import org.kubenetmigrate.planner.cidr.IpPrefix;
import org.kubenetmigrate.planner.model.InputConflict;
import org.kubenetmigrate.planner.model.ManagedCluster;
import org.kubenetmigrate.planner.model.NetworkProfile;
import org.kubenetmigrate.planner.model.TargetIpam;
import org.kubenetmigrate.planner.text.AzCommand;

/**
 * The input contradicts itself about this cluster. {@code podCidr} and the IPv4 entry of {@code podCidrs} name
 * different ranges: the plan cannot tell which the cluster uses, and the pod CIDR goes into the update request, so
 * this blocks until the cluster is exported again. Two copies of a resource the verdict rests on differ: the cluster
 * was judged on both (the worse verdict stands) and the report names the files and fields.
 */
public final class InputConflictRule implements Rule {

    @Override
    public String id() {
        return "input-conflict";
    }

    @Override
    public String reference() {
        return Sources.MANAGED_CLUSTER_API;
    }

    @Override
    public String description() {
        return "The input contradicts itself: podCidr and podCidrs name different ranges, or two copies of a resource"
                + " the verdict rests on differ.";
    }

    @Override
    public Set<Severity> severities() {
        return EnumSet.of(Severity.BLOCKER, Severity.WARNING);
    }

    @Override
    public Set<TargetIpam> targets() {
        return EnumSet.allOf(TargetIpam.class);
    }

    @Override
    public RuleOutcome evaluate(ClusterContext context) {
        ManagedCluster cluster = context.cluster();
        List<Finding> findings = new ArrayList<>();
        podCidrDisagreement(cluster.network()).ifPresent(ipv4 -> findings.add(finding(Severity.BLOCKER,
                "networkProfile.podCidr " + cluster.network().podCidr() + " and podCidrs " + ipv4 + " disagree (read"
                        + " from " + cluster.source().describe() + "); the plan cannot tell which pod CIDR the cluster"
                        + " uses, and the update request carries it",
                "Read the cluster again (" + AzCommand.aks("show", cluster.resourceGroup(), cluster.name())
                        .arg("-o", "json") + ") and replace the export; in Azure's own response the two fields agree")));
        for (InputConflict conflict : context.conflicts()) {
            findings.add(finding(Severity.WARNING, conflict.describe() + "; the cluster was judged on both copies and"
                            + " the worse verdict stands",
                    "Keep one current export of each resource: read it again (az aks show, az network vnet show,"
                            + " az network route-table show) and remove the older copy from the input"));
        }
        return findings.isEmpty() ? RuleOutcome.pass() : new RuleOutcome(findings, List.of());
    }

    /** The IPv4 entry of podCidrs when podCidr is set and differs from it. */
    static Optional<IpPrefix> podCidrDisagreement(NetworkProfile network) {
        if (network.podCidr() == null) {
            return Optional.empty();
        }
        return network.podCidrs().stream().filter(p -> p.family() == IpFamily.IPV4)
                .filter(p -> !p.equals(network.podCidr())).findFirst();
    }
}
