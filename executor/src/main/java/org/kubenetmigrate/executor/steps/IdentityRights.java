package org.kubenetmigrate.executor.steps;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which Azure RBAC actions a principal holds at one scope, judged from the role assignments ARM lists for it there
 * (at the scope or inherited from a parent; assignments below it do not count) and their role definitions' actions
 * and notActions, wildcards included. Pure: the reads are the caller's.
 */
final class IdentityRights {
    /** What detaching the kubenet route table from the node subnet needs on the subnet. */
    static final List<String> ON_SUBNET = List.of(
            "Microsoft.Network/virtualNetworks/subnets/read",
            "Microsoft.Network/virtualNetworks/subnets/write",
            "Microsoft.Network/virtualNetworks/subnets/join/action");
    /** What removing the kubenet routes and the association needs on the route table. */
    static final List<String> ON_ROUTE_TABLE = List.of(
            "Microsoft.Network/routeTables/read",
            "Microsoft.Network/routeTables/write",
            "Microsoft.Network/routeTables/join/action",
            "Microsoft.Network/routeTables/routes/delete");

    private IdentityRights() {
    }

    /** A role assignment that applies at the scope: its role definition id and when it was last changed. */
    record Assignment(String roleDefinitionId, String scope, Instant changedAt) {
    }

    /** One role definition's permission blocks, as (actions, notActions) pairs. */
    record Permissions(List<List<String>> actions, List<List<String>> notActions) {
    }

    /** The assignments of {@code principalId} that apply at {@code scope} (at it or above it). */
    static List<Assignment> applying(JsonNode list, String principalId, String scope) {
        String target = normal(scope);
        List<Assignment> out = new ArrayList<>();
        for (JsonNode a : list.path("value")) {
            JsonNode p = a.path("properties");
            if (!principalId.equalsIgnoreCase(p.path("principalId").asText())) {
                continue;
            }
            String at = normal(p.path("scope").asText(""));
            boolean atOrAbove = target.equals(at) || at.isEmpty() || target.startsWith(at + "/");
            if (atOrAbove && p.hasNonNull("roleDefinitionId")) {
                out.add(new Assignment(p.get("roleDefinitionId").asText(), p.path("scope").asText(),
                        latest(p.path("createdOn").asText(null), p.path("updatedOn").asText(null))));
            }
        }
        return out;
    }

    static Permissions permissions(JsonNode roleDefinition) {
        List<List<String>> actions = new ArrayList<>();
        List<List<String>> notActions = new ArrayList<>();
        for (JsonNode block : roleDefinition.path("properties").path("permissions")) {
            actions.add(texts(block.path("actions")));
            notActions.add(texts(block.path("notActions")));
        }
        return new Permissions(actions, notActions);
    }

    /** The needed actions that none of the roles grants (a permission block grants its actions minus its notActions). */
    static List<String> missing(List<String> needed, List<Permissions> roles) {
        Set<String> missing = new LinkedHashSet<>(needed);
        for (Permissions role : roles) {
            for (int i = 0; i < role.actions().size(); i++) {
                List<String> actions = role.actions().get(i);
                List<String> notActions = role.notActions().get(i);
                missing.removeIf(action -> actions.stream().anyMatch(p -> matches(p, action))
                        && notActions.stream().noneMatch(p -> matches(p, action)));
            }
        }
        return List.copyOf(missing);
    }

    /** Azure RBAC action patterns: case-insensitive, {@code *} matches any run of characters. */
    static boolean matches(String pattern, String action) {
        String regex = java.util.Arrays.stream(pattern.split("\\*", -1)).map(Pattern::quote)
                .collect(java.util.stream.Collectors.joining(".*"));
        return Pattern.compile(regex, Pattern.CASE_INSENSITIVE).matcher(action).matches();
    }

    private static Optional<Instant> instant(String text) {
        try {
            return text == null ? Optional.empty() : Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Instant latest(String created, String updated) {
        Optional<Instant> c = instant(created);
        Optional<Instant> u = instant(updated);
        if (c.isPresent() && u.isPresent()) {
            return c.get().isAfter(u.get()) ? c.get() : u.get();
        }
        return c.orElse(u.orElse(null));
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }

    private static String normal(String scope) {
        String s = scope.toLowerCase(Locale.ROOT);
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
