package org.kubenetmigrate.testsupport;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A fake Entra ID: the client-credentials grant for {@link FakeArm#CLIENT_ID}/{@link FakeArm#CLIENT_SECRET}. */
final class Tokens {
    private final Set<String> valid = ConcurrentHashMap.newKeySet();
    private final List<String> issued = new CopyOnWriteArrayList<>();

    FakeResponse issue(RecordedRequest request, String tenant) {
        Map<String, String> form = form(request.body());
        if (!FakeArm.CLIENT_ID.equals(form.get("client_id")) || !FakeArm.CLIENT_SECRET.equals(form.get("client_secret"))) {
            return FakeResponse.json(401, Json.object().put("error", "invalid_client")
                    .put("error_description", "AADSTS7000215: Invalid client secret provided (fake)."));
        }
        if (!FakeArm.TENANT.equalsIgnoreCase(tenant)) {
            return FakeResponse.json(400, Json.object().put("error", "invalid_request")
                    .put("error_description", "AADSTS90002: Tenant '" + tenant + "' not found (fake)."));
        }
        String token = "fake-arm-token-" + UUID.randomUUID();
        valid.add(token);
        issued.add(token);
        return FakeResponse.ok(Json.object().put("token_type", "Bearer").put("expires_in", 3599)
                .put("ext_expires_in", 3599).put("access_token", token));
    }

    FakeResponse openIdConfiguration(String base, String tenant) {
        String root = base + tenant;
        return FakeResponse.ok(Json.object()
                .put("token_endpoint", root + "/oauth2/v2.0/token")
                .put("authorization_endpoint", root + "/oauth2/v2.0/authorize")
                .put("issuer", root + "/v2.0")
                .put("tenant_region_scope", "WW"));
    }

    boolean isValid(String authorization) {
        return authorization.startsWith("Bearer ") && valid.contains(authorization.substring("Bearer ".length()));
    }

    List<String> issued() {
        return List.copyOf(issued);
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }
}
