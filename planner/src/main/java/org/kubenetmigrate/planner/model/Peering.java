package org.kubenetmigrate.planner.model;

import java.util.List;
import org.kubenetmigrate.planner.cidr.IpPrefix;

/** A virtual network peering with the remote network's address space as Azure reports it. */
public record Peering(String name, ArmId remoteVirtualNetworkId, List<IpPrefix> remoteAddressSpace, String peeringState) {
    public Peering {
        remoteAddressSpace = List.copyOf(remoteAddressSpace);
    }
}
