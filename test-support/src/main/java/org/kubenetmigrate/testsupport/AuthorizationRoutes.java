package org.kubenetmigrate.testsupport;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Microsoft.Authorization as the REST API specs' examples show it (api-version 2022-04-01): role assignments listed at
 * a scope ({@code GET {scope}/providers/Microsoft.Authorization/roleAssignments}) with {@code $filter=atScope()}
 * (those at or above the scope), {@code $filter=principalId eq '{id}'} (the principal's, at, above or below it) or
 * {@code $filter=atScope() and assignedTo('{id}')}; and role definitions by id, built-in ones at the tenant root
 * ({@code /providers/Microsoft.Authorization/roleDefinitions/{guid}}). Assignments and definitions are seeded into
 * the store like any resource.
 */
final class AuthorizationRoutes {
    private static final Pattern PRINCIPAL = Pattern.compile("principalId eq '([^']+)'");
    private static final Pattern ASSIGNED_TO = Pattern.compile("assignedTo\\('([^']+)'\\)");

    private final FakeArm fake;
    private final ResourceStore store;

    AuthorizationRoutes(FakeArm fake, ResourceStore store) {
        this.fake = fake;
        this.store = store;
    }

    void install() {
        fake.route("GET", "(.*)/providers/Microsoft\\.Authorization/roleAssignments", (req, m) -> list(req, m.group(1)));
        fake.route("GET", "/providers/Microsoft\\.Authorization/roleDefinitions/[^/]+",
                (req, m) -> store.get(req.path()).map(FakeResponse::ok).orElse(FakeResponse.notFound(req.path())));
    }

    private FakeResponse list(RecordedRequest request, String scopePath) {
        String scope = normal(scopePath);
        String filter = request.queryParams().getOrDefault("$filter", "");
        Matcher principal = PRINCIPAL.matcher(filter);
        Matcher assignedTo = ASSIGNED_TO.matcher(filter);
        Optional<String> who = principal.find() ? Optional.of(principal.group(1))
                : assignedTo.find() ? Optional.of(assignedTo.group(1)) : Optional.empty();
        boolean atScope = filter.contains("atScope()");
        if (!filter.isEmpty() && !atScope && who.isEmpty()) {
            return FakeResponse.error(400, "UnsupportedQuery", "The filter '" + filter + "' is not supported.");
        }
        ArrayNode value = Json.array();
        for (ObjectNode r : store.all()) {
            if (!"Microsoft.Authorization/roleAssignments".equalsIgnoreCase(r.path("type").asText())) {
                continue;
            }
            String at = normal(r.path("properties").path("scope").asText());
            boolean atOrAbove = at.isEmpty() || scope.equals(at) || scope.startsWith(at + "/");
            boolean below = scope.isEmpty() || at.startsWith(scope + "/");
            boolean principalMatches = who.isEmpty()
                    || who.get().equalsIgnoreCase(r.path("properties").path("principalId").asText());
            boolean inRange = atScope ? atOrAbove : atOrAbove || (who.isPresent() && below) || filter.isEmpty();
            if (principalMatches && inRange) {
                value.add(r.deepCopy());
            }
        }
        return FakeResponse.ok(Json.object().set("value", value));
    }

    private static String normal(String scope) {
        String s = scope.toLowerCase(Locale.ROOT);
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
