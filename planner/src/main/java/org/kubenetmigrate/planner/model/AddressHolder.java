package org.kubenetmigrate.planner.model;

import java.util.List;

/**
 * A network resource that names IP addresses other resources send traffic to: a load balancer's or Application
 * Gateway's backend pool addresses, an Azure Firewall's rule destinations and NAT targets. On kubenet a pod IP there
 * is reachable (the VNet routes the pod CIDR); on Overlay it is not, so such an entry loses its pods.
 *
 * @param virtualNetworks the networks it sits in or reaches its backends in (from its subnets and backend
 *                        addresses); a holder is judged only against clusters whose node network is one of these or
 *                        peered with one
 * @param entries each named place (pool, rule) and the address or prefix it holds, as Azure wrote it
 */
public record AddressHolder(ArmId id, Kind kind, String name, List<ArmId> virtualNetworks, List<Entry> entries,
                            SourceRef source) {

    public AddressHolder {
        virtualNetworks = List.copyOf(virtualNetworks);
        entries = List.copyOf(entries);
    }

    /** What kind of resource holds the addresses. */
    public enum Kind {
        LOAD_BALANCER("Microsoft.Network/loadBalancers", "load balancer"),
        APPLICATION_GATEWAY("Microsoft.Network/applicationGateways", "application gateway"),
        FIREWALL("Microsoft.Network/azureFirewalls", "Azure Firewall");

        private final String armType;
        private final String label;

        Kind(String armType, String label) {
            this.armType = armType;
            this.label = label;
        }

        public String armType() {
            return armType;
        }

        public String label() {
            return label;
        }
    }

    /**
     * One address where it is held.
     *
     * @param place e.g. "backend pool be-pods", "NAT rule dnat-api"
     * @param address an IP address or prefix as written (firewall rules may also hold "*" or service tags)
     */
    public record Entry(String place, String address) {
    }
}
