package org.kubenetmigrate.planner.sizing;

import org.kubenetmigrate.planner.cidr.IpPrefix;

/**
 * A range a pod CIDR must not overlap, with what it is.
 *
 * @param kind what sort of range it is
 * @param label the range described for a reader, e.g. "address space of virtual network vnet-prod"
 */
public record TakenRange(IpPrefix prefix, Kind kind, String label) {

    public enum Kind {
        /** Reserved by AKS (D10). */
        RESERVED,
        /** The cluster's own virtual network or one of its subnets. */
        VNET,
        /** A peered network's remote address space. */
        PEERING,
        /** The cluster's service CIDR. */
        SERVICE,
        /** Given by the user with --avoid (on-premises and other unseen networks). */
        AVOID
    }

    public String describe() {
        return label + " " + prefix;
    }
}
