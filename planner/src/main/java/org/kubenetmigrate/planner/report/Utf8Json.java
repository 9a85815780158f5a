package org.kubenetmigrate.planner.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import java.io.IOException;
import java.io.OutputStream;

/**
 * JSON generators that write UTF-8 bytes, for the renderers that embed JSON. Apart from {@link Utf8Output} so that
 * the commands that never write JSON (and {@code --version}) do not load Jackson.
 */
final class Utf8Json {
    /**
     * Characters beyond the Basic Multilingual Plane (an emoji in a tag) as their four bytes, as the text path writes
     * them, rather than as two escaped surrogates. A surrogate without its partner is written as its {@code \\u}
     * escape (valid JSON, and lossless), where text gets a {@code ?}.
     */
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8).build();

    private Utf8Json() {
    }

    /** A generator writing into {@code out}, which it leaves open. */
    static JsonGenerator generator(OutputStream out) throws IOException {
        JsonGenerator gen = FACTORY.createGenerator(out, JsonEncoding.UTF8);
        gen.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        return gen;
    }
}
