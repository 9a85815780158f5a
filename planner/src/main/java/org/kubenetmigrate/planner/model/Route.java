package org.kubenetmigrate.planner.model;

import java.util.List;
import java.util.Objects;
import org.kubenetmigrate.planner.cidr.IpAddresses;
import org.kubenetmigrate.planner.cidr.IpPrefix;

/**
 * A route. {@code addressPrefix} is kept as written because Azure also allows service tags there;
 * {@code prefix} is its parsed form, or null for a service tag.
 *
 * <p>A final class with a record's constructor, accessors, equality and text rather than a record, so that it can
 * hold less than its components: a kubenet cluster's route table has a route per node, and routes were the largest
 * part of a fleet's model. An address prefix written in canonical form is not held beside its parsed prefix, a next
 * hop address in canonical IPv4 form is held as its 32 bits, and a next hop type Azure defines is one shared string;
 * every accessor returns text equal to what was given.
 */
public final class Route {
    /** The next hop types Azure defines (Microsoft.Network routes), as Azure spells them. */
    private static final List<String> NEXT_HOP_TYPES =
            List.of("VirtualAppliance", "VirtualNetworkGateway", "VnetLocal", "Internet", "None");
    /** In {@link #nextHopV4} when the next hop address is held as text (or absent). */
    private static final long AS_TEXT = -1;

    private final String name;
    /** The address prefix as written when it is not the canonical text of {@link #prefix}; else null. */
    private final String addressPrefixText;
    private final IpPrefix prefix;
    private final String nextHopType;
    /** The next hop address when it is not a canonical IPv4 address; else null. */
    private final String nextHopText;
    private final long nextHopV4;

    public Route(String name, String addressPrefix, IpPrefix prefix, String nextHopType, String nextHopIpAddress) {
        // A parsed prefix always comes with its text; holding neither would read back as the prefix's text.
        if (prefix != null && addressPrefix == null) {
            throw new IllegalArgumentException("route " + name + ": a parsed prefix needs the text it was parsed from");
        }
        this.name = name;
        this.prefix = prefix;
        this.addressPrefixText = prefix != null && addressPrefix.equals(prefix.toString()) ? null : addressPrefix;
        this.nextHopType = shared(nextHopType);
        long v4 = nextHopIpAddress == null ? AS_TEXT : IpAddresses.canonicalV4(nextHopIpAddress);
        this.nextHopV4 = v4;
        this.nextHopText = v4 == AS_TEXT ? nextHopIpAddress : null;
    }

    private static String shared(String nextHopType) {
        for (String known : NEXT_HOP_TYPES) {
            if (known.equals(nextHopType)) {
                return known;
            }
        }
        return nextHopType;
    }

    public String name() {
        return name;
    }

    public String addressPrefix() {
        return addressPrefixText != null || prefix == null ? addressPrefixText : prefix.toString();
    }

    public IpPrefix prefix() {
        return prefix;
    }

    public String nextHopType() {
        return nextHopType;
    }

    public String nextHopIpAddress() {
        return nextHopV4 == AS_TEXT ? nextHopText : IpAddresses.formatV4(nextHopV4);
    }

    /** True for the IPv4 default route, which carries UDR egress. */
    public boolean isDefaultRoute() {
        return prefix != null && prefix.length() == 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Route r && Objects.equals(name, r.name) && Objects.equals(addressPrefixText, r.addressPrefixText)
                && Objects.equals(prefix, r.prefix) && Objects.equals(nextHopType, r.nextHopType)
                && Objects.equals(nextHopText, r.nextHopText) && nextHopV4 == r.nextHopV4;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, addressPrefixText, prefix, nextHopType, nextHopText, nextHopV4);
    }

    /** As a record would print it. */
    @Override
    public String toString() {
        return "Route[name=" + name + ", addressPrefix=" + addressPrefix() + ", prefix=" + prefix + ", nextHopType="
                + nextHopType + ", nextHopIpAddress=" + nextHopIpAddress() + "]";
    }
}
