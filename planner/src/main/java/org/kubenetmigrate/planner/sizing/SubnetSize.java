package org.kubenetmigrate.planner.sizing;

/**
 * A subnet size.
 *
 * @param addressesNeeded addresses the workload needs
 * @param prefixLength the longest IPv4 prefix whose usable addresses (total minus Azure's 5 reserved) hold them
 * @param formula how {@code addressesNeeded} was computed, for the reader
 */
public record SubnetSize(long addressesNeeded, int prefixLength, String formula) {

    public static SubnetSize of(long addressesNeeded, String formula) {
        return new SubnetSize(addressesNeeded, lengthFor(addressesNeeded), formula);
    }

    /** Usable addresses in a subnet of this length. */
    public static long usable(int prefixLength) {
        return (1L << (32 - prefixLength)) - AzureLimits.RESERVED_ADDRESSES_PER_SUBNET;
    }

    static int lengthFor(long addresses) {
        for (int length = AzureLimits.SMALLEST_SUBNET_LENGTH; length >= 1; length--) {
            if (usable(length) >= addresses) {
                return length;
            }
        }
        throw new IllegalArgumentException(addresses + " addresses do not fit an IPv4 subnet");
    }
}
