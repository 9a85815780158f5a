package org.kubenetmigrate.planner.model;

import java.util.List;
import org.kubenetmigrate.planner.cidr.IpPrefix;

/**
 * A virtual network peering with the remote network's address space as Azure reports it. {@code useRemoteGateways}
 * is true when this network reaches on-premises (or other networks) through the remote network's gateway: the ranges
 * behind that gateway appear in no address space of the input.
 */
public record Peering(String name, ArmId remoteVirtualNetworkId, List<IpPrefix> remoteAddressSpace, String peeringState,
                      boolean useRemoteGateways) {
    public Peering {
        remoteAddressSpace = List.copyOf(remoteAddressSpace);
    }

    public Peering(String name, ArmId remoteVirtualNetworkId, List<IpPrefix> remoteAddressSpace, String peeringState) {
        this(name, remoteVirtualNetworkId, remoteAddressSpace, peeringState, false);
    }
}
