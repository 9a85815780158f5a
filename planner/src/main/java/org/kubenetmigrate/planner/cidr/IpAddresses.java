package org.kubenetmigrate.planner.cidr;

import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * Text form of IP addresses. Written by hand rather than with {@code InetAddress}, which may fall back
 * to a DNS lookup for a string that is not a literal: parsing input must never touch the network.
 */
public final class IpAddresses {
    private IpAddresses() {
    }

    public static BigInteger parse(String text, IpFamily family) {
        return family == IpFamily.IPV4 ? BigInteger.valueOf(parseV4(text)) : parseV6(text);
    }

    public static String format(IpFamily family, BigInteger value) {
        return family == IpFamily.IPV4 ? formatV4(value.longValueExact()) : formatV6(value);
    }

    // Compiled once: String.matches compiles its pattern on every call, and a fleet has millions of addresses.
    private static final Pattern V6_GROUP = Pattern.compile("[0-9a-fA-F]{1,4}");

    /** "0", or one to three digits without a leading zero: what the pattern 0|[1-9]\\d{0,2} accepts. */
    static boolean isOctetText(String part) {
        int n = part.length();
        if (n == 0 || n > 3 || (n > 1 && part.charAt(0) == '0')) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = part.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** An IPv4 address as its 32 bits (unsigned, in a long): what {@link IpPrefix} holds without a BigInteger. */
    static long parseV4(String text) {
        long canonical = canonicalV4(text);
        if (canonical >= 0) {
            return canonical;
        }
        // Not a dotted quad: taken apart again only to say what is wrong with it.
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            throw new CidrFormatException("'" + text + "' is not an IPv4 address (expected four dot-separated numbers)");
        }
        for (String part : parts) {
            if (!isOctetText(part)) {
                throw new CidrFormatException("'" + text + "' is not an IPv4 address (bad part '" + part + "')");
            }
            int octet = Integer.parseInt(part);
            if (octet > 255) {
                throw new CidrFormatException("'" + text + "' is not an IPv4 address (" + octet + " is above 255)");
            }
        }
        throw new IllegalStateException("'" + text + "' is a dotted quad, yet not read as one");
    }

    private static BigInteger parseV6(String text) {
        String body = text;
        int[] tailV4 = null;
        int lastColon = body.lastIndexOf(':');
        if (lastColon >= 0 && body.indexOf('.', lastColon) > 0) {
            long v4 = parseV4(body.substring(lastColon + 1));
            tailV4 = new int[] {(int) (v4 >>> 16), (int) (v4 & 0xffff)};
            body = body.substring(0, lastColon + 1) + "0:0";
        }
        int doubleColon = body.indexOf("::");
        if (doubleColon >= 0 && body.indexOf("::", doubleColon + 1) >= 0) {
            throw new CidrFormatException("'" + text + "' is not an IPv6 address ('::' appears twice)");
        }
        String[] head;
        String[] tail;
        if (doubleColon >= 0) {
            head = splitGroups(body.substring(0, doubleColon), text);
            tail = splitGroups(body.substring(doubleColon + 2), text);
            if (head.length + tail.length > 7) {
                throw new CidrFormatException("'" + text + "' is not an IPv6 address (too many groups)");
            }
        } else {
            head = splitGroups(body, text);
            tail = new String[0];
            if (head.length != 8) {
                throw new CidrFormatException("'" + text + "' is not an IPv6 address (expected 8 groups)");
            }
        }
        int[] groups = new int[8];
        for (int i = 0; i < head.length; i++) {
            groups[i] = parseGroup(head[i], text);
        }
        for (int i = 0; i < tail.length; i++) {
            groups[8 - tail.length + i] = parseGroup(tail[i], text);
        }
        if (tailV4 != null) {
            groups[6] = tailV4[0];
            groups[7] = tailV4[1];
        }
        BigInteger value = BigInteger.ZERO;
        for (int group : groups) {
            value = value.shiftLeft(16).or(BigInteger.valueOf(group));
        }
        return value;
    }

    private static String[] splitGroups(String part, String original) {
        if (part.isEmpty()) {
            return new String[0];
        }
        String[] groups = part.split(":", -1);
        for (String g : groups) {
            if (g.isEmpty()) {
                throw new CidrFormatException("'" + original + "' is not an IPv6 address (empty group)");
            }
        }
        return groups;
    }

    private static int parseGroup(String group, String original) {
        if (!V6_GROUP.matcher(group).matches()) {
            throw new CidrFormatException("'" + original + "' is not an IPv6 address (bad group '" + group + "')");
        }
        return Integer.parseInt(group, 16);
    }

    /**
     * The 32 bits of {@code text} when it is an IPv4 address written as {@link #formatV4} writes it (four octets in
     * decimal without leading zeros or spaces), else -1; so that a caller may hold the bits and give back equal text.
     */
    public static long canonicalV4(String text) {
        long value = 0;
        int octets = 0;
        int i = 0;
        int n = text.length();
        while (i < n && octets < 4) {
            int start = i;
            int octet = 0;
            while (i < n && i - start < 3 && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                octet = octet * 10 + (text.charAt(i) - '0');
                i++;
            }
            if (i == start || octet > 255 || (i - start > 1 && text.charAt(start) == '0')) {
                return -1;
            }
            value = (value << 8) | octet;
            octets++;
            if (octets < 4) {
                if (i >= n || text.charAt(i) != '.') {
                    return -1;
                }
                i++;
            }
        }
        return octets == 4 && i == n ? value : -1;
    }

    /** An IPv4 address (32 bits, unsigned, in a long) as a dotted quad. */
    public static String formatV4(long value) {
        return ((value >>> 24) & 0xff) + "." + ((value >>> 16) & 0xff) + "." + ((value >>> 8) & 0xff) + "." + (value & 0xff);
    }

    /** RFC 5952: lower case, no leading zeros, the longest run (first on a tie) of two or more zero groups as "::". */
    private static String formatV6(BigInteger value) {
        int[] groups = new int[8];
        for (int i = 7; i >= 0; i--) {
            groups[i] = value.intValue() & 0xffff;
            value = value.shiftRight(16);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLength - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(groups[i]));
        }
        return sb.toString();
    }
}
