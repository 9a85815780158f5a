package org.kubenetmigrate.planner.input;

import java.util.ArrayList;
import java.util.List;
import org.kubenetmigrate.planner.cidr.IpPrefix;
import org.kubenetmigrate.planner.model.ArmId;
import org.kubenetmigrate.planner.model.Route;
import org.kubenetmigrate.planner.model.RouteTable;

/** Maps a {@code Microsoft.Network/routeTables} resource (Network api-version 2025-03-01 field names). */
final class RouteTableReader {
    private RouteTableReader() {
    }

    static RouteTable read(JsonFields resource) throws InputException {
        ArmId id = resource.requiredArmId("id");
        String name = resource.requiredString("name");
        JsonFields props = resource.propertiesOrSelf();
        List<Route> routes = new ArrayList<>();
        for (JsonFields route : props.objects("routes")) {
            routes.add(route(route));
        }
        List<ArmId> subnetIds = new ArrayList<>();
        for (JsonFields subnet : props.objects("subnets")) {
            subnetIds.add(subnet.requiredArmId("id"));
        }
        return new RouteTable(
                id,
                name,
                Resources.subscriptionId(resource, id),
                Resources.resourceGroup(resource, id),
                routes,
                subnetIds,
                resource.string("etag"),
                resource.source());
    }

    /** A bare array's trees keep only the fields read here (ResourceTree): reading another means adding it there. */
    private static Route route(JsonFields route) throws InputException {
        JsonFields props = route.propertiesOrSelf();
        String addressPrefix = props.string("addressPrefix");
        IpPrefix prefix = looksLikeCidr(addressPrefix) ? props.prefix("addressPrefix") : null;
        return new Route(
                route.string("name"),
                addressPrefix,
                prefix,
                props.string("nextHopType"),
                props.address("nextHopIpAddress"));
    }

    /**
     * Azure accepts a service tag ({@code Internet}, {@code AzureCloud.westeurope}) as a route's address prefix. Tags
     * start with a letter, so anything starting with a digit or holding a ':' is meant as a CIDR and must parse as
     * one; otherwise a typo such as {@code 10.0.0.0/33} would silently pass as a "tag".
     */
    static boolean looksLikeCidr(String addressPrefix) {
        if (addressPrefix == null || addressPrefix.isBlank()) {
            return false;
        }
        String text = addressPrefix.trim();
        return Character.isDigit(text.charAt(0)) || text.contains(":");
    }
}
