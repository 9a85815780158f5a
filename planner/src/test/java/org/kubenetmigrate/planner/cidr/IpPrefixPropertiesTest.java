package org.kubenetmigrate.planner.cidr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    /** IPv4 prefixes anywhere in the space, including above 128.0.0.0 where the top bit is set. */
    @Provide
    Arbitrary<IpPrefix> anyV4() {
        Arbitrary<Integer> lengths = Arbitraries.integers().between(0, 32);
        Arbitrary<Long> addresses = Arbitraries.oneOf(Arbitraries.longs().between(0, 0xffffffffL),
                Arbitraries.of(0L, 0x7fffffffL, 0x80000000L, 0xc0a80000L, 0xffffffffL));
        return Combinators.combine(lengths, addresses).as((length, address) -> IpPrefix.of(IpFamily.IPV4,
                BigInteger.valueOf(address).andNot(IpPrefix.hostMask(IpFamily.IPV4, length)), length));
    }

    // IPv4 prefixes are held as 32 bits rather than a BigInteger: these check that order, containment, equality and
    // text are those of the addresses as numbers, whatever the top bit.

    @Property
    void ipv4OrderIsThatOfTheFirstAddressThenTheLength(@ForAll("anyV4") IpPrefix a, @ForAll("anyV4") IpPrefix b) {
        int byNumbers = a.first().compareTo(b.first()) != 0 ? a.first().compareTo(b.first())
                : Integer.compare(a.length(), b.length());
        assertThat(Integer.signum(a.compareTo(b))).isEqualTo(Integer.signum(byNumbers));
        assertThat(a.compareTo(IpPrefix.parse("::/0"))).as("IPv4 sorts before IPv6").isNegative();
    }

    @Property
    void ipv4ContainmentIsThatOfTheAddressRanges(@ForAll("anyV4") IpPrefix a, @ForAll("anyV4") IpPrefix b) {
        boolean rangeInside = a.first().compareTo(b.first()) <= 0 && a.last().compareTo(b.last()) >= 0;
        assertThat(a.contains(b)).isEqualTo(rangeInside);
        assertThat(a.containsAddress(b.first())).isEqualTo(a.first().compareTo(b.first()) <= 0
                && a.last().compareTo(b.first()) >= 0);
        assertThat(a.last().subtract(a.first()).add(BigInteger.ONE)).isEqualTo(a.size());
    }

    @Property
    void ipv4EqualityAndHashFollowTheValue(@ForAll("anyV4") IpPrefix a) {
        IpPrefix same = IpPrefix.of(IpFamily.IPV4, a.first(), a.length());
        assertThat(same).isEqualTo(a).hasSameHashCodeAs(a);
        assertThat(a.compareTo(same)).isZero();
        assertThat(IpPrefix.parse(a.toString())).isEqualTo(a);
        IpPrefix sameBitsInIpv6 = IpPrefix.of(IpFamily.IPV6, a.first(), a.length() + 96);
        assertThat(a).isNotEqualTo(sameBitsInIpv6);
        assertThat(sameBitsInIpv6).isNotEqualTo(a);
        long first = a.first().longValueExact();
        assertThat(a.toString()).isEqualTo((first >>> 24) + "." + ((first >>> 16) & 0xff) + "."
                + ((first >>> 8) & 0xff) + "." + (first & 0xff) + "/" + a.length());
    }

    @Property
    void ipv4HalvesSplitTheRangeAtItsMiddle(@ForAll("anyV4") IpPrefix a) {
        if (a.length() == 32) {
            return;
        }
        IpPrefix[] halves = a.halves();
        assertThat(halves[0].first()).isEqualTo(a.first());
        assertThat(halves[1].first()).isEqualTo(halves[0].last().add(BigInteger.ONE));
        assertThat(halves[1].last()).isEqualTo(a.last());
    }

    @Property
    void canonicalIpv4TextIsReadBackAsItsBits(@ForAll("anyV4") IpPrefix a) {
        long bits = a.first().longValueExact();
        assertThat(IpAddresses.canonicalV4(IpAddresses.formatV4(bits))).isEqualTo(bits);
        String text = IpAddresses.formatV4(bits);
        for (String other : List.of(" " + text, text + ".", text + "0", "0" + text, text.replace(".", ".0"),
                text.substring(0, text.lastIndexOf('.')), text + ".1")) {
            long read = IpAddresses.canonicalV4(other);
            assertThat(read == -1 || IpAddresses.formatV4(read).equals(other)).as(other).isTrue();
        }
        assertThat(IpAddresses.canonicalV4("256.0.0.0")).isEqualTo(-1);
        assertThat(IpAddresses.canonicalV4("fd00::1")).isEqualTo(-1);
        assertThat(IpAddresses.canonicalV4("")).isEqualTo(-1);
    }

    /** Text that is often a dotted quad and often nearly one (leading zeros, 256, parts missing or extra). */
    @Provide
    Arbitrary<String> v4ish() {
        Arbitrary<String> part = Arbitraries.strings().withChars("0123456789").ofMinLength(0).ofMaxLength(4);
        Arbitrary<String> quads = part.list().ofMinSize(3).ofMaxSize(5).map(parts -> String.join(".", parts));
        Arbitrary<String> noise = Arbitraries.strings().withChars("0123456789. a").ofMinLength(1).ofMaxLength(16);
        return Arbitraries.oneOf(quads, noise);
    }

    @Property
    void anAddressParsesExactlyWhenItIsADottedQuad(@ForAll("v4ish") String text) {
        long quad = IpAddresses.canonicalV4(text);
        if (quad < 0) {
            assertThatThrownBy(() -> IpAddresses.parseV4(text))
                    .isInstanceOf(CidrFormatException.class).hasMessageContaining("is not an IPv4 address");
        } else {
            assertThat(IpAddresses.parseV4(text)).isEqualTo(quad);
            assertThat(IpAddresses.formatV4(quad)).isEqualTo(text);
        }
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
