package org.kubenetmigrate.planner.assessment;

import org.kubenetmigrate.planner.model.AzureValue;
import org.kubenetmigrate.planner.model.Dataplane;
import org.kubenetmigrate.planner.model.NetworkPolicy;

/**
 * What the cluster's network will be after the plan.
 *
 * @param ipam "overlay" or "pod-subnet" for kubenet clusters; the current mode for others
 * @param podCidr the pod CIDR (Overlay) or null
 * @param networkPolicy the engine enabled at the end ({@code none} when there is none)
 * @param dataplane {@code azure} or {@code cilium}
 */
public record TargetNetwork(String ipam, String podCidr, AzureValue<NetworkPolicy> networkPolicy,
                            AzureValue<Dataplane> dataplane) {

    /** True when the cluster ends on the Cilium data plane. */
    public boolean cilium() {
        return AzureValue.is(dataplane, Dataplane.CILIUM);
    }
}
