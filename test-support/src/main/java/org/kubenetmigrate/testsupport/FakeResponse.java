package org.kubenetmigrate.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a route or a fault answers: status, headers and a (JSON) body. */
public record FakeResponse(int status, Map<String, String> headers, String body) {

    public FakeResponse {
        headers = Map.copyOf(headers);
        body = body == null ? "" : body;
    }

    public static FakeResponse json(int status, JsonNode body) {
        return new FakeResponse(status, Map.of("Content-Type", "application/json; charset=utf-8"), Json.write(body));
    }

    public static FakeResponse ok(JsonNode body) {
        return json(200, body);
    }

    /** An ARM error body: {@code {"error":{"code":..,"message":..}}}. */
    public static FakeResponse error(int status, String code, String message) {
        return json(status, Json.object().set("error", Json.object().put("code", code).put("message", message)));
    }

    public static FakeResponse notFound(String path) {
        return error(404, "ResourceNotFound", "The Resource '" + path + "' was not found (fake ARM).");
    }

    public FakeResponse withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new FakeResponse(status, h, body);
    }
}
