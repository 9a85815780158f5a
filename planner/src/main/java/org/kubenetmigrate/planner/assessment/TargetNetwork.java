package org.kubenetmigrate.planner.assessment;

/**
 * What the cluster's network will be after the plan.
 *
 * @param ipam "overlay" or "pod-subnet" for kubenet clusters; the current mode for others
 * @param podCidr the pod CIDR (Overlay) or null
 * @param networkPolicy the engine enabled at the end ("none" when there is none)
 * @param dataplane "azure" or "cilium"
 */
public record TargetNetwork(String ipam, String podCidr, String networkPolicy, String dataplane) {
}
