package org.kubenetmigrate.planner.model;

import java.util.List;
import org.kubenetmigrate.planner.cidr.IpPrefix;

/**
 * A subnet of a virtual network. {@code usedAddresses} counts {@code ipConfigurations} (one per NIC
 * address in use); {@code routeTableId} is null when no route table is associated.
 */
public record Subnet(ArmId id, String name, List<IpPrefix> addressPrefixes, ArmId routeTableId, int usedAddresses) {
    public Subnet {
        addressPrefixes = List.copyOf(addressPrefixes);
    }
}
