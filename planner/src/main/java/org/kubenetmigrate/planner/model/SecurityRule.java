package org.kubenetmigrate.planner.model;

import java.util.List;
import java.util.Locale;

/**
 * One NSG rule. Address prefixes are kept as written: a CIDR, an address, {@code *}, or a service tag such as
 * {@code VirtualNetwork}. {@code applicationSecurityGroups} is true when the rule names application security groups
 * on either side (membership is per NIC and not in the input).
 */
public record SecurityRule(String name, int priority, Direction direction, Access access, String protocol,
                           List<String> sourcePrefixes, List<String> destinationPrefixes,
                           List<String> destinationPorts, boolean applicationSecurityGroups) {

    public SecurityRule {
        sourcePrefixes = List.copyOf(sourcePrefixes);
        destinationPrefixes = List.copyOf(destinationPrefixes);
        destinationPorts = List.copyOf(destinationPorts);
    }

    public enum Direction {
        INBOUND, OUTBOUND;

        public static Direction parse(String text) {
            return text != null && text.trim().toLowerCase(Locale.ROOT).startsWith("out") ? OUTBOUND : INBOUND;
        }
    }

    public enum Access {
        ALLOW, DENY;

        public static Access parse(String text) {
            return text != null && text.trim().equalsIgnoreCase("Deny") ? DENY : ALLOW;
        }
    }

    /** True when the rule applies to every protocol and every destination port. */
    public boolean allTraffic() {
        boolean anyProtocol = protocol == null || protocol.equals("*") || protocol.equalsIgnoreCase("Any");
        boolean anyPort = destinationPorts.isEmpty() || destinationPorts.contains("*")
                || destinationPorts.contains("0-65535");
        return anyProtocol && anyPort;
    }

    /**
     * Azure's default rules, as documented on https://learn.microsoft.com/azure/virtual-network/network-security-groups-overview
     * (every NSG has them; exports normally list them under {@code defaultSecurityRules}).
     */
    public static List<SecurityRule> azureDefaults() {
        return List.of(
                new SecurityRule("AllowVnetInBound", 65000, Direction.INBOUND, Access.ALLOW, "*",
                        List.of("VirtualNetwork"), List.of("VirtualNetwork"), List.of("*"), false),
                new SecurityRule("AllowAzureLoadBalancerInBound", 65001, Direction.INBOUND, Access.ALLOW, "*",
                        List.of("AzureLoadBalancer"), List.of("*"), List.of("*"), false),
                new SecurityRule("DenyAllInBound", 65500, Direction.INBOUND, Access.DENY, "*",
                        List.of("*"), List.of("*"), List.of("*"), false),
                new SecurityRule("AllowVnetOutBound", 65000, Direction.OUTBOUND, Access.ALLOW, "*",
                        List.of("VirtualNetwork"), List.of("VirtualNetwork"), List.of("*"), false),
                new SecurityRule("AllowInternetOutBound", 65001, Direction.OUTBOUND, Access.ALLOW, "*",
                        List.of("*"), List.of("Internet"), List.of("*"), false),
                new SecurityRule("DenyAllOutBound", 65500, Direction.OUTBOUND, Access.DENY, "*",
                        List.of("*"), List.of("*"), List.of("*"), false));
    }
}
