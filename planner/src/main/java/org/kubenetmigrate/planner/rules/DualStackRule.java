package org.kubenetmigrate.planner.rules;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.kubenetmigrate.planner.cidr.IpPrefix;
import org.kubenetmigrate.planner.model.AzureValue;
import org.kubenetmigrate.planner.model.ManagedCluster;
import org.kubenetmigrate.planner.model.NetworkPolicy;
import org.kubenetmigrate.planner.model.NetworkProfile;
import org.kubenetmigrate.planner.text.AzCommand;

/**
 * Dual-stack kubenet → Overlay works, but IPv6 traffic breaks while nodes are mixed
 * (https://github.com/Azure/AKS/issues/5120). Dual-stack Overlay supports neither Calico nor Azure network policies
 * and needs a StandardV2 NAT gateway (https://learn.microsoft.com/azure/aks/azure-cni-overlay); Cilium supports
 * dual-stack (https://learn.microsoft.com/azure/aks/azure-cni-powered-by-cilium). So a policy engine the migration
 * removes cannot come back: a BLOCKER unless the target data plane is Cilium, which then is the only engine.
 */
public final class DualStackRule implements Rule {

    @Override
    public String id() {
        return "dual-stack";
    }

    @Override
    public String reference() {
        return Sources.DUAL_STACK_ISSUE;
    }

    @Override
    public List<String> sources() {
        return List.of(Sources.DUAL_STACK_ISSUE, Sources.CONFIGURE_OVERLAY, Sources.CILIUM);
    }

    @Override
    public String description() {
        return "Dual-stack clusters: IPv6 pod traffic breaks while nodes are mixed during the reimage; with Calico or"
                + " Azure network policies, blocks unless the target data plane is Cilium, because dual-stack Overlay"
                + " supports neither engine.";
    }

    @Override
    public Set<Severity> severities() {
        return EnumSet.of(Severity.BLOCKER, Severity.WARNING);
    }

    @Override
    public RuleOutcome evaluate(ClusterContext context) {
        ManagedCluster cluster = context.cluster();
        NetworkProfile network = cluster.network();
        if (!network.isDualStack()) {
            return RuleOutcome.pass();
        }
        String pods = String.join(", ", network.podCidrs().stream().map(IpPrefix::toString).toList());
        String dualStack = "cluster is dual-stack (pod CIDRs " + (pods.isEmpty() ? "unknown" : pods) + ")";
        String cilium = AzCommand.az("aks", "update").arg("-g", cluster.resourceGroup()).arg("-n", cluster.name())
                .arg("--network-dataplane", "cilium").arg("--network-policy", "cilium").render();
        Optional<AzureValue<NetworkPolicy>> engine = network.policyEngine();
        if (engine.isPresent() && !context.options().ciliumDataplane()) {
            return RuleOutcome.of(finding(Severity.BLOCKER,
                    dualStack + " with network policy engine " + engine.get() + ": the migration must remove it, and"
                            + " dual-stack Overlay supports neither Calico nor Azure network policies, so it cannot be"
                            + " re-installed and the cluster's NetworkPolicies would stay unenforced for good",
                    "Re-plan with --dataplane cilium: Cilium supports dual-stack and enforces NetworkPolicies once every"
                            + " node is reimaged (" + cilium + ", as a separate step after Overlay); the plan then"
                            + " re-enables nothing else. Or accept running without network policies and remove "
                            + engine.get() + " yourself first"));
        }
        List<String> extra = new ArrayList<>();
        if (engine.isPresent()) {
            extra.add(engine.get() + " is replaced by Cilium, the only policy engine dual-stack Overlay supports;"
                    + " policies are not enforced until Cilium has reimaged every node");
        }
        String outbound = network.outboundType() == null ? "" : network.outboundType();
        if (outbound.toLowerCase(Locale.ROOT).contains("natgateway")) {
            extra.add("outboundType " + outbound + ": dual-stack Overlay needs a StandardV2 NAT gateway");
        }
        return RuleOutcome.of(finding(Severity.WARNING,
                dualStack + ": IPv6 pod traffic breaks while nodes are mixed kubenet and Overlay during the reimage and"
                        + " recovers when it completes (Overlay uses a /120 per node, kubenet a different prefix)"
                        + (extra.isEmpty() ? "" : "; " + String.join("; ", extra)),
                "Schedule the update in a window where IPv6 pod traffic may fail until every node is reimaged"
                        + " (watch kubectl get nnc -A); if the cluster needs network policy afterwards, choose the"
                        + " Cilium data plane (" + cilium + ", as a separate step after Overlay)"));
    }
}
