package org.kubenetmigrate.planner.model;

import java.util.List;
import org.kubenetmigrate.planner.cidr.IpPrefix;

/**
 * A subnet of a virtual network. {@code usedAddresses} counts {@code ipConfigurations} (one per NIC
 * address in use); {@code routeTableId} and {@code networkSecurityGroupId} are null when none is associated.
 */
public record Subnet(ArmId id, String name, List<IpPrefix> addressPrefixes, ArmId routeTableId, int usedAddresses,
                     ArmId networkSecurityGroupId) {
    public Subnet {
        addressPrefixes = List.copyOf(addressPrefixes);
    }

    public Subnet(ArmId id, String name, List<IpPrefix> addressPrefixes, ArmId routeTableId, int usedAddresses) {
        this(id, name, addressPrefixes, routeTableId, usedAddresses, null);
    }
}
