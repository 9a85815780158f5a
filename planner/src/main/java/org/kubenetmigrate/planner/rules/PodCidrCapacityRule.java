package org.kubenetmigrate.planner.rules;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.kubenetmigrate.planner.cidr.IpPrefix;
import org.kubenetmigrate.planner.model.ManagedCluster;
import org.kubenetmigrate.planner.sizing.ClusterSizing;
import org.kubenetmigrate.planner.sizing.PodCidrPlanner;
import org.kubenetmigrate.planner.sizing.PodCidrProblem;
import org.kubenetmigrate.planner.sizing.PodCidrSizing;
import org.kubenetmigrate.planner.text.AzCommand;

/**
 * Overlay gives every node one /24 of the pod CIDR, and the RP rejects a pod CIDR with too few of them
 * (InsufficientSubnetSize, release notes 2023-05-07). Whether the RP counts surge nodes is UNCONFIRMED; the
 * conservative side is taken: max nodes plus surge.
 */
public final class PodCidrCapacityRule implements Rule {

    @Override
    public String id() {
        return "pod-cidr-capacity";
    }

    @Override
    public String reference() {
        return Sources.release("2023-05-07");
    }

    @Override
    public String description() {
        return "The pod CIDR holds one /24 for every node the cluster may run, surge nodes included.";
    }

    @Override
    public Set<Severity> severities() {
        return EnumSet.of(Severity.BLOCKER, Severity.ACTION);
    }

    @Override
    public List<String> sources() {
        return List.of(Sources.release("2023-05-07"), Sources.OVERLAY_CONCEPTS);
    }

    @Override
    public RuleOutcome evaluate(ClusterContext context) {
        ClusterSizing sizing = context.sizing();
        PodCidrSizing pod = sizing.podCidr();
        ManagedCluster cluster = context.cluster();
        List<PodCidrProblem> requested = PodCidrProblems.ofKind(pod.requestedProblems(), PodCidrProblem.Kind.CAPACITY);
        if (!requested.isEmpty()) {
            return RuleOutcome.of(finding(Severity.BLOCKER,
                    "requested " + shortfall(context.options().requestedPodCidr(), sizing),
                    "Pass a --pod-cidr of /" + PodCidrProblems.minimumLength(pod) + " or larger, or omit --pod-cidr so"
                            + " the planner proposes one"));
        }
        if (pod.current() == null) {
            return pod.choice() == PodCidrSizing.Choice.REQUESTED ? RuleOutcome.pass()
                    : RuleOutcome.unverified(unverified("the cluster's pod CIDR is not in the input, so whether it"
                            + " holds " + sizing.requiredNodes() + " nodes could not be checked", Severity.ACTION));
        }
        if (PodCidrProblems.ofKind(pod.currentProblems(), PodCidrProblem.Kind.CAPACITY).isEmpty()) {
            return RuleOutcome.pass();
        }
        String found = shortfall(pod.current(), sizing);
        String shrink = pod.currentCapacityNodes() == 0 ? "" : ", or lower autoscaler maxCount or maxSurge until"
                + " max nodes + surge is at most " + pod.currentCapacityNodes() + " to keep " + pod.current();
        if (pod.proposed() == null) {
            return RuleOutcome.of(finding(Severity.BLOCKER,
                    found + "; the migration must move it, and " + PodCidrProblems.noTarget(pod, context.options()),
                    "Pass a free --pod-cidr of /" + PodCidrProblems.minimumLength(pod) + " or larger" + shrink));
        }
        return RuleOutcome.of(finding(Severity.ACTION,
                found + "; the plan moves pods to " + PodCidrProblems.target(pod),
                "The plan runs " + AzCommand.aks("update", cluster.resourceGroup(), cluster.name())
                        .arg("--network-plugin", "azure").arg("--network-plugin-mode", "overlay")
                        .arg("--pod-cidr", pod.proposed().toString())
                        + " (update NSG rules and firewalls that name " + pod.current() + ")" + shrink
                        + ". Changing the pod CIDR in this update is accepted since the 2025-08-29 release; older RP"
                        + " versions refused it (MicrosoftDocs/azure-aks-docs#172)"));
    }

    private static String shortfall(IpPrefix podCidr, ClusterSizing sizing) {
        return "pod CIDR " + podCidr + " holds " + PodCidrPlanner.capacityNodes(podCidr) + " nodes at one /24 each; "
                + sizing.maxNodes() + " max nodes + " + sizing.surgeNodes() + " surge need " + sizing.requiredNodes();
    }
}
