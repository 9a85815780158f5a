package org.kubenetmigrate.planner.rules;

import java.util.List;
import org.kubenetmigrate.planner.model.AgentPool;

/** Azure CNI Overlay does not support VM availability sets, only scale sets (D2, R5). */
public final class AvailabilitySetPoolRule implements Rule {

    @Override
    public String id() {
        return "availability-set-pool";
    }

    @Override
    public String reference() {
        return Sources.OVERLAY_CONCEPTS;
    }

    @Override
    public RuleOutcome evaluate(ClusterContext context) {
        List<String> pools = context.cluster().agentPools().stream()
                .filter(AgentPool::isAvailabilitySet)
                .map(AgentPool::name)
                .toList();
        if (pools.isEmpty()) {
            return RuleOutcome.pass();
        }
        return RuleOutcome.of(finding(Severity.BLOCKER,
                "node pool(s) " + String.join(", ", pools) + " run on VM availability sets; Azure CNI Overlay"
                        + " supports only virtual machine scale set pools",
                "An availability-set pool cannot be updated to Overlay in place. Move the workloads to a new cluster"
                        + " whose pools are virtual machine scale sets (blue/green), e.g. az aks create ..."
                        + " --vm-set-type VirtualMachineScaleSets --network-plugin azure --network-plugin-mode overlay"));
    }
}
