package org.kubenetmigrate.planner.cidr;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Set arithmetic over prefixes and first-fit allocation of aligned free blocks. */
public final class FreeBlocks {
    private FreeBlocks() {
    }

    /** The parts of {@code ranges} not covered by any of {@code taken}, as prefixes in address order. */
    public static List<IpPrefix> subtract(Collection<IpPrefix> ranges, Collection<IpPrefix> taken) {
        List<IpPrefix> remaining = new ArrayList<>(ranges);
        for (IpPrefix t : taken) {
            List<IpPrefix> next = new ArrayList<>();
            for (IpPrefix r : remaining) {
                next.addAll(r.subtract(t));
            }
            remaining = next;
        }
        remaining.sort(null);
        return remaining;
    }

    /**
     * The lowest aligned block of {@code length} inside the first candidate range that has one, avoiding every
     * taken range. Candidates are tried in the order given, so the order is the caller's preference.
     */
    public static Optional<IpPrefix> firstFit(List<IpPrefix> candidates, Collection<IpPrefix> taken, int length) {
        for (IpPrefix candidate : candidates) {
            if (candidate.length() > length) {
                continue;
            }
            List<IpPrefix> sameFamilyTaken = taken.stream().filter(t -> t.family() == candidate.family()).toList();
            for (IpPrefix free : subtract(List.of(candidate), sameFamilyTaken)) {
                // A free piece is itself an aligned prefix, so its first address is aligned for any longer length.
                if (free.length() <= length) {
                    return Optional.of(IpPrefix.of(free.family(), free.first(), length));
                }
            }
        }
        return Optional.empty();
    }

    /** True when any two of the given prefixes overlap. */
    public static boolean anyOverlap(Collection<IpPrefix> prefixes, IpPrefix candidate) {
        return prefixes.stream().anyMatch(p -> p.overlaps(candidate));
    }
}
