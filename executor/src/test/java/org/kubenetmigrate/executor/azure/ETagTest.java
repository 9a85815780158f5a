package org.kubenetmigrate.executor.azure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ETagTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "\"abc\"     | abc | false",
            "W/\"abc\"   | abc | true",
            "abc         | abc | false",
            "\"\"        | ''  | false",
            "W/\"\"      | ''  | true",
            "5e5ffdce-356b-431b-b050-81b45eef2a12 | 5e5ffdce-356b-431b-b050-81b45eef2a12 | false"})
    void parsesQuotedWeakAndBareForms(String text, String opaque, boolean weak) {
        ETag tag = ETag.parse(text);

        assertThat(tag.opaque()).isEqualTo(opaque);
        assertThat(tag.weak()).isEqualTo(weak);
        assertThat(tag.wire()).isEqualTo(text);
    }

    @Test
    void noneOrBlankIsNoTag() {
        assertThat(ETag.parse(null)).isNull();
        assertThat(ETag.parse("  ")).isNull();
    }

    @Test
    void textThatIsNotAnEntityTagIsKeptWholeAndSentBackAsReceived() {
        ETag tag = ETag.parse("\"ab\"c\"");

        assertThat(tag.opaque()).isEqualTo("\"ab\"c\"");
        assertThat(tag.weak()).isFalse();
        assertThat(tag.wire()).isEqualTo("\"ab\"c\"");
        assertThat(ETag.parse("w/\"abc\"").weak()).as("W/ is case-sensitive (RFC 9110)").isFalse();
    }

    /** The table of RFC 9110 §8.8.3.2. */
    @ParameterizedTest(name = "{0} vs {1}: strong {2}, weak {3}")
    @CsvSource({
            "W/\"1\", W/\"1\", false, true",
            "W/\"1\", W/\"2\", false, false",
            "W/\"1\", \"1\",   false, true",
            "\"1\",   \"1\",   true,  true"})
    void comparesAsRfc9110Says(String a, String b, boolean strong, boolean weak) {
        assertThat(ETag.parse(a).strongMatch(ETag.parse(b))).isEqualTo(strong);
        assertThat(ETag.parse(a).weakMatch(ETag.parse(b))).isEqualTo(weak);
        assertThat(ETag.parse(b).strongMatch(ETag.parse(a))).isEqualTo(strong);
        assertThat(ETag.parse(b).weakMatch(ETag.parse(a))).isEqualTo(weak);
    }

    @Test
    void theBodysBareValueAndTheHeadersQuotedValueNameTheSameTag() {
        ETag body = ETag.parse("etag-x");
        ETag header = ETag.parse("\"etag-x\"");

        assertThat(body.strongMatch(header)).isTrue();
        assertThat(body.weakMatch(header)).isTrue();
        assertThat(body.weakMatch("W/\"etag-x\"")).isTrue();
        assertThat(body.strongMatch(ETag.parse("W/\"etag-x\""))).isFalse();
        assertThat(body.weakMatch("etag-y")).isFalse();
        assertThat(body.weakMatch((ETag) null)).isFalse();
    }

    @Test
    void theHeaderWinsOverTheBodyAndTheQuotedFormIsAlwaysAnEntityTag() {
        assertThat(ETag.of("W/\"a\"", "a").wire()).isEqualTo("W/\"a\"");
        assertThat(ETag.of(null, "a").wire()).isEqualTo("a");
        assertThat(ETag.of(null, null)).isNull();
        assertThat(ETag.parse("a").quoted()).isEqualTo("\"a\"");
        assertThat(ETag.parse("W/\"a\"").quoted()).isEqualTo("W/\"a\"");
    }
}
