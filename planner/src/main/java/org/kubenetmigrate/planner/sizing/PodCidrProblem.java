package org.kubenetmigrate.planner.sizing;

import org.kubenetmigrate.planner.cidr.IpPrefix;

/**
 * Why a pod CIDR cannot be used as is.
 *
 * @param kind which of the pod CIDR rules it breaks
 * @param detail the concrete values, e.g. "overlaps reserved range 172.30.0.0/16"
 */
public record PodCidrProblem(IpPrefix podCidr, Kind kind, String detail) {

    /** Whether this problem means the pod CIDR cannot be used as is (all but {@link Kind#ADDRESS_SPACE}). */
    public boolean forcesChange() {
        return kind != Kind.ADDRESS_SPACE;
    }

    public enum Kind {
        /** Overlaps a range AKS reserves: rule pod-cidr-reserved. */
        RESERVED,
        /** Overlaps a VNet subnet, a peering, the service CIDR or an --avoid range: rule pod-cidr-overlap. */
        OVERLAP,
        /**
         * Lies in the VNet's address space but overlaps none of its subnets. AKS checks the pod CIDR against
         * subnets, not the address space, since the release of 2024-10-25, so this does not force a change: rule
         * pod-cidr-overlap warns.
         */
        ADDRESS_SPACE,
        /** Holds fewer /24 blocks than the nodes need: rule pod-cidr-capacity. */
        CAPACITY
    }
}
