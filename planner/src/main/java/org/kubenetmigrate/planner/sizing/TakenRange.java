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
        /** Reserved by AKS (https://learn.microsoft.com/azure/aks/concepts-network-cni-overview). */
        RESERVED,
        /** A subnet of the cluster's own virtual network. */
        VNET,
        /** The address space of the cluster's own virtual network, outside its subnets as far as AKS checks. */
        VNET_ADDRESS_SPACE,
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
