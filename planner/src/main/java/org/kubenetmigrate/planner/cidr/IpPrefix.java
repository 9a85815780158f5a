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

    private final IpFamily family;
    private final BigInteger network;
    private final int length;

    private IpPrefix(IpFamily family, BigInteger network, int length) {
        this.family = family;
        this.network = network;
        this.length = length;
    }

    /** Builds a prefix from an address and a length; the address must be aligned to the length. */
    public static IpPrefix of(IpFamily family, BigInteger network, int length) {
        Objects.requireNonNull(family, "family");
        if (length < 0 || length > family.bits()) {
            throw new CidrFormatException("prefix length " + length + " is outside 0.." + family.bits());
        }
        if (network.signum() < 0 || network.bitLength() > family.bits()) {
            throw new CidrFormatException("address is outside the " + family + " range");
        }
        if (!network.and(hostMask(family, length)).equals(BigInteger.ZERO)) {
            throw new CidrFormatException("host bits are set in " + IpAddresses.format(family, network) + "/" + length
                    + " (the network address is " + IpAddresses.format(family, network.andNot(hostMask(family, length)))
                    + "/" + length + ")");
        }
        return new IpPrefix(family, network, length);
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
        BigInteger value = IpAddresses.parse(address, family);
        if (!LENGTH.matcher(lengthText).matches()) {
            throw new CidrFormatException("'" + trimmed + "' has an invalid prefix length '" + lengthText + "'");
        }
        int length = Integer.parseInt(lengthText);
        if (length > family.bits()) {
            throw new CidrFormatException("'" + trimmed + "' has prefix length " + length + ", more than " + family.bits());
        }
        return of(family, value, length);
    }

    /** Parses a bare address as a host prefix (/32 or /128). */
    public static IpPrefix parseHost(String text) {
        if (text == null || text.isBlank()) {
            throw new CidrFormatException("empty address");
        }
        String trimmed = text.trim();
        IpFamily family = trimmed.contains(":") ? IpFamily.IPV6 : IpFamily.IPV4;
        return new IpPrefix(family, IpAddresses.parse(trimmed, family), family.bits());
    }

    public IpFamily family() {
        return family;
    }

    public int length() {
        return length;
    }

    /** The first address. */
    public BigInteger first() {
        return network;
    }

    /** The last address. */
    public BigInteger last() {
        return network.or(hostMask(family, length));
    }

    /** The number of addresses, 2^(bits - length). */
    public BigInteger size() {
        return BigInteger.ONE.shiftLeft(family.bits() - length);
    }

    /** The number of aligned blocks of {@code blockLength} this prefix holds (0 when the prefix is smaller). */
    public BigInteger blocksOf(int blockLength) {
        if (blockLength < length) {
            return BigInteger.ZERO;
        }
        return BigInteger.ONE.shiftLeft(blockLength - length);
    }

    public boolean contains(IpPrefix other) {
        return family == other.family
                && length <= other.length
                && other.network.andNot(hostMask(family, length)).equals(network);
    }

    public boolean containsAddress(BigInteger address) {
        return address.compareTo(first()) >= 0 && address.compareTo(last()) <= 0;
    }

    public boolean overlaps(IpPrefix other) {
        return family == other.family && (contains(other) || other.contains(this));
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
        if (length == family.bits()) {
            throw new IllegalStateException(this + " cannot be split");
        }
        int childLength = length + 1;
        BigInteger upper = network.setBit(family.bits() - childLength);
        return new IpPrefix[] {new IpPrefix(family, network, childLength), new IpPrefix(family, upper, childLength)};
    }

    @Override
    public int compareTo(IpPrefix o) {
        int byFamily = family.compareTo(o.family);
        if (byFamily != 0) {
            return byFamily;
        }
        int byNetwork = network.compareTo(o.network);
        return byNetwork != 0 ? byNetwork : Integer.compare(length, o.length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IpPrefix p && family == p.family && length == p.length && network.equals(p.network);
    }

    @Override
    public int hashCode() {
        return Objects.hash(family, network, length);
    }

    /** Canonical text: dotted quad for IPv4, RFC 5952 compressed lower case for IPv6. */
    @Override
    public String toString() {
        return IpAddresses.format(family, network) + "/" + length;
    }

    static BigInteger hostMask(IpFamily family, int length) {
        return (family == IpFamily.IPV4 ? V4_HOST_MASKS : V6_HOST_MASKS)[length];
    }

    // Every prefix parsed and compared needs a mask; a fleet parses hundreds of thousands of prefixes.
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
