package org.kubenetmigrate.planner.rules;

import java.util.List;
import org.kubenetmigrate.planner.model.ManagedCluster;
import org.kubenetmigrate.planner.sizing.PodCidrProblem;
import org.kubenetmigrate.planner.sizing.PodCidrSizing;

/**
 * The Overlay pod CIDR must not overlap the cluster's VNet, peered networks, on-premises ranges or the service CIDR
 * (D1, D2, R9). Sources conflict (facts §9 item 3): the doc checks the whole VNet address space, the RP only its
 * subnets (C1:2024-10-25); the conservative side is taken: the whole address space.
 */
public final class PodCidrOverlapRule implements Rule {

    @Override
    public String id() {
        return "pod-cidr-overlap";
    }

    @Override
    public String reference() {
        return Sources.D2_OVERLAY_CONCEPTS;
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
            return RuleOutcome.pass();
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
                "The plan runs az aks update -g " + cluster.resourceGroup() + " -n " + cluster.name()
                        + " --network-plugin azure --network-plugin-mode overlay --pod-cidr " + pod.proposed()
                        + ". Check " + pod.proposed() + " against on-premises and VPN/ExpressRoute ranges the input"
                        + " does not show (pass them with --avoid), and update NSG rules and firewalls that name "
                        + pod.current() + ". Changing the pod CIDR in this update is accepted since the 2025-08-29"
                        + " release; older RP versions refused it (MicrosoftDocs/azure-aks-docs#172)"));
    }
}
