package org.kubenetmigrate.planner.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonWriterTest {

    private static Map<String, Object> sample() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("b", 1);
        inner.put("a", List.of(true, false));
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("z", "text");
        map.put("inner", inner);
        map.put("none", null);
        map.put("empty", Map.of());
        map.put("list", new ArrayList<>(Arrays.asList(1.5, null, 2L)));
        return map;
    }

    @Test
    void compactKeepsInsertionOrder() {
        assertThat(JsonWriter.compact(sample()))
                .isEqualTo("{\"z\":\"text\",\"inner\":{\"b\":1,\"a\":[true,false]},\"none\":null,\"empty\":{},"
                        + "\"list\":[1.5,null,2]}");
    }

    @Test
    void prettyIndentsByTwo() {
        assertThat(JsonWriter.pretty(Map.of("a", List.of(1, Map.of("b", "c")), "e", List.of())))
                .satisfiesAnyOf(
                        s -> assertThat(s).isEqualTo("{\n  \"a\": [\n    1,\n    {\n      \"b\": \"c\"\n    }\n  ],\n"
                                + "  \"e\": []\n}"),
                        s -> assertThat(s).isEqualTo("{\n  \"e\": [],\n  \"a\": [\n    1,\n    {\n      \"b\": \"c\"\n"
                                + "    }\n  ]\n}"));
    }

    @Test
    void escapesStrings() {
        assertThat(JsonWriter.quote("q\" b\\ n\n r\r t\t c\u0001 ls\u2028 e\u00e9"))
                .isEqualTo("\"q\\\" b\\\\ n\\n r\\r t\\t c\\u0001 ls\\u2028 e\u00e9\"");
    }

    @Test
    void keepsSurrogatePairsAndEscapesLoneSurrogates() {
        String emoji = new String(Character.toChars(0x1F600));
        assertThat(JsonWriter.quote(emoji)).isEqualTo("\"" + emoji + "\"");
        assertThat(JsonWriter.quote("x\ud800y")).isEqualTo("\"x\\ud800y\"");
        assertThat(JsonWriter.quote("x\udc00")).isEqualTo("\"x\\udc00\"");
    }

    @Test
    void writesNumbers() {
        assertThat(JsonWriter.compact(List.of(1, 2L, 3.0, -0.25, new BigDecimal("1.10"), 1e20)))
                .isEqualTo("[1,2,3,-0.25,1.10,1.0E20]");
    }

    @Test
    void refusesWhatIsNotJson() {
        assertThatThrownBy(() -> JsonWriter.compact(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JsonWriter.compact(Map.of(1, "x"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JsonWriter.compact(new Object())).isInstanceOf(IllegalArgumentException.class);
    }
}
