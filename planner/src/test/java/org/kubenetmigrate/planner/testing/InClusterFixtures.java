package org.kubenetmigrate.planner.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.kubenetmigrate.planner.assessment.ClusterAssessment;
import org.kubenetmigrate.planner.assessment.ReadinessAssessor;
import org.kubenetmigrate.planner.model.Fleet;
import org.kubenetmigrate.planner.model.InClusterState;
import org.kubenetmigrate.planner.model.InClusterState.AccessGap;
import org.kubenetmigrate.planner.model.InClusterState.CalicoPolicyCount;
import org.kubenetmigrate.planner.model.InClusterState.DisruptionBudget;
import org.kubenetmigrate.planner.model.InClusterState.IpBlock;
import org.kubenetmigrate.planner.model.InClusterState.IpMasqConfigMap;
import org.kubenetmigrate.planner.model.InClusterState.NetworkPolicyInfo;
import org.kubenetmigrate.planner.model.InClusterState.NodeState;
import org.kubenetmigrate.planner.model.InClusterState.WorkloadRef;
import org.kubenetmigrate.planner.model.InClusterView;
import org.kubenetmigrate.planner.rules.RuleCatalogue;

/**
 * A builder for what was read inside a cluster. The default is a healthy cluster: three Ready nodes with /24s of
 * 10.244.0.0/16 and AKS's own reconciled ip-masq-agent ConfigMap, nothing else.
 */
public final class InClusterFixtures {
    public static final Instant COLLECTED_AT = Instant.parse("2026-12-01T11:59:00Z");

    private final List<IpMasqConfigMap> ipMasq = new ArrayList<>(List.of(
            IpMasqConfigMap.named(IpMasqConfigMap.RECONCILED_NAME)));
    private final List<DisruptionBudget> budgets = new ArrayList<>();
    private final List<NetworkPolicyInfo> policies = new ArrayList<>();
    private final List<CalicoPolicyCount> calico = new ArrayList<>();
    private final List<NodeState> nodes = new ArrayList<>(List.of(
            new NodeState("aks-nodepool1-0", true, "Ready=True", List.of("10.244.0.0/24")),
            new NodeState("aks-nodepool1-1", true, "Ready=True", List.of("10.244.1.0/24")),
            new NodeState("aks-nodepool1-2", true, "Ready=True", List.of("10.244.2.0/24"))));
    private final List<WorkloadRef> single = new ArrayList<>();
    private final List<AccessGap> gaps = new ArrayList<>();
    private final List<InClusterState.HostNetworkPolicy> hostNetwork = new ArrayList<>();

    private InClusterFixtures() {
    }

    public static InClusterFixtures healthy() {
        return new InClusterFixtures();
    }

    public InClusterFixtures ipMasqConfigMap(String name) {
        ipMasq.add(IpMasqConfigMap.named(name));
        return this;
    }

    public InClusterFixtures pdb(String namespace, String name, int disruptionsAllowed, int expectedPods, String workload) {
        budgets.add(new DisruptionBudget(namespace, name, "app=" + name, workload, "minAvailable " + expectedPods,
                disruptionsAllowed, expectedPods));
        return this;
    }

    public InClusterFixtures networkPolicy(String namespace, String name, IpBlock... ipBlocks) {
        policies.add(new NetworkPolicyInfo(namespace, name, List.of(ipBlocks)));
        return this;
    }

    public static IpBlock ingress(String cidr, String... except) {
        return new IpBlock("ingress", cidr, List.of(except));
    }

    public static IpBlock egress(String cidr, String... except) {
        return new IpBlock("egress", cidr, List.of(except));
    }

    public InClusterFixtures calico(String group, String kind, int count) {
        calico.add(new CalicoPolicyCount(group, kind, count));
        return this;
    }

    public InClusterFixtures node(String name, boolean ready, String condition, String... podCidrs) {
        nodes.add(new NodeState(name, ready, condition, List.of(podCidrs)));
        return this;
    }

    public InClusterFixtures singleReplica(String kind, String namespace, String name) {
        single.add(new WorkloadRef(kind, namespace, name));
        return this;
    }

    public InClusterFixtures hostNetworkPolicy(String namespace, String name, String... pods) {
        hostNetwork.add(new InClusterState.HostNetworkPolicy(namespace, name, List.of(pods)));
        return this;
    }

    public InClusterFixtures gap(String check, String reason) {
        gaps.add(new AccessGap(check, reason));
        return this;
    }

    public InClusterState state() {
        return new InClusterState("kubeconfig context aks-prod", COLLECTED_AT, ipMasq, budgets, policies, calico,
                nodes, single, gaps, hostNetwork);
    }

    public InClusterView view() {
        return InClusterView.collected(state());
    }

    /** The scenario assessed by the real assessor with this in-cluster view. */
    public static ClusterAssessment assess(Fixtures.Scenario scenario, InClusterView view) {
        Fleet fleet = scenario.fleet();
        return new ReadinessAssessor(RuleCatalogue.all(), Fixtures.TODAY)
                .assess(fleet.clusters().get(0), fleet, scenario.options.build(), view);
    }

    public ClusterAssessment assess(Fixtures.Scenario scenario) {
        return assess(scenario, view());
    }
}
