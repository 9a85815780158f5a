package org.kubenetmigrate.testsupport;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One request the fake received, as it arrived: method, path, raw query, headers (names lower-cased) and body.
 * {@code at} is the wall-clock arrival time; tests that check "no request before Retry-After" compare these.
 */
public record RecordedRequest(
        long sequence, Instant at, String method, String path, String query, Map<String, List<String>> headers,
        String body) {

    public RecordedRequest {
        headers = Map.copyOf(headers);
        query = query == null ? "" : query;
        body = body == null ? "" : body;
    }

    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** The query parameters, decoded; the first value of each wins. */
    public Map<String, String> queryParams() {
        Map<String, String> params = new LinkedHashMap<>();
        if (query.isEmpty()) {
            return params;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.putIfAbsent(key, value);
        }
        return params;
    }

    public String apiVersion() {
        return queryParams().get("api-version");
    }

    /** True when this is a Resource Graph query. */
    public boolean isResourceGraph() {
        return "POST".equals(method) && path.equalsIgnoreCase("/providers/Microsoft.ResourceGraph/resources");
    }

    /** True when this is a request to the fake Entra ID token endpoint. */
    public boolean isTokenRequest() {
        return path.endsWith("/oauth2/v2.0/token");
    }

    /**
     * True when the request concerns the subscription: its path is under it, or (Resource Graph) its body names
     * it. Fault rules use this to break "every call for one subscription".
     */
    public boolean mentionsSubscription(String subscriptionId) {
        String id = subscriptionId.toLowerCase(Locale.ROOT);
        return path.toLowerCase(Locale.ROOT).startsWith("/subscriptions/" + id)
                || (isResourceGraph() && body.toLowerCase(Locale.ROOT).contains("\"" + id + "\""));
    }

    /** Method and path, for failure messages. */
    public String describe() {
        return method + " " + path + (query.isEmpty() ? "" : "?" + query);
    }
}
