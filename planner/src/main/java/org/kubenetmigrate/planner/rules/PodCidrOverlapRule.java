package org.kubenetmigrate.planner.rules;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.kubenetmigrate.planner.cidr.IpPrefix;
import org.kubenetmigrate.planner.model.ManagedCluster;
import org.kubenetmigrate.planner.sizing.PodCidrProblem;
import org.kubenetmigrate.planner.sizing.PodCidrSizing;
import org.kubenetmigrate.planner.text.AzCommand;

/**
 * The Overlay pod CIDR must not overlap the cluster's subnets, peered networks, on-premises ranges or the service
 * CIDR (https://learn.microsoft.com/azure/aks/concepts-network-azure-cni-overlay). Overlap with those is an ACTION
 * (the plan moves the pods) or a BLOCKER (nowhere to move them).
 *
 * <p>The VNet's address space alone is different. AKS has checked the pod CIDR against subnets, not the address
 * space, since the release of 2024-10-25 (https://github.com/Azure/AKS/releases/tag/2024-10-25); the kubenet tab of
 * https://learn.microsoft.com/azure/aks/update-azure-cni keeps the pod CIDR (the "whole VNet" example is in its Azure
 * CNI tab); and AKS-managed VNets were 10.0.0.0/8 until the release of 2022-02-24, around the default pod CIDR
 * 10.244.0.0/16. Forcing a pod CIDR change there is not the conservative side: NSG, ipBlock and firewall rules
 * follow the old range. So that case is a WARNING that keeps the pod CIDR and says what to watch.
 */
public final class PodCidrOverlapRule implements Rule {

    @Override
    public String id() {
        return "pod-cidr-overlap";
    }

    @Override
    public String reference() {
        return Sources.OVERLAY_CONCEPTS;
    }

    @Override
    public List<String> sources() {
        return List.of(Sources.OVERLAY_CONCEPTS, Sources.release("2024-10-25"), Sources.UPDATE_AZURE_CNI,
                Sources.release("2022-02-24"));
    }

    @Override
    public String description() {
        return "The pod CIDR must not overlap the cluster's subnets, peered networks, the service CIDR or --avoid"
                + " ranges; overlap with the virtual network's address space alone is kept, with a warning.";
    }

    @Override
    public Set<Severity> severities() {
        return EnumSet.of(Severity.BLOCKER, Severity.ACTION, Severity.WARNING);
    }

    @Override
    public RuleOutcome evaluate(ClusterContext context) {
        RuleOutcome outcome = check(context);
        if (!context.network().vnetKnown()) {
            outcome = outcome.plus(RuleOutcome.unverified(unverified(context.network().vnetGap().orElse("")
                    + "; the pod CIDR was checked against the service CIDR and --avoid ranges only, not against the"
                    + " virtual network's address space and its peerings", Severity.ACTION)));
        }
        return outcome;
    }

    private RuleOutcome check(ClusterContext context) {
        PodCidrSizing pod = context.sizing().podCidr();
        ManagedCluster cluster = context.cluster();
        List<PodCidrProblem> requested = PodCidrProblems.ofKind(pod.requestedProblems(), PodCidrProblem.Kind.OVERLAP);
        if (!requested.isEmpty()) {
            return RuleOutcome.of(finding(Severity.BLOCKER,
                    "requested pod CIDR " + context.options().requestedPodCidr() + " "
                            + PodCidrProblems.details(requested),
                    "Pass a --pod-cidr clear of the virtual network's address space, its peerings, the service CIDR"
                            + " and on-premises ranges (list those with --avoid), or omit --pod-cidr so the planner"
                            + " proposes one"));
        }
        if (pod.current() == null) {
            return pod.choice() == PodCidrSizing.Choice.REQUESTED ? RuleOutcome.pass()
                    : RuleOutcome.unverified(unverified("the cluster's pod CIDR is not in the input, so whether it"
                            + " overlaps other networks could not be checked", Severity.ACTION));
        }
        List<PodCidrProblem> current = PodCidrProblems.ofKind(pod.currentProblems(), PodCidrProblem.Kind.OVERLAP);
        if (current.isEmpty()) {
            return addressSpaceOnly(context);
        }
        String found = "pod CIDR " + pod.current() + " " + PodCidrProblems.details(current)
                + "; the Overlay pod CIDR must overlap none of these (the RP rejects overlaps with VNet subnets and"
                + " the service CIDR; peered or on-premises addresses inside it become unreachable from pods)";
        if (pod.proposed() == null) {
            return RuleOutcome.of(finding(Severity.BLOCKER,
                    found + "; the migration must move it, and " + PodCidrProblems.noTarget(pod, context.options()),
                    "Pass a free --pod-cidr of /" + PodCidrProblems.minimumLength(pod) + " or larger, clear of the"
                            + " virtual network, its peerings, the service CIDR, on-premises and reserved ranges"));
        }
        return RuleOutcome.of(finding(Severity.ACTION,
                found + "; the plan moves pods to " + PodCidrProblems.target(pod),
                "The plan runs " + AzCommand.aks("update", cluster.resourceGroup(), cluster.name())
                        .arg("--network-plugin", "azure").arg("--network-plugin-mode", "overlay")
                        .arg("--pod-cidr", pod.proposed().toString())
                        + ". Check " + pod.proposed() + " against on-premises and VPN/ExpressRoute ranges the input"
                        + " does not show (pass them with --avoid), and update NSG rules and firewalls that name "
                        + pod.current() + ". Changing the pod CIDR in this update is accepted since the 2025-08-29"
                        + " release; older RP versions refused it (https://github.com/MicrosoftDocs/azure-aks-docs/issues/172)"));
    }

    /** The pod CIDR the plan uses lies in the VNet's address space but in none of its subnets: keep it, warn. */
    private RuleOutcome addressSpaceOnly(ClusterContext context) {
        PodCidrSizing pod = context.sizing().podCidr();
        IpPrefix used = pod.proposed();
        List<PodCidrProblem> problems = pod.choice() == PodCidrSizing.Choice.REQUESTED ? pod.requestedProblems()
                : pod.choice() == PodCidrSizing.Choice.KEEP_CURRENT ? pod.currentProblems() : List.of();
        List<PodCidrProblem> inSpace = PodCidrProblems.ofKind(problems, PodCidrProblem.Kind.ADDRESS_SPACE);
        if (used == null || inSpace.isEmpty()) {
            return RuleOutcome.pass();
        }
        return RuleOutcome.of(finding(Severity.WARNING,
                "pod CIDR " + used + " " + PodCidrProblems.details(inSpace) + " but overlaps none of its subnets:"
                        + " AKS checks the pod CIDR against subnets, not the address space, since the release of"
                        + " 2024-10-25, and the kubenet update keeps the pod CIDR, so the plan keeps " + used
                        + " (AKS-managed virtual networks were 10.0.0.0/8 until 2022-02-24, around the default pod"
                        + " CIDR 10.244.0.0/16). Safe because on Overlay pod traffic leaving the nodes takes the"
                        + " node's IP, and no subnet holds addresses in " + used,
                "Watch: never create a subnet inside " + used + " in this virtual network (AKS would then reject"
                        + " later updates, and hosts there become unreachable from pods); networks peered to it route "
                        + used + " towards this virtual network, so keep it out of their own ranges too. Moving the"
                        + " pod CIDR is not required by Azure and would change every NSG, ipBlock and firewall rule"
                        + " that names it"));
    }
}
