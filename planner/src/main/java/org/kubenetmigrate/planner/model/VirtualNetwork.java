package org.kubenetmigrate.planner.model;

import java.util.List;
import java.util.Optional;
import org.kubenetmigrate.planner.cidr.IpPrefix;

/** A virtual network with its subnets and peerings. */
public record VirtualNetwork(
        ArmId id,
        String name,
        String subscriptionId,
        String resourceGroup,
        String location,
        List<IpPrefix> addressSpace,
        List<Subnet> subnets,
        List<Peering> peerings,
        String etag,
        SourceRef source) {

    public VirtualNetwork {
        addressSpace = List.copyOf(addressSpace);
        subnets = List.copyOf(subnets);
        peerings = List.copyOf(peerings);
    }

    public Optional<Subnet> subnet(ArmId subnetId) {
        for (Subnet subnet : subnets) {
            if (subnet.id().equals(subnetId)) {
                return Optional.of(subnet);
            }
        }
        return Optional.empty();
    }
}
