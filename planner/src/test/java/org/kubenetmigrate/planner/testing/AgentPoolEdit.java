package org.kubenetmigrate.planner.testing;

import java.util.function.Consumer;
import org.kubenetmigrate.planner.model.AgentPool;
import org.kubenetmigrate.planner.model.ArmId;
import org.kubenetmigrate.planner.model.AzureValue;
import org.kubenetmigrate.planner.model.ProvisioningState;

/**
 * A pool changed in the fields a test names, the other sixteen kept: {@code AgentPoolEdit.of(pool, p -> p.maxPods =
 * 30)} instead of the record's seventeen components in order.
 */
public final class AgentPoolEdit {
    public String name;
    public String mode;
    public String type;
    public String vmSize;
    public String osType;
    public int count;
    public boolean autoscaling;
    public Integer minCount;
    public Integer maxCount;
    public String maxSurge;
    public Integer maxPods;
    public AzureValue<ProvisioningState> provisioningState;
    public String powerState;
    public ArmId vnetSubnetId;
    public ArmId podSubnetId;
    public String orchestratorVersion;
    public String osSku;

    private AgentPoolEdit(AgentPool p) {
        name = p.name();
        mode = p.mode();
        type = p.type();
        vmSize = p.vmSize();
        osType = p.osType();
        count = p.count();
        autoscaling = p.autoscaling();
        minCount = p.minCount();
        maxCount = p.maxCount();
        maxSurge = p.maxSurge();
        maxPods = p.maxPods();
        provisioningState = p.provisioningState();
        powerState = p.powerState();
        vnetSubnetId = p.vnetSubnetId();
        podSubnetId = p.podSubnetId();
        orchestratorVersion = p.orchestratorVersion();
        osSku = p.osSku();
    }

    public static AgentPool of(AgentPool pool, Consumer<AgentPoolEdit> change) {
        AgentPoolEdit edit = new AgentPoolEdit(pool);
        change.accept(edit);
        return new AgentPool(edit.name, edit.mode, edit.type, edit.vmSize, edit.osType, edit.count, edit.autoscaling,
                edit.minCount, edit.maxCount, edit.maxSurge, edit.maxPods, edit.provisioningState, edit.powerState,
                edit.vnetSubnetId, edit.podSubnetId, edit.orchestratorVersion, edit.osSku);
    }
}
