package org.kubenetmigrate.planner.rules;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.kubenetmigrate.planner.model.AzureValue;
import org.kubenetmigrate.planner.model.InClusterCheck;
import org.kubenetmigrate.planner.model.InClusterState;
import org.kubenetmigrate.planner.model.NetworkPolicy;

/**
 * When the plan disables a policy engine, "policies are no longer enforced" until one is enabled again
 * (https://learn.microsoft.com/azure/aks/use-network-policies); the rule counts what goes unenforced: Kubernetes
 * NetworkPolicies and Calico policy objects. The Calico CRDs and resources stay in the cluster after the uninstall.
 * The gap spans every reimage in between: the uninstall, the Overlay update and the re-install or Cilium step each
 * reimage every node (https://learn.microsoft.com/azure/aks/node-disruption-policy).
 *
 * <p>The Calico API server ({@code projectcalico.org/v3}) serves the objects stored as {@code crd.projectcalico.org}
 * CRDs, so the count per kind is the larger of the two groups, never their sum (DERIVED). Neither Cilium nor Azure
 * NPM reads Calico's own resources, so with any other final engine those stay unenforced for good (DERIVED).
 */
public final class PolicyEnforcementGapRule extends InClusterRule {

    @Override
    public String id() {
        return InClusterCheck.POLICY_ENFORCEMENT_GAP;
    }

    @Override
    public String reference() {
        return Sources.NETWORK_POLICIES;
    }

    @Override
    public String description() {
        return "The NetworkPolicies and Calico policies left unenforced from the policy uninstall until an engine is back, across every reimage in between (in-cluster).";
    }

    @Override
    public Set<Severity> severities() {
        return EnumSet.of(Severity.WARNING);
    }

    @Override
    public List<String> sources() {
        return List.of(Sources.NETWORK_POLICIES, Sources.NODE_DISRUPTION_POLICY);
    }

    @Override
    boolean applies(ClusterContext context) {
        return context.cluster().network().policyEngine().isPresent();
    }

    @Override
    Severity couldBe(ClusterContext context) {
        return Severity.WARNING;
    }

    @Override
    RuleOutcome judge(ClusterContext context, InClusterState state) {
        int kubernetes = state.networkPolicies().size();
        long namespaces = state.networkPolicies().stream().map(InClusterState.NetworkPolicyInfo::namespace).distinct().count();
        Map<String, Integer> calicoByKind = new TreeMap<>();
        state.calicoPolicies().forEach(c -> calicoByKind.merge(c.kind(), c.count(), Math::max));
        int calico = calicoByKind.values().stream().mapToInt(Integer::intValue).sum();
        boolean incomplete = !state.gapsFor(id()).isEmpty();
        if (kubernetes == 0 && calico == 0) {
            return RuleOutcome.pass();
        }
        AzureValue<NetworkPolicy> engine = context.cluster().network().policyEngine().orElseThrow();
        NetworkPolicy finalEngine = context.options().ciliumDataplane() ? NetworkPolicy.CILIUM : engine.kind();
        String until = finalEngine == NetworkPolicy.CILIUM
                ? "enable-cilium has reimaged every node (Cilium enforces only then)"
                : "restore-network-policy re-installs " + engine;
        StringBuilder message = new StringBuilder()
                .append(kubernetes).append(kubernetes == 1 ? " Kubernetes NetworkPolicy in " : " Kubernetes NetworkPolicies in ").append(namespaces)
                .append(namespaces == 1 ? " namespace" : " namespaces").append(" and ").append(calico)
                .append(calico == 1 ? " Calico policy" : " Calico policies")
                .append(calico == 0 ? "" : " (" + calicoByKind.entrySet().stream()
                        .filter(e -> e.getValue() > 0)
                        .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")) + ")")
                .append(kubernetes + calico == 1 ? " is" : " are").append(" not enforced from disable-network-policy until ").append(until)
                .append(": across ").append(Reimages.describe(context.cluster(), context.options()))
                .append(", since uninstalling and installing a policy engine reimage every node too");
        if (incomplete) {
            message.append(" (not every kind could be read; see unverified)");
        }
        if (calico > 0 && finalEngine != NetworkPolicy.CALICO) {
            message.append(". The Calico policies stay unenforced afterwards too: ")
                    .append(finalEngine == NetworkPolicy.CILIUM ? "Cilium" : "Azure NPM")
                    .append(" does not read projectcalico.org resources");
        }
        return RuleOutcome.of(finding(Severity.WARNING, message.toString(),
                "Choose a window in which unenforced policies are acceptable, scale down what they protect, or add"
                        + " temporary NSG rules for it"
                        + (calico > 0 && finalEngine != NetworkPolicy.CALICO
                        ? "; translate the Calico policies to Kubernetes or Cilium policies before the migration" : "")));
    }
}
