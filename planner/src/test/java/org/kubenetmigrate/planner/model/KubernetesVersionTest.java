package org.kubenetmigrate.planner.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Version parsing is a character loop; it must accept and read exactly what the documented pattern describes. */
class KubernetesVersionTest {
    private static final Pattern VERSION = Pattern.compile("v?\\d+\\.\\d+(\\.\\d+)?");

    @Example
    void readsMajorMinorAndPatchWithOrWithoutAV() {
        assertThat(KubernetesVersion.parse("1.29.7")).isEqualTo(new KubernetesVersion(1, 29, 7));
        assertThat(KubernetesVersion.parse(" v1.30 ")).isEqualTo(new KubernetesVersion(1, 30, 0));
        assertThatThrownBy(() -> KubernetesVersion.parse("1.29.")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'1.29.' is not a Kubernetes version (expected major.minor[.patch])");
        assertThatThrownBy(() -> KubernetesVersion.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Provide
    Arbitrary<String> versionLike() {
        Arbitrary<String> pieces = Arbitraries.of("1", "29", "0", "007", ".", ".", "v", "V", " ", "x", "-", "+", "\u0661",
                "99999999999", "");
        return Combinators.combine(pieces, pieces, pieces, pieces, pieces, pieces)
                .as((a, b, c, d, e, f) -> a + b + c + d + e + f);
    }

    @Property(tries = 5000)
    void acceptsWhatThePatternAccepts(@ForAll("versionLike") String text) {
        assertThat(parsed(text)).as(text).isEqualTo(byPattern(text));
    }

    private static Optional<KubernetesVersion> parsed(String text) {
        try {
            return Optional.of(KubernetesVersion.parse(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The parse as it was written with regular expressions. */
    private static Optional<KubernetesVersion> byPattern(String text) {
        try {
            if (!VERSION.matcher(text.trim()).matches()) {
                return Optional.empty();
            }
            String[] parts = text.trim().replaceFirst("^v", "").split("\\.");
            return Optional.of(new KubernetesVersion(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]),
                    parts.length > 2 ? Integer.parseInt(parts[2]) : 0));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
