package org.kubenetmigrate.planner.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The command-word check and the quoting are character loops; these properties hold them to the regular expressions
 * they stand for, on strings drawn mostly from the characters at their edges.
 */
class ShellQuotingPropertiesTest {
    private static final Pattern WORD = Pattern.compile("-{0,2}[a-z][a-z0-9-]*");
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_./:=@%+,-]+");
    private static final Pattern SPECIAL_IN_DOUBLE_QUOTES = Pattern.compile("[$`\"\\\\!]");

    @Provide
    Arbitrary<String> edgy() {
        Arbitrary<Character> chars = Arbitraries.oneOf(
                Arbitraries.of('-', 'a', 'z', 'A', 'Z', '0', '9', '_', '.', '/', ':', '=', '@', '%', '+', ',', '\'',
                        '"', '$', '`', '\\', '!', ' ', '(', ')', '[', '?', '`', '{', 'é', '\u0130', '\t'),
                Arbitraries.chars());
        Arbitrary<String> dashes = Arbitraries.of("", "-", "--", "---");
        Arbitrary<String> rest = chars.list().ofMaxSize(12).map(list -> {
            StringBuilder text = new StringBuilder();
            list.forEach(text::append);
            return text.toString();
        });
        return net.jqwik.api.Combinators.combine(dashes, rest).as(String::concat);
    }

    @Property(tries = 3000)
    void aCommandWordIsWhatThePatternSays(@ForAll("edgy") String word) {
        assertThat(AzCommand.isWord(word)).as(word).isEqualTo(WORD.matcher(word).matches());
    }

    @Property(tries = 3000)
    void quotingIsWhatThePatternsSay(@ForAll("edgy") String word) {
        assertThat(Shell.quote(word)).as(word).isEqualTo(byPatterns(word));
    }

    @Property
    void theEdgesOfACommandWord(@ForAll("edges") String word) {
        assertThat(AzCommand.isWord(word)).as(word).isEqualTo(WORD.matcher(word).matches());
    }

    @Provide
    Arbitrary<String> edges() {
        return Arbitraries.of("", "-", "--", "---", "a", "-a", "--a", "---a", "--A", "-9", "a-", "a--b", "aks", "aB",
                "--max-pods", "nodepool", "a_b", "a b", "\u0430");
    }

    /** The quoting as it was written with regular expressions. */
    private static String byPatterns(String word) {
        if (word != null && SAFE.matcher(word).matches()) {
            return word;
        }
        if (word != null && word.indexOf('\'') >= 0 && !SPECIAL_IN_DOUBLE_QUOTES.matcher(word).find()) {
            return "\"" + word + "\"";
        }
        return "'" + (word == null ? "" : word.replace("'", "'\\''")) + "'";
    }
}
