package org.kubenetmigrate.planner.cidr;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An IPv4 or IPv6 network prefix such as {@code 10.244.0.0/16} or {@code fd12:3456:789a::/64}.
 *
 * <p>Parsing is strict: a prefix whose host bits are set ({@code 10.244.1.0/16}) is rejected rather than
 * silently normalised, because Azure rejects such values too and a silently moved range would make the
 * planner reason about addresses the user never wrote.
 */
public final class IpPrefix implements Comparable<IpPrefix> {
    private static final Pattern LENGTH = Pattern.compile("\\d{1,3}");

    // A fleet holds hundreds of thousands of prefixes (routes, subnets, pod CIDRs), nearly all IPv4: an IPv4 network
    // is held as its 32 bits, so a prefix is one small object instead of one plus a BigInteger and its int[] (about a
    // quarter of the memory). Only IPv6 networks, which need 128 bits, keep a BigInteger; its presence is the family.
    private final int v4Network;
    private final BigInteger v6Network;
    private final short length;

    private IpPrefix(int v4Network, BigInteger v6Network, int length) {
        this.v4Network = v4Network;
        this.v6Network = v6Network;
        this.length = (short) length;
    }

    private static IpPrefix v4(long network, int length) {
        return new IpPrefix((int) network, null, length);
    }

    private static IpPrefix v6(BigInteger network, int length) {
        return new IpPrefix(0, network, length);
    }

    /** Builds a prefix from an address and a length; the address must be aligned to the length. */
    public static IpPrefix of(IpFamily family, BigInteger network, int length) {
        Objects.requireNonNull(family, "family");
        checkLength(family, length);
        if (network.signum() < 0 || network.bitLength() > family.bits()) {
            throw new CidrFormatException("address is outside the " + family + " range");
        }
        if (family == IpFamily.IPV4) {
            return ofV4(network.longValue(), length);
        }
        if (!network.and(hostMask(family, length)).equals(BigInteger.ZERO)) {
            throw hostBitsSet(family, network, network.andNot(hostMask(family, length)), length);
        }
        return v6(network, length);
    }

    private static void checkLength(IpFamily family, int length) {
        if (length < 0 || length > family.bits()) {
            throw new CidrFormatException("prefix length " + length + " is outside 0.." + family.bits());
        }
    }

    private static IpPrefix ofV4(long network, int length) {
        checkLength(IpFamily.IPV4, length);
        if ((network & v4HostMask(length)) != 0) {
            throw hostBitsSet(IpFamily.IPV4, BigInteger.valueOf(network),
                    BigInteger.valueOf(network & ~v4HostMask(length)), length);
        }
        return v4(network, length);
    }

    private static CidrFormatException hostBitsSet(IpFamily family, BigInteger network, BigInteger aligned, int length) {
        return new CidrFormatException("host bits are set in " + IpAddresses.format(family, network) + "/" + length
                + " (the network address is " + IpAddresses.format(family, aligned) + "/" + length + ")");
    }

    /** Parses {@code address/length}; a missing length, a bad address or set host bits are errors. */
    public static IpPrefix parse(String text) {
        if (text == null || text.isBlank()) {
            throw new CidrFormatException("empty CIDR");
        }
        String trimmed = text.trim();
        int slash = trimmed.indexOf('/');
        if (slash < 0) {
            throw new CidrFormatException("'" + trimmed + "' has no prefix length (expected address/length)");
        }
        String address = trimmed.substring(0, slash);
        String lengthText = trimmed.substring(slash + 1);
        IpFamily family = address.contains(":") ? IpFamily.IPV6 : IpFamily.IPV4;
        long v4Value = family == IpFamily.IPV4 ? IpAddresses.parseV4(address) : 0;
        BigInteger v6Value = family == IpFamily.IPV6 ? IpAddresses.parse(address, family) : null;
        if (!LENGTH.matcher(lengthText).matches()) {
            throw new CidrFormatException("'" + trimmed + "' has an invalid prefix length '" + lengthText + "'");
        }
        int length = Integer.parseInt(lengthText);
        if (length > family.bits()) {
            throw new CidrFormatException("'" + trimmed + "' has prefix length " + length + ", more than " + family.bits());
        }
        return family == IpFamily.IPV4 ? ofV4(v4Value, length) : of(family, v6Value, length);
    }

    /** Parses a bare address as a host prefix (/32 or /128). */
    public static IpPrefix parseHost(String text) {
        if (text == null || text.isBlank()) {
            throw new CidrFormatException("empty address");
        }
        String trimmed = text.trim();
        return trimmed.contains(":")
                ? v6(IpAddresses.parse(trimmed, IpFamily.IPV6), IpFamily.IPV6.bits())
                : v4(IpAddresses.parseV4(trimmed), IpFamily.IPV4.bits());
    }

    public IpFamily family() {
        return v6Network == null ? IpFamily.IPV4 : IpFamily.IPV6;
    }

    private boolean isV4() {
        return v6Network == null;
    }

    private long v4First() {
        return Integer.toUnsignedLong(v4Network);
    }

    public int length() {
        return length;
    }

    /** The first address. */
    public BigInteger first() {
        return isV4() ? BigInteger.valueOf(v4First()) : v6Network;
    }

    /** The last address. */
    public BigInteger last() {
        return isV4() ? BigInteger.valueOf(v4First() | v4HostMask(length)) : v6Network.or(hostMask(IpFamily.IPV6, length));
    }

    /** The number of addresses, 2^(bits - length). */
    public BigInteger size() {
        return BigInteger.ONE.shiftLeft(family().bits() - length);
    }

    /** The number of aligned blocks of {@code blockLength} this prefix holds (0 when the prefix is smaller). */
    public BigInteger blocksOf(int blockLength) {
        if (blockLength < length) {
            return BigInteger.ZERO;
        }
        return BigInteger.ONE.shiftLeft(blockLength - length);
    }

    public boolean contains(IpPrefix other) {
        if (isV4() != other.isV4() || length > other.length) {
            return false;
        }
        return isV4()
                ? (other.v4First() & ~v4HostMask(length)) == v4First()
                : other.v6Network.andNot(hostMask(IpFamily.IPV6, length)).equals(v6Network);
    }

    public boolean containsAddress(BigInteger address) {
        return address.compareTo(first()) >= 0 && address.compareTo(last()) <= 0;
    }

    public boolean overlaps(IpPrefix other) {
        return isV4() == other.isV4() && (contains(other) || other.contains(this));
    }

    /** What is left of this prefix once {@code other} is taken out, as aligned prefixes in address order. */
    public List<IpPrefix> subtract(IpPrefix other) {
        List<IpPrefix> pieces = new ArrayList<>();
        subtractInto(this, other, pieces);
        pieces.sort(null);
        return pieces;
    }

    private static void subtractInto(IpPrefix from, IpPrefix taken, List<IpPrefix> out) {
        if (!from.overlaps(taken)) {
            out.add(from);
            return;
        }
        if (taken.contains(from)) {
            return;
        }
        IpPrefix[] halves = from.halves();
        subtractInto(halves[0], taken, out);
        subtractInto(halves[1], taken, out);
    }

    /** The two prefixes one bit longer that make up this one. */
    public IpPrefix[] halves() {
        IpFamily family = family();
        if (length == family.bits()) {
            throw new IllegalStateException(this + " cannot be split");
        }
        int childLength = length + 1;
        if (isV4()) {
            long upper = v4First() | (1L << (family.bits() - childLength));
            return new IpPrefix[] {v4(v4First(), childLength), v4(upper, childLength)};
        }
        BigInteger upper = v6Network.setBit(family.bits() - childLength);
        return new IpPrefix[] {v6(v6Network, childLength), v6(upper, childLength)};
    }

    @Override
    public int compareTo(IpPrefix o) {
        int byFamily = family().compareTo(o.family());
        if (byFamily != 0) {
            return byFamily;
        }
        int byNetwork = isV4() ? Long.compare(v4First(), o.v4First()) : v6Network.compareTo(o.v6Network);
        return byNetwork != 0 ? byNetwork : Integer.compare(length, o.length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IpPrefix p && length == p.length && v4Network == p.v4Network
                && Objects.equals(v6Network, p.v6Network);
    }

    @Override
    public int hashCode() {
        return 31 * (isV4() ? v4Network : v6Network.hashCode() * 31 + 1) + length;
    }

    /** Canonical text: dotted quad for IPv4, RFC 5952 compressed lower case for IPv6. */
    @Override
    public String toString() {
        return (isV4() ? IpAddresses.formatV4(v4First()) : IpAddresses.format(IpFamily.IPV6, v6Network)) + "/" + length;
    }

    /** The host bits of an IPv4 prefix of {@code length}: 2^(32 - length) - 1. */
    private static long v4HostMask(int length) {
        return (1L << (IpFamily.IPV4.bits() - length)) - 1;
    }

    static BigInteger hostMask(IpFamily family, int length) {
        return (family == IpFamily.IPV4 ? V4_HOST_MASKS : V6_HOST_MASKS)[length];
    }

    // Every IPv6 prefix parsed and compared needs a mask; BigInteger masks computed once.
    private static final BigInteger[] V4_HOST_MASKS = masks(IpFamily.IPV4);
    private static final BigInteger[] V6_HOST_MASKS = masks(IpFamily.IPV6);

    private static BigInteger[] masks(IpFamily family) {
        BigInteger[] masks = new BigInteger[family.bits() + 1];
        for (int length = 0; length <= family.bits(); length++) {
            masks[length] = BigInteger.ONE.shiftLeft(family.bits() - length).subtract(BigInteger.ONE);
        }
        return masks;
    }
}
