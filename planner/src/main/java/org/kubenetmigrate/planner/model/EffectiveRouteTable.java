package org.kubenetmigrate.planner.model;

import java.util.List;

/**
 * The effective routes of one network interface, as {@code az network nic show-effective-route-table} prints them.
 * The output names neither the NIC nor its network; {@code virtualNetworkPrefixes} (the routes Azure adds for the
 * NIC's own address space, source {@code Default}, next hop {@code VnetLocal}) tell which virtual network it sits in.
 *
 * @param networkInterfaceId the NIC, when the input says (a live read), else null
 */
public record EffectiveRouteTable(ArmId networkInterfaceId, List<EffectiveRoute> routes, SourceRef source) {

    public EffectiveRouteTable {
        routes = List.copyOf(routes);
    }

    /**
     * One effective route. {@code source} is {@code Default}, {@code User}, {@code VirtualNetworkGateway}…;
     * {@code addressPrefixes} may hold several prefixes (and service tags are not used here).
     */
    public record EffectiveRoute(String source, String state, List<String> addressPrefixes, String nextHopType) {
        public EffectiveRoute {
            addressPrefixes = List.copyOf(addressPrefixes);
        }

        public boolean fromGateway() {
            return "VirtualNetworkGateway".equalsIgnoreCase(source);
        }

        public boolean vnetLocal() {
            return "VnetLocal".equalsIgnoreCase(nextHopType) && "Default".equalsIgnoreCase(source);
        }
    }

    /** The address space of the NIC's virtual network, as the table shows it. */
    public List<String> virtualNetworkPrefixes() {
        return routes.stream().filter(EffectiveRoute::vnetLocal).flatMap(r -> r.addressPrefixes().stream()).toList();
    }
}
