package org.kubenetmigrate.planner.input;

import java.util.ArrayList;
import java.util.List;
import org.kubenetmigrate.planner.cidr.IpPrefix;
import org.kubenetmigrate.planner.model.ArmId;
import org.kubenetmigrate.planner.model.Peering;
import org.kubenetmigrate.planner.model.Subnet;
import org.kubenetmigrate.planner.model.VirtualNetwork;

/** Maps a {@code Microsoft.Network/virtualNetworks} resource (Network api-version 2025-03-01 field names). */
final class VirtualNetworkReader {
    private VirtualNetworkReader() {
    }

    static VirtualNetwork read(JsonFields resource) throws InputException {
        ArmId id = resource.requiredArmId("id");
        String name = resource.requiredString("name");
        JsonFields props = resource.propertiesOrSelf();
        List<Subnet> subnets = new ArrayList<>();
        for (JsonFields subnet : props.objects("subnets")) {
            subnets.add(subnet(subnet));
        }
        List<Peering> peerings = new ArrayList<>();
        for (JsonFields peering : props.objects("virtualNetworkPeerings")) {
            peerings.add(peering(peering));
        }
        return new VirtualNetwork(
                id,
                name,
                Resources.subscriptionId(resource, id),
                Resources.resourceGroup(resource, id),
                resource.string("location"),
                props.object("addressSpace").prefixes("addressPrefixes"),
                subnets,
                peerings,
                resource.string("etag"),
                resource.source());
    }

    /** Subnets and peerings nest like resources: ARM puts their fields under "properties", az flattens them. */
    private static Subnet subnet(JsonFields subnet) throws InputException {
        // Lookups (Fleet, VirtualNetwork.subnet) are by id, so a subnet without one is unusable.
        ArmId id = subnet.requiredArmId("id");
        JsonFields props = subnet.propertiesOrSelf();
        // A subnet has either the single "addressPrefix" or, with several ranges, "addressPrefixes"; take both.
        List<IpPrefix> prefixes = new ArrayList<>();
        IpPrefix single = props.prefix("addressPrefix");
        if (single != null) {
            prefixes.add(single);
        }
        for (IpPrefix p : props.prefixes("addressPrefixes")) {
            if (!prefixes.contains(p)) {
                prefixes.add(p);
            }
        }
        String name = subnet.string("name");
        return new Subnet(
                id,
                name == null ? id.name() : name,
                prefixes,
                props.object("routeTable").armId("id"),
                // Only counted: a bare array's trees keep these elements empty (ResourceTree); reading into them
                // means changing that class too.
                props.objects("ipConfigurations").size(),
                props.object("networkSecurityGroup").armId("id"));
    }

    private static Peering peering(JsonFields peering) throws InputException {
        JsonFields props = peering.propertiesOrSelf();
        return new Peering(
                peering.string("name"),
                props.object("remoteVirtualNetwork").armId("id"),
                props.object("remoteAddressSpace").prefixes("addressPrefixes"),
                props.string("peeringState"),
                props.bool("useRemoteGateways"));
    }
}
