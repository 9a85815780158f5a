package org.kubenetmigrate.planner.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;

/**
 * ARM ids compare as their lower-cased text. An ASCII id keeps no lower-cased copy, so these check that equality, hash
 * and scope matching are exactly those of the lower-cased text, for ASCII ids and for ids with other characters.
 */
class ArmIdTest {
    private static final String VNET = "/subscriptions/0000/resourceGroups/rg-net/providers/Microsoft.Network"
            + "/virtualNetworks/vnet-a";

    @Test
    void idsDifferingOnlyInCaseAreOneKeyAndKeepTheirSpelling() {
        ArmId asSent = ArmId.of(VNET);
        ArmId lower = ArmId.of(VNET.toLowerCase(Locale.ROOT));
        Map<ArmId, String> byId = new HashMap<>();
        byId.put(asSent, "first");
        byId.put(lower, "second");
        assertThat(byId).hasSize(1).containsEntry(asSent, "second");
        assertThat(asSent.value()).isEqualTo(VNET);
        assertThat(asSent.key()).isEqualTo(VNET.toLowerCase(Locale.ROOT));
        assertThat(asSent).isNotEqualTo(ArmId.of(VNET + "2"));
    }

    @Test
    void aSubnetIdNamesItsVirtualNetworkInAnyCase() {
        assertThat(ArmId.of(VNET + "/SUBNETS/snet-aks").parentVirtualNetwork()).hasValueSatisfying(v -> {
            assertThat(v.value()).isEqualTo(VNET);
        });
        assertThat(ArmId.of(VNET).parentVirtualNetwork()).isEmpty();
        assertThat(ArmId.of(VNET + "/subnetsX/a").parentVirtualNetwork()).isEmpty();
    }

    @Test
    void aScopeCoversItselfAndWhatLiesUnderItBySegment() {
        ArmId group = ArmId.of("/subscriptions/0000/resourceGroups/rg-net");
        assertThat(ArmId.of(VNET).isOrIsUnder(group)).isTrue();
        assertThat(ArmId.of(VNET.toUpperCase(Locale.ROOT)).isOrIsUnder(group)).isTrue();
        assertThat(group.isOrIsUnder(ArmId.of("/SUBSCRIPTIONS/0000/resourcegroups/RG-NET"))).isTrue();
        assertThat(ArmId.of("/subscriptions/0000/resourceGroups/rg-network").isOrIsUnder(group))
                .as("a longer name is not under the shorter one").isFalse();
        assertThat(group.isOrIsUnder(ArmId.of(VNET))).isFalse();
    }

    @Provide
    Arbitrary<String> ids() {
        // Mostly ASCII letters in both cases, sometimes characters whose lower case is special (the Kelvin sign and
        // the dotted capital I lower-case to ASCII text; the latter to two characters).
        Arbitrary<Character> chars = Arbitraries.frequencyOf(
                Tuple.of(20, Arbitraries.of('a', 'A', 'b', 'B', 'k', 'K', 'i', 'I', '/', '-')),
                Tuple.of(1, Arbitraries.of('\u212A', '\u0130', '\u00C9', '\u00E9')));
        return chars.list().ofMaxSize(6).map(list -> {
            StringBuilder text = new StringBuilder("/");
            list.forEach(text::append);
            return text.toString();
        });
    }

    @Property
    void equalityAndHashAreThoseOfTheLowerCasedText(@ForAll("ids") String a, @ForAll("ids") String b) {
        String keyA = a.toLowerCase(Locale.ROOT);
        String keyB = b.toLowerCase(Locale.ROOT);
        assertThat(ArmId.of(a).equals(ArmId.of(b))).isEqualTo(keyA.equals(keyB));
        assertThat(ArmId.of(a).hashCode()).isEqualTo(keyA.hashCode());
        assertThat(ArmId.of(a).isOrIsUnder(ArmId.of(b))).isEqualTo(keyA.equals(keyB) || keyA.startsWith(keyB + "/"));
    }

    @Property
    void anIdEqualsItsOtherCases(@ForAll("ids") String a) {
        assertThat(ArmId.of(a.toUpperCase(Locale.ROOT)).equals(ArmId.of(a.toUpperCase(Locale.ROOT).toLowerCase(
                Locale.ROOT)))).isTrue();
        assertThat(ArmId.of(a).key()).isEqualTo(a.toLowerCase(Locale.ROOT));
    }
}
