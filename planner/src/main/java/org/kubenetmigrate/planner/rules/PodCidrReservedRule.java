package org.kubenetmigrate.planner.rules;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.kubenetmigrate.planner.cidr.IpPrefix;
import org.kubenetmigrate.planner.model.ManagedCluster;
import org.kubenetmigrate.planner.sizing.AzureLimits;
import org.kubenetmigrate.planner.sizing.PodCidrProblem;
import org.kubenetmigrate.planner.sizing.PodCidrSizing;
import org.kubenetmigrate.planner.text.AzCommand;

/**
 * AKS rejects pod CIDRs overlapping its reserved ranges on create and update
 * (https://learn.microsoft.com/azure/aks/concepts-network-cni-overview; the pod CIDR on update since the release of
 * 2026-05-29). Existing clusters are unaffected, and whether the RP rejects a migration that keeps such a pod CIDR is
 * UNCONFIRMED, so the conservative side is taken: an ACTION to move it; a BLOCKER when there is nowhere to go.
 */
public final class PodCidrReservedRule implements Rule {
    /** The reserved ranges as remediations name them; written once, not for every cluster judged. */
    private static final String RESERVED_RANGES = AzureLimits.RESERVED_RANGES.stream().map(IpPrefix::toString)
            .collect(Collectors.joining(", "));

    @Override
    public String id() {
        return "pod-cidr-reserved";
    }

    @Override
    public String reference() {
        return Sources.CNI_OVERVIEW;
    }

    @Override
    public String description() {
        return "The pod CIDR overlaps none of the ranges AKS reserves (169.254.0.0/16, 172.30.0.0/16, 172.31.0.0/16, 192.0.2.0/24).";
    }

    @Override
    public Set<Severity> severities() {
        return EnumSet.of(Severity.BLOCKER, Severity.ACTION);
    }

    @Override
    public List<String> sources() {
        return List.of(Sources.CNI_OVERVIEW, Sources.release("2026-05-29"));
    }

    @Override
    public RuleOutcome evaluate(ClusterContext context) {
        PodCidrSizing pod = context.sizing().podCidr();
        ManagedCluster cluster = context.cluster();
        List<PodCidrProblem> requested = PodCidrProblems.ofKind(pod.requestedProblems(), PodCidrProblem.Kind.RESERVED);
        if (!requested.isEmpty()) {
            return RuleOutcome.of(finding(Severity.BLOCKER,
                    "requested pod CIDR " + context.options().requestedPodCidr() + " "
                            + PodCidrProblems.details(requested) + "; AKS rejects such a pod CIDR on update",
                    "Pass a --pod-cidr outside the reserved ranges " + RESERVED_RANGES + " (for example a free range in"
                            + " 10.0.0.0/8 or 100.64.0.0/10), or omit --pod-cidr so the planner proposes one"));
        }
        if (pod.current() == null) {
            return pod.choice() == PodCidrSizing.Choice.REQUESTED ? RuleOutcome.pass()
                    : RuleOutcome.unverified(unverified("the cluster's pod CIDR is not in the input, so whether it"
                            + " overlaps a reserved range could not be checked", Severity.ACTION));
        }
        List<PodCidrProblem> current = PodCidrProblems.ofKind(pod.currentProblems(), PodCidrProblem.Kind.RESERVED);
        if (current.isEmpty()) {
            return RuleOutcome.pass();
        }
        String found = "pod CIDR " + pod.current() + " " + PodCidrProblems.details(current)
                + "; existing clusters keep working, but AKS validates the pod CIDR on update since 2026-05-29";
        if (pod.proposed() == null) {
            return RuleOutcome.of(finding(Severity.BLOCKER,
                    found + ", so the migration must move it, and " + PodCidrProblems.noTarget(pod, context.options()),
                    "Pass a free --pod-cidr of /" + PodCidrProblems.minimumLength(pod) + " or larger, outside "
                            + RESERVED_RANGES + ", the virtual network, its peerings, the service CIDR and on-premises"
                            + " ranges"));
        }
        return RuleOutcome.of(finding(Severity.ACTION,
                found + " and whether it rejects a migration that keeps it is unconfirmed, so the plan moves pods to "
                        + PodCidrProblems.target(pod),
                "The plan runs " + AzCommand.aks("update", cluster.resourceGroup(), cluster.name())
                        .arg("--network-plugin", "azure").arg("--network-plugin-mode", "overlay")
                        .arg("--pod-cidr", pod.proposed().toString())
                        + ". Before it, update NSG rules, firewalls and routes that name " + pod.current()
                        + " to allow " + pod.proposed() + " (node to pod and pod to pod traffic). Changing the pod"
                        + " CIDR in this update is accepted since the 2025-08-29 release; older RP versions refused"
                        + " it (MicrosoftDocs/azure-aks-docs#172)"));
    }
}
