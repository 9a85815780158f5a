package org.kubenetmigrate.planner.model;

import org.kubenetmigrate.planner.cidr.IpPrefix;

/**
 * A route. {@code addressPrefix} is kept as written because Azure also allows service tags there;
 * {@code prefix} is its parsed form, or null for a service tag.
 */
public record Route(String name, String addressPrefix, IpPrefix prefix, String nextHopType, String nextHopIpAddress) {

    /** True for the IPv4 default route, which carries UDR egress. */
    public boolean isDefaultRoute() {
        return prefix != null && prefix.length() == 0;
    }
}
