package org.kubenetmigrate.planner.model;

import java.util.List;

/** A route table with its routes and the ids of the subnets it is associated with. */
public record RouteTable(
        ArmId id,
        String name,
        String subscriptionId,
        String resourceGroup,
        List<Route> routes,
        List<ArmId> subnetIds,
        String etag,
        SourceRef source) {

    public RouteTable {
        routes = List.copyOf(routes);
        subnetIds = List.copyOf(subnetIds);
    }
}
