package org.kubenetmigrate.planner.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.kubenetmigrate.planner.cidr.IpPrefix;
import org.kubenetmigrate.planner.model.ManagedCluster;
import org.kubenetmigrate.planner.model.NetworkProfile;

/**
 * Dual-stack kubenet → Overlay works, but IPv6 traffic breaks while nodes are mixed (Azure/AKS#5120, R13); dual-stack
 * Overlay supports neither Calico nor Azure NPM and needs StandardV2 NAT gateway (D3).
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
    public RuleOutcome evaluate(ClusterContext context) {
        ManagedCluster cluster = context.cluster();
        NetworkProfile network = cluster.network();
        if (!network.isDualStack()) {
            return RuleOutcome.pass();
        }
        List<String> extra = new ArrayList<>();
        Optional<String> engine = network.policyEngine();
        if (engine.isPresent() && !context.options().ciliumDataplane()) {
            extra.add("network policy engine " + engine.get() + " cannot be re-enabled after the update, because"
                    + " dual-stack Overlay supports neither Calico nor Azure NPM");
        }
        String outbound = network.outboundType() == null ? "" : network.outboundType();
        if (outbound.toLowerCase(Locale.ROOT).contains("natgateway")) {
            extra.add("outboundType " + outbound + ": dual-stack Overlay needs a StandardV2 NAT gateway");
        }
        String pods = String.join(", ", network.podCidrs().stream().map(IpPrefix::toString).toList());
        return RuleOutcome.of(finding(Severity.WARNING,
                "cluster is dual-stack (pod CIDRs " + (pods.isEmpty() ? "unknown" : pods) + "): IPv6 pod traffic"
                        + " breaks while nodes are mixed kubenet and Overlay during the reimage and recovers when it"
                        + " completes (Overlay uses a /120 per node, kubenet a different prefix)"
                        + (extra.isEmpty() ? "" : "; " + String.join("; ", extra)),
                "Schedule the update in a window where IPv6 pod traffic may fail until every node is reimaged"
                        + " (watch kubectl get nnc -A); if the cluster needs network policy afterwards, choose the"
                        + " Cilium data plane (az aks update -g " + cluster.resourceGroup() + " -n " + cluster.name()
                        + " --network-dataplane cilium --network-policy cilium, as a separate step after Overlay)"));
    }
}
