package org.kubenetmigrate.planner.sizing;

import org.kubenetmigrate.planner.cidr.IpPrefix;

/**
 * Why a pod CIDR cannot be used as is.
 *
 * @param kind which of the pod CIDR rules it breaks
 * @param detail the concrete values, e.g. "overlaps reserved range 172.30.0.0/16"
 */
public record PodCidrProblem(IpPrefix podCidr, Kind kind, String detail) {

    public enum Kind {
        /** Overlaps a range AKS reserves: rule pod-cidr-reserved. */
        RESERVED,
        /** Overlaps the VNet, a peering, the service CIDR or an --avoid range: rule pod-cidr-overlap. */
        OVERLAP,
        /** Holds fewer /24 blocks than the nodes need: rule pod-cidr-capacity. */
        CAPACITY
    }
}
