package org.kubenetmigrate.planner.model;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What was read inside one cluster through the Kubernetes API, reduced to what the readiness rules judge. It holds
 * names, counts and CIDRs only: no ConfigMap data, no secrets, no credentials.
 *
 * <p>A read that failed leaves its list empty and adds an {@link AccessGap} for every check that needed it, so an
 * empty list is "none present" only when there is no gap for that check.
 *
 * @param source where it was read from, for a reader (e.g. "kubeconfig context aks-prod"); never a credential
 * @param collectedAt when the reads finished
 * @param ipMasqConfigMaps the ip-masq-agent ConfigMaps in kube-system
 * @param disruptionBudgets every PodDisruptionBudget
 * @param networkPolicies every Kubernetes NetworkPolicy, with its ipBlocks
 * @param calicoPolicies Calico policy objects counted per API group and kind; a kind whose CRD is absent is not listed
 * @param nodes every node
 * @param singleReplicaWorkloads Deployments and StatefulSets with exactly one desired replica
 * @param gaps reads that failed, per check
 * @param hostNetworkPolicies NetworkPolicies whose podSelector selects pods running with {@code hostNetwork: true}
 */
public record InClusterState(
        String source,
        Instant collectedAt,
        List<IpMasqConfigMap> ipMasqConfigMaps,
        List<DisruptionBudget> disruptionBudgets,
        List<NetworkPolicyInfo> networkPolicies,
        List<CalicoPolicyCount> calicoPolicies,
        List<NodeState> nodes,
        List<WorkloadRef> singleReplicaWorkloads,
        List<AccessGap> gaps,
        List<HostNetworkPolicy> hostNetworkPolicies) {

    /** Without the host-network pods read (as collected before it was). */
    public InClusterState(String source, Instant collectedAt, List<IpMasqConfigMap> ipMasqConfigMaps,
                          List<DisruptionBudget> disruptionBudgets, List<NetworkPolicyInfo> networkPolicies,
                          List<CalicoPolicyCount> calicoPolicies, List<NodeState> nodes,
                          List<WorkloadRef> singleReplicaWorkloads, List<AccessGap> gaps) {
        this(source, collectedAt, ipMasqConfigMaps, disruptionBudgets, networkPolicies, calicoPolicies, nodes,
                singleReplicaWorkloads, gaps, List.of());
    }

    public InClusterState {
        Objects.requireNonNull(source, "source");
        ipMasqConfigMaps = List.copyOf(ipMasqConfigMaps);
        disruptionBudgets = List.copyOf(disruptionBudgets);
        networkPolicies = List.copyOf(networkPolicies);
        calicoPolicies = List.copyOf(calicoPolicies);
        nodes = List.copyOf(nodes);
        singleReplicaWorkloads = List.copyOf(singleReplicaWorkloads);
        gaps = List.copyOf(gaps);
        hostNetworkPolicies = List.copyOf(hostNetworkPolicies);
    }

    /** The reads that failed for one check (a rule id of {@link InClusterCheck}). */
    public List<AccessGap> gapsFor(String check) {
        return gaps.stream().filter(g -> g.check().equals(check)).toList();
    }

    /**
     * An ip-masq-agent ConfigMap in kube-system.
     *
     * @param reconciled true for AKS's own {@value #RECONCILED_NAME}, the only one that should exist (https://learn.microsoft.com/azure/aks/update-azure-cni)
     */
    public record IpMasqConfigMap(String name, boolean reconciled) {
        public static final String RECONCILED_NAME = "azure-ip-masq-agent-config-reconciled";

        /**
         * Whether a kube-system ConfigMap of this name configures ip-masq-agent. Deliberately broad (any name with
         * "ip-masq-agent"): AKS blocks the migration on any custom ip-masq-agent configuration (release notes 2025-01-30),
         * and upstream ip-masq-agent reads a ConfigMap named just {@code ip-masq-agent}.
         */
        public static boolean configuresIpMasqAgent(String name) {
            return name != null && name.toLowerCase(Locale.ROOT).contains("ip-masq-agent");
        }

        public static IpMasqConfigMap named(String name) {
            return new IpMasqConfigMap(name, RECONCILED_NAME.equals(name));
        }
    }

    /**
     * A PodDisruptionBudget and its status.
     *
     * @param selector the label selector as text, e.g. {@code app=web}
     * @param workload the Deployment or StatefulSet its selector matches ("Deployment web"), or null when none does
     * @param budget the spec as text, e.g. {@code minAvailable 2} or {@code maxUnavailable 0}
     * @param disruptionsAllowed {@code status.disruptionsAllowed}
     * @param expectedPods {@code status.expectedPods}: pods the budget covers
     */
    public record DisruptionBudget(String namespace, String name, String selector, String workload, String budget,
                                   int disruptionsAllowed, int expectedPods) {
        public String qualifiedName() {
            return namespace + "/" + name;
        }
    }

    /** A Kubernetes NetworkPolicy, reduced to its ipBlocks. */
    public record NetworkPolicyInfo(String namespace, String name, List<IpBlock> ipBlocks) {
        public NetworkPolicyInfo {
            ipBlocks = List.copyOf(ipBlocks);
        }

        public String qualifiedName() {
            return namespace + "/" + name;
        }
    }

    /**
     * One {@code ipBlock} peer of a NetworkPolicy rule, as written (the API server accepts host bits, so it is kept
     * as text).
     *
     * @param direction "ingress" or "egress"
     */
    public record IpBlock(String direction, String cidr, List<String> except) {
        public IpBlock {
            except = List.copyOf(except);
        }
    }

    /**
     * How many Calico policy objects of one kind exist.
     *
     * @param group {@code projectcalico.org} (Calico API server) or {@code crd.projectcalico.org} (the CRDs)
     * @param kind e.g. {@code NetworkPolicy}, {@code GlobalNetworkPolicy}
     */
    public record CalicoPolicyCount(String group, String kind, int count) {
    }

    /**
     * A node.
     *
     * @param ready true when its Ready condition is True
     * @param condition the Ready condition as text, e.g. {@code Ready=False (KubeletNotReady)}
     * @param podCidrs {@code spec.podCIDRs} (or {@code spec.podCIDR}), as written
     */
    public record NodeState(String name, boolean ready, String condition, List<String> podCidrs) {
        public NodeState {
            podCidrs = List.copyOf(podCidrs);
        }
    }

    /**
     * A NetworkPolicy that selects pods running on the host network, which Cilium does not apply policies to.
     *
     * @param pods the selected host-network pods' names
     */
    public record HostNetworkPolicy(String namespace, String name, List<String> pods) {
        public HostNetworkPolicy {
            pods = List.copyOf(pods);
        }

        public String qualifiedName() {
            return namespace + "/" + name;
        }
    }

    /** A Deployment or StatefulSet. */
    public record WorkloadRef(String kind, String namespace, String name) {
        @Override
        public String toString() {
            return kind + " " + namespace + "/" + name;
        }
    }

    /**
     * A read that failed.
     *
     * @param check the rule id that lacks the data
     * @param reason what failed, e.g. "forbidden: list networkpolicies.networking.k8s.io at cluster scope"
     */
    public record AccessGap(String check, String reason) {
    }
}
