package org.kubenetmigrate.executor.azure;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * A resource or collection as ARM returned it.
 *
 * @param json the body
 * @param etag the ETag header or the body's {@code etag}, or null
 */
public record RawResource(JsonNode json, String etag) {
    public RawResource {
        Objects.requireNonNull(json, "json");
    }
}
