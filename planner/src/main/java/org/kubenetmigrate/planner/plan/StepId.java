package org.kubenetmigrate.planner.plan;

import java.util.Arrays;
import java.util.Optional;

/**
 * The step ids plans use, shared by the planner (which writes them) and the executor (which runs and checks them),
 * so that neither side spells one by hand.
 */
public enum StepId {
    PRECHECK("precheck"),
    BACKUP("backup"),
    ASSIGN_IDENTITY("assign-identity"),
    SETTLE_IDENTITY("settle-identity"),
    REMOVE_IP_MASQ_CONFIG("remove-ip-masq-config"),
    DISABLE_NETWORK_POLICY("disable-network-policy"),
    UPDATE_NETWORK_PLUGIN("update-network-plugin"),
    OBSERVE_ROLLOUT("observe-rollout"),
    RESTORE_NETWORK_POLICY("restore-network-policy"),
    ENABLE_CILIUM("enable-cilium"),
    VALIDATE("validate"),
    // After the run: a person applies the infrastructure-code diff (plan --iac); the executor leaves it out.
    UPDATE_IAC("update-iac"),
    // Blue/green (new Pod Subnet cluster): manual steps, never run by the executor.
    CREATE_NODE_SUBNET("create-node-subnet"),
    CREATE_POD_SUBNET("create-pod-subnet"),
    CREATE_CLUSTER("create-cluster"),
    DEPLOY_WORKLOADS("deploy-workloads"),
    CUTOVER_TRAFFIC("cutover-traffic"),
    DELETE_OLD_CLUSTER("delete-old-cluster");

    private final String id;

    StepId(String id) {
        this.id = id;
    }

    /** The id as written in plan files and journals. */
    public String id() {
        return id;
    }

    public static Optional<StepId> of(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst();
    }

    @Override
    public String toString() {
        return id;
    }
}
