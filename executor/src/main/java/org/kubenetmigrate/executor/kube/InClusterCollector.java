package org.kubenetmigrate.executor.kube;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.networking.v1.IPBlock;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.kubenetmigrate.planner.model.InClusterCheck;
import org.kubenetmigrate.planner.model.InClusterState;
import org.kubenetmigrate.planner.model.InClusterState.AccessGap;
import org.kubenetmigrate.planner.model.InClusterState.CalicoPolicyCount;
import org.kubenetmigrate.planner.model.InClusterState.DisruptionBudget;
import org.kubenetmigrate.planner.model.InClusterState.HostNetworkPolicy;
import org.kubenetmigrate.planner.model.InClusterState.IpBlock;
import org.kubenetmigrate.planner.model.InClusterState.IpMasqConfigMap;
import org.kubenetmigrate.planner.model.InClusterState.NetworkPolicyInfo;
import org.kubenetmigrate.planner.model.InClusterState.NodeState;
import org.kubenetmigrate.planner.model.InClusterState.WorkloadRef;

/**
 * Reads what the in-cluster checks need and reduces it to {@link InClusterState}. Each read stands alone: one that
 * fails (403, say) becomes an {@link AccessGap} for the checks that needed it, and the others still run. A Calico
 * resource type the cluster does not have counts as none present. Read-only.
 */
public final class InClusterCollector {
    static final String KUBE_SYSTEM = "kube-system";
    static final List<ResourceKind> CALICO_KINDS = List.of(
            ResourceKind.CALICO_CRD_NETWORK_POLICY, ResourceKind.CALICO_CRD_GLOBAL_NETWORK_POLICY,
            ResourceKind.CALICO_API_NETWORK_POLICY, ResourceKind.CALICO_API_GLOBAL_NETWORK_POLICY);

    private final Clock clock;

    public InClusterCollector(Clock clock) {
        this.clock = clock;
    }

    public InClusterState collect(KubeReads reads, String source) {
        List<AccessGap> gaps = new ArrayList<>();

        List<IpMasqConfigMap> ipMasq = new ArrayList<>();
        try {
            for (ConfigMap map : reads.configMaps(KUBE_SYSTEM)) {
                String name = map.getMetadata().getName();
                if (IpMasqConfigMap.configuresIpMasqAgent(name)) {
                    ipMasq.add(IpMasqConfigMap.named(name));
                }
            }
        } catch (KubeReadException e) {
            gaps.add(new AccessGap(InClusterCheck.IP_MASQ_AGENT_CONFIG, e.getMessage()));
        }

        List<Deployment> deployments = null;
        List<StatefulSet> statefulSets = null;
        try {
            deployments = reads.deployments();
            statefulSets = reads.statefulSets();
        } catch (KubeReadException e) {
            gaps.add(new AccessGap(InClusterCheck.SINGLE_REPLICA_WORKLOADS, e.getMessage()));
        }
        List<WorkloadRef> single = new ArrayList<>();
        if (deployments != null && statefulSets != null) {
            deployments.stream().filter(d -> replicas(d.getSpec() == null ? null : d.getSpec().getReplicas()) == 1)
                    .forEach(d -> single.add(ref("Deployment", d.getMetadata())));
            statefulSets.stream().filter(s -> replicas(s.getSpec() == null ? null : s.getSpec().getReplicas()) == 1)
                    .forEach(s -> single.add(ref("StatefulSet", s.getMetadata())));
        }

        List<DisruptionBudget> budgets = new ArrayList<>();
        try {
            for (PodDisruptionBudget pdb : reads.podDisruptionBudgets()) {
                budgets.add(budget(pdb, deployments, statefulSets));
            }
        } catch (KubeReadException e) {
            gaps.add(new AccessGap(InClusterCheck.PDB_BLOCKS_DRAIN, e.getMessage()));
        }

        List<NetworkPolicyInfo> policies = new ArrayList<>();
        List<HostNetworkPolicy> onHostNetwork = new ArrayList<>();
        try {
            List<NetworkPolicy> read = reads.networkPolicies();
            read.forEach(p -> policies.add(policy(p)));
            onHostNetwork.addAll(onHostNetwork(reads, read, gaps));
        } catch (KubeReadException e) {
            gaps.add(new AccessGap(InClusterCheck.POLICY_ENFORCEMENT_GAP, e.getMessage()));
            gaps.add(new AccessGap(InClusterCheck.IPBLOCK_POD_CIDR, e.getMessage()));
            gaps.add(new AccessGap(InClusterCheck.CILIUM_LIMITS, e.getMessage()));
        }

        List<CalicoPolicyCount> calico = new ArrayList<>();
        for (ResourceKind kind : CALICO_KINDS) {
            try {
                Optional<List<GenericKubernetesResource>> objects = reads.custom(kind);
                objects.ifPresent(list -> calico.add(new CalicoPolicyCount(kind.group(), kind.kind(), list.size())));
            } catch (KubeReadException e) {
                gaps.add(new AccessGap(InClusterCheck.POLICY_ENFORCEMENT_GAP, e.getMessage()));
            }
        }

        List<NodeState> nodes = new ArrayList<>();
        try {
            reads.nodes().forEach(n -> nodes.add(node(n)));
        } catch (KubeReadException e) {
            gaps.add(new AccessGap(InClusterCheck.NODES_NOT_READY, e.getMessage()));
        }

        return new InClusterState(source, clock.instant(), ipMasq, budgets, policies, calico, nodes, single, gaps,
                onHostNetwork);
    }

    /**
     * The policies whose podSelector selects a pod on the host network (Cilium applies no policy to those). Pods are
     * read only in the namespaces that have policies; a failed read is a gap of the Cilium check alone.
     */
    static List<HostNetworkPolicy> onHostNetwork(KubeReads reads, List<NetworkPolicy> policies, List<AccessGap> gaps) {
        Map<String, List<NetworkPolicy>> byNamespace = new TreeMap<>();
        policies.forEach(p -> byNamespace.computeIfAbsent(p.getMetadata().getNamespace(), k -> new ArrayList<>()).add(p));
        List<HostNetworkPolicy> found = new ArrayList<>();
        for (Map.Entry<String, List<NetworkPolicy>> e : byNamespace.entrySet()) {
            List<Pod> pods;
            try {
                pods = reads.pods(e.getKey());
            } catch (KubeReadException ex) {
                gaps.add(new AccessGap(InClusterCheck.CILIUM_LIMITS, ex.getMessage()));
                continue;
            }
            List<Pod> hostNetwork = pods.stream()
                    .filter(p -> p.getSpec() != null && Boolean.TRUE.equals(p.getSpec().getHostNetwork())).toList();
            for (NetworkPolicy policy : e.getValue()) {
                // A NetworkPolicy's podSelector is required; {} selects every pod of the namespace.
                var selector = policy.getSpec() == null ? null : policy.getSpec().getPodSelector();
                List<String> selected = hostNetwork.stream()
                        .filter(p -> LabelSelectors.matches(selector == null
                                ? new io.fabric8.kubernetes.api.model.LabelSelector() : selector,
                                p.getMetadata().getLabels()))
                        .map(p -> p.getMetadata().getName()).toList();
                if (!selected.isEmpty()) {
                    found.add(new HostNetworkPolicy(e.getKey(), policy.getMetadata().getName(), selected));
                }
            }
        }
        return found;
    }

    /** The API server defaults replicas to 1; an object without it (hand-written JSON) is taken the same way. */
    private static int replicas(Integer replicas) {
        return replicas == null ? 1 : replicas;
    }

    private static WorkloadRef ref(String kind, io.fabric8.kubernetes.api.model.ObjectMeta meta) {
        return new WorkloadRef(kind, meta.getNamespace(), meta.getName());
    }

    static DisruptionBudget budget(PodDisruptionBudget pdb, List<Deployment> deployments, List<StatefulSet> statefulSets) {
        String namespace = pdb.getMetadata().getNamespace();
        var spec = pdb.getSpec();
        String budget = spec == null ? "no spec"
                : spec.getMinAvailable() != null ? "minAvailable " + text(spec.getMinAvailable())
                : spec.getMaxUnavailable() != null ? "maxUnavailable " + text(spec.getMaxUnavailable())
                : "no minAvailable/maxUnavailable";
        var selector = spec == null ? null : spec.getSelector();
        String workload;
        if (deployments == null || statefulSets == null) {
            workload = "workloads not readable";
        } else {
            List<String> matched = new ArrayList<>();
            deployments.stream()
                    .filter(d -> namespace.equals(d.getMetadata().getNamespace()))
                    .filter(d -> LabelSelectors.matches(selector, templateLabels(d.getSpec() == null ? null
                            : d.getSpec().getTemplate())))
                    .forEach(d -> matched.add("Deployment " + d.getMetadata().getName()));
            statefulSets.stream()
                    .filter(s -> namespace.equals(s.getMetadata().getNamespace()))
                    .filter(s -> LabelSelectors.matches(selector, templateLabels(s.getSpec() == null ? null
                            : s.getSpec().getTemplate())))
                    .forEach(s -> matched.add("StatefulSet " + s.getMetadata().getName()));
            workload = matched.isEmpty() ? null : String.join(", ", matched);
        }
        var status = pdb.getStatus();
        int allowed = status == null || status.getDisruptionsAllowed() == null ? 0 : status.getDisruptionsAllowed();
        int expected = status == null || status.getExpectedPods() == null ? 0 : status.getExpectedPods();
        return new DisruptionBudget(namespace, pdb.getMetadata().getName(), LabelSelectors.text(selector), workload,
                budget, allowed, expected);
    }

    private static Map<String, String> templateLabels(io.fabric8.kubernetes.api.model.PodTemplateSpec template) {
        return template == null || template.getMetadata() == null ? Map.of() : template.getMetadata().getLabels();
    }

    private static String text(IntOrString value) {
        return value.getIntVal() != null ? value.getIntVal().toString() : value.getStrVal();
    }

    static NetworkPolicyInfo policy(NetworkPolicy policy) {
        List<IpBlock> blocks = new ArrayList<>();
        var spec = policy.getSpec();
        if (spec != null) {
            for (NetworkPolicyIngressRule rule : nullSafe(spec.getIngress())) {
                nullSafe(rule.getFrom()).forEach(peer -> block("ingress", peer).ifPresent(blocks::add));
            }
            for (NetworkPolicyEgressRule rule : nullSafe(spec.getEgress())) {
                nullSafe(rule.getTo()).forEach(peer -> block("egress", peer).ifPresent(blocks::add));
            }
        }
        return new NetworkPolicyInfo(policy.getMetadata().getNamespace(), policy.getMetadata().getName(), blocks);
    }

    private static Optional<IpBlock> block(String direction, NetworkPolicyPeer peer) {
        IPBlock block = peer.getIpBlock();
        if (block == null || block.getCidr() == null) {
            return Optional.empty();
        }
        return Optional.of(new IpBlock(direction, block.getCidr(), nullSafe(block.getExcept())));
    }

    static NodeState node(Node node) {
        NodeCondition ready = node.getStatus() == null ? null : nullSafe(node.getStatus().getConditions()).stream()
                .filter(c -> "Ready".equals(c.getType())).findFirst().orElse(null);
        boolean isReady = ready != null && "True".equals(ready.getStatus());
        String condition = ready == null ? "no Ready condition"
                : "Ready=" + ready.getStatus() + (ready.getReason() == null || isReady ? "" : " (" + ready.getReason() + ")");
        List<String> cidrs = new ArrayList<>();
        if (node.getSpec() != null) {
            if (node.getSpec().getPodCIDRs() != null && !node.getSpec().getPodCIDRs().isEmpty()) {
                cidrs.addAll(node.getSpec().getPodCIDRs());
            } else if (node.getSpec().getPodCIDR() != null) {
                cidrs.add(node.getSpec().getPodCIDR());
            }
        }
        return new NodeState(node.getMetadata().getName(), isReady, condition, cidrs);
    }

    private static <T> List<T> nullSafe(List<T> list) {
        return list == null ? List.of() : list;
    }
}
