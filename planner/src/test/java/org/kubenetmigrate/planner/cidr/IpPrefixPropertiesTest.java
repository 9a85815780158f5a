package org.kubenetmigrate.planner.cidr;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** The prefix algebra, checked on random IPv4 and IPv6 prefixes. */
class IpPrefixPropertiesTest {

    @Provide
    Arbitrary<IpPrefix> v4() {
        return prefixes(IpFamily.IPV4);
    }

    @Provide
    Arbitrary<IpPrefix> v6() {
        return prefixes(IpFamily.IPV6);
    }

    @Provide
    Arbitrary<IpPrefix> any() {
        return Arbitraries.oneOf(prefixes(IpFamily.IPV4), prefixes(IpFamily.IPV6));
    }

    /** Random prefixes clustered in a small region so that overlaps are common. */
    private static Arbitrary<IpPrefix> prefixes(IpFamily family) {
        int bits = family.bits();
        Arbitrary<Integer> lengths = Arbitraries.integers().between(bits - 12, bits);
        Arbitrary<Long> offsets = Arbitraries.longs().between(0, (1L << 12) - 1);
        BigInteger base = family == IpFamily.IPV4 ? BigInteger.valueOf(10L << 24)
                : new BigInteger("fd000000000000000000000000000000", 16);
        return Combinators.combine(lengths, offsets).as((length, offset) -> {
            BigInteger address = base.add(BigInteger.valueOf(offset));
            BigInteger network = address.andNot(IpPrefix.hostMask(family, length));
            return IpPrefix.of(family, network, length);
        });
    }

    @Property
    void formatThenParseGivesTheSamePrefix(@ForAll("any") IpPrefix prefix) {
        assertThat(IpPrefix.parse(prefix.toString())).isEqualTo(prefix);
    }

    @Property
    void overlapIsSymmetric(@ForAll("any") IpPrefix a, @ForAll("any") IpPrefix b) {
        assertThat(a.overlaps(b)).isEqualTo(b.overlaps(a));
    }

    @Property
    void overlapMeansOneContainsTheOther(@ForAll("v4") IpPrefix a, @ForAll("v4") IpPrefix b) {
        boolean rangesIntersect = a.first().compareTo(b.last()) <= 0 && b.first().compareTo(a.last()) <= 0;
        assertThat(a.overlaps(b)).isEqualTo(rangesIntersect);
        assertThat(a.overlaps(b)).isEqualTo(a.contains(b) || b.contains(a));
    }

    @Property
    void subtractLeavesExactlyTheAddressesNotTaken(@ForAll("v6") IpPrefix a, @ForAll("v6") IpPrefix b) {
        List<IpPrefix> rest = a.subtract(b);
        BigInteger restSize = rest.stream().map(IpPrefix::size).reduce(BigInteger.ZERO, BigInteger::add);
        BigInteger takenSize = a.overlaps(b) ? (a.contains(b) ? b.size() : a.size()) : BigInteger.ZERO;
        assertThat(restSize).isEqualTo(a.size().subtract(takenSize));
        for (IpPrefix piece : rest) {
            assertThat(a.contains(piece)).isTrue();
            assertThat(piece.overlaps(b)).isFalse();
        }
        for (int i = 1; i < rest.size(); i++) {
            assertThat(rest.get(i - 1).last()).isLessThan(rest.get(i).first());
        }
    }

    @Property
    void halvesCoverTheParentWithoutOverlap(@ForAll("v4") IpPrefix a) {
        if (a.length() == 32) {
            return;
        }
        IpPrefix[] halves = a.halves();
        assertThat(halves[0].overlaps(halves[1])).isFalse();
        assertThat(a.contains(halves[0]) && a.contains(halves[1])).isTrue();
        assertThat(halves[0].size().add(halves[1].size())).isEqualTo(a.size());
    }

    @Property
    void firstFitReturnsAnAlignedFreeBlockInsideACandidate(@ForAll("v4") IpPrefix candidate,
                                                           @ForAll("v4") IpPrefix taken1,
                                                           @ForAll("v4") IpPrefix taken2,
                                                           @ForAll @IntRange(min = 20, max = 32) int length) {
        List<IpPrefix> taken = List.of(taken1, taken2);
        Optional<IpPrefix> block = FreeBlocks.firstFit(List.of(candidate), taken, length);
        List<IpPrefix> free = FreeBlocks.subtract(List.of(candidate), taken);
        boolean roomExists = free.stream().anyMatch(f -> f.length() <= length);
        assertThat(block.isPresent()).isEqualTo(roomExists);
        block.ifPresent(b -> {
            assertThat(b.length()).isEqualTo(length);
            assertThat(candidate.contains(b)).isTrue();
            assertThat(taken).noneMatch(t -> t.overlaps(b));
            // lowest: no free aligned block of that length starts lower
            List<IpPrefix> lower = new ArrayList<>();
            for (IpPrefix f : free) {
                if (f.length() <= length && f.first().compareTo(b.first()) < 0) {
                    lower.add(f);
                }
            }
            assertThat(lower).isEmpty();
        });
    }
}
