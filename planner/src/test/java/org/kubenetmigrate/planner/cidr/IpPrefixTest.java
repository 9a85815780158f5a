package org.kubenetmigrate.planner.cidr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpPrefixTest {

    @Test
    void parsesTheWholeIpv4SpaceAsSlashZero() {
        IpPrefix all = IpPrefix.parse("0.0.0.0/0");
        assertThat(all.size()).isEqualTo(BigInteger.ONE.shiftLeft(32));
        assertThat(all.contains(IpPrefix.parse("10.244.0.0/16"))).isTrue();
        assertThat(all.overlaps(IpPrefix.parse("fd00::/8"))).as("families never overlap").isFalse();
    }

    @Test
    void aSlash32HoldsOneAddressAndCannotBeSplit() {
        IpPrefix host = IpPrefix.parse("10.0.0.10/32");
        assertThat(host.size()).isEqualTo(BigInteger.ONE);
        assertThat(host.first()).isEqualTo(host.last());
        assertThatThrownBy(host::halves).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aSlash128IsOneIpv6Address() {
        IpPrefix host = IpPrefix.parse("fd12:3456:789a::1/128");
        assertThat(host.size()).isEqualTo(BigInteger.ONE);
        assertThat(host.toString()).isEqualTo("fd12:3456:789a::1/128");
    }

    @Test
    void adjacentRangesDoNotOverlap() {
        IpPrefix a = IpPrefix.parse("10.0.0.0/24");
        IpPrefix b = IpPrefix.parse("10.0.1.0/24");
        assertThat(a.overlaps(b)).isFalse();
        assertThat(a.last().add(BigInteger.ONE)).isEqualTo(b.first());
    }

    @Test
    void subtractingAHoleLeavesAlignedPiecesInAddressOrder() {
        List<IpPrefix> rest = IpPrefix.parse("10.0.0.0/22").subtract(IpPrefix.parse("10.0.1.0/24"));
        assertThat(rest).extracting(IpPrefix::toString).containsExactly("10.0.0.0/24", "10.0.2.0/23");
    }

    @Test
    void slash16HoldsTwoHundredFiftySixSlash24Blocks() {
        assertThat(IpPrefix.parse("10.244.0.0/16").blocksOf(24)).isEqualTo(BigInteger.valueOf(256));
        assertThat(IpPrefix.parse("10.244.0.0/25").blocksOf(24)).isEqualTo(BigInteger.ZERO);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "10.244.0.0/33|prefix length 33, more than 32",
        "10.244.1.0/16|host bits are set in 10.244.1.0/16 (the network address is 10.244.0.0/16)",
        "10.244.0.0|has no prefix length",
        "300.1.0.0/16|300 is above 255",
        "10.1.0/16|expected four dot-separated numbers",
        "010.1.0.0/16|bad part '010'",
        "10.0.0.0/-1|invalid prefix length",
        "fd00::1::/64|'::' appears twice",
        "fd00:zz::/64|bad group 'zz'",
        "fd00::/129|prefix length 129, more than 128"})
    void rejectsMalformedPrefixesWithTheReason(String text, String reason) {
        assertThatThrownBy(() -> IpPrefix.parse(text))
                .isInstanceOf(CidrFormatException.class)
                .hasMessageContaining(reason);
    }

    @ParameterizedTest
    @ValueSource(strings = {"fd12:3456:789a::/64", "::/0", "2001:db8::1:0:0:1/128", "fd00:0:0:1::/64", "::1/128"})
    void formatsIpv6InRfc5952Form(String canonical) {
        assertThat(IpPrefix.parse(canonical).toString()).isEqualTo(canonical);
    }

    @Test
    void normalisesIpv6CaseAndLeadingZerosOnOutput() {
        assertThat(IpPrefix.parse("FD12:3456:789A:0000:0000:0000:0000:0000/64").toString())
                .isEqualTo("fd12:3456:789a::/64");
        assertThat(IpPrefix.parse("::ffff:10.0.0.0/120").toString()).isEqualTo("::ffff:a00:0/120");
    }

    @Test
    void firstFitPrefersCandidatesInTheOrderGiven() {
        List<IpPrefix> candidates = List.of(IpPrefix.parse("10.244.0.0/14"), IpPrefix.parse("100.64.0.0/10"));
        List<IpPrefix> taken = List.of(IpPrefix.parse("10.244.0.0/16"), IpPrefix.parse("10.245.0.0/16"));
        assertThat(FreeBlocks.firstFit(candidates, taken, 16)).contains(IpPrefix.parse("10.246.0.0/16"));
        assertThat(FreeBlocks.firstFit(candidates, taken, 15)).contains(IpPrefix.parse("10.246.0.0/15"));
        assertThat(FreeBlocks.firstFit(candidates, taken, 14)).contains(IpPrefix.parse("100.64.0.0/14"));
    }
}
