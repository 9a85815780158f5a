package org.kubenetmigrate.planner.model;

import java.util.List;

/**
 * The ids of the readiness checks that need the Kubernetes API. A read that fails inside the cluster is recorded
 * as an {@link InClusterState.AccessGap} against the checks that needed it, so each check can say what it could
 * not see.
 */
public final class InClusterCheck {
    private InClusterCheck() {
    }

    public static final String IP_MASQ_AGENT_CONFIG = "ip-masq-agent-config";
    public static final String PDB_BLOCKS_DRAIN = "pdb-blocks-drain";
    public static final String POLICY_ENFORCEMENT_GAP = "policy-enforcement-gap";
    public static final String IPBLOCK_POD_CIDR = "ipblock-pod-cidr";
    public static final String NODES_NOT_READY = "nodes-not-ready";
    public static final String SINGLE_REPLICA_WORKLOADS = "single-replica-workloads";
    public static final String CILIUM_LIMITS = "cilium-limits";

    public static final List<String> ALL = List.of(IP_MASQ_AGENT_CONFIG, PDB_BLOCKS_DRAIN, POLICY_ENFORCEMENT_GAP,
            IPBLOCK_POD_CIDR, NODES_NOT_READY, SINGLE_REPLICA_WORKLOADS, CILIUM_LIMITS);
}
