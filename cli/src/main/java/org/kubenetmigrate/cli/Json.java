package org.kubenetmigrate.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** Pretty JSON text with a trailing newline, so output pipes cleanly into jq and files end properly. */
final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private Json() {
    }

    static String pretty(JsonNode node) throws JsonProcessingException {
        return MAPPER.writeValueAsString(node) + "\n";
    }

    /** A result record as a JSON tree (records map field by field; instants as ISO-8601 text). */
    static JsonNode tree(Object value) {
        return MAPPER.valueToTree(value);
    }
}
