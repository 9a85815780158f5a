package org.kubenetmigrate.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Resource Graph {@code resources} endpoint (api-version 2021-03-01) over the fake's store, with
 * {@code $skipToken} paging and the user-quota headers.
 *
 * <p>It understands only the query shapes the inventory sends, not KQL: {@code Resources}, then any of
 * {@code | where type =~ '<type>'}, {@code | where name =~ '<name>'}, {@code | where id in~ ('<id>', ...)} and
 * {@code | order by id asc}. Anything else is a 400, so a changed query cannot pass the tests by accident. Rows are
 * the stored resources as Resource Graph returns them: lower-cased {@code type}, plus {@code subscriptionId},
 * {@code resourceGroup} (lower-cased) and {@code tenantId}, and no ETag. Rows the identity may not read are
 * omitted, as Resource Graph filters by RBAC.
 */
public final class ResourceGraph {
    public static final int DEFAULT_PAGE_SIZE = 1000;
    private static final Pattern WHERE_EQ = Pattern.compile("(?i)where\\s+(type|name)\\s*=~\\s*'([^']*)'");
    private static final Pattern WHERE_IN = Pattern.compile("(?i)where\\s+id\\s+in~\\s*\\((.*)\\)");
    private static final Pattern ORDER = Pattern.compile("(?i)order\\s+by\\s+id\\s+asc");
    private static final Pattern QUOTED = Pattern.compile("'([^']*)'");

    private final ResourceStore store;
    private volatile int pageSize = DEFAULT_PAGE_SIZE;
    private volatile int quotaPerWindow = 15_000;
    private final AtomicInteger queriesInWindow = new AtomicInteger();
    private final AtomicInteger queries = new AtomicInteger();

    ResourceGraph(ResourceStore store) {
        this.store = store;
    }

    /** Rows per page (Resource Graph's own is 1,000); tests use small pages to exercise paging. */
    public void pageSize(int rows) {
        this.pageSize = rows;
    }

    /**
     * The quota the {@code x-ms-user-quota-remaining} header counts down from; the fake never refuses on its own
     * (inject a 429 fault for that) but reports 0 when it is spent.
     */
    public void quota(int perWindow) {
        this.quotaPerWindow = perWindow;
        queriesInWindow.set(0);
    }

    /** Queries answered so far. */
    public int queries() {
        return queries.get();
    }

    FakeResponse query(RecordedRequest request) {
        ObjectNode body = FakeArm.bodyObject(request);
        String query = body.path("query").asText("");
        Predicate<ObjectNode> filter;
        try {
            filter = parse(query);
        } catch (IllegalArgumentException e) {
            return FakeResponse.error(400, "BadRequest", "fake Resource Graph cannot evaluate: " + e.getMessage());
        }
        Set<String> scope = scope(body);
        List<ObjectNode> rows = new ArrayList<>();
        for (ObjectNode resource : store.all()) {
            String id = resource.path("id").asText();
            if (scope != null && !scope.contains(ResourceStore.subscriptionOf(id))) {
                continue;
            }
            if (store.deniedAction(id).isPresent()) {
                continue;
            }
            ObjectNode row = row(resource);
            if (filter.test(row)) {
                rows.add(row);
            }
        }
        rows.sort(Comparator.comparing(r -> r.path("id").asText().toLowerCase(Locale.ROOT)));
        JsonNode options = body.path("options");
        int offset = decode(options.path("$skipToken").asText(null));
        int top = options.hasNonNull("$top") ? options.get("$top").asInt() : Integer.MAX_VALUE;
        int size = Math.min(pageSize, top);
        int end = Math.min(rows.size(), offset + size);
        ArrayNode data = Json.array();
        rows.subList(Math.min(offset, rows.size()), end).forEach(data::add);
        ObjectNode response = Json.object().put("totalRecords", rows.size()).put("count", data.size());
        response.set("data", data);
        response.set("facets", Json.array());
        response.put("resultTruncated", "false");
        if (end < rows.size()) {
            response.put("$skipToken", encode(end));
        }
        queries.incrementAndGet();
        int remaining = Math.max(0, quotaPerWindow - queriesInWindow.incrementAndGet());
        return FakeResponse.ok(response)
                .withHeader("x-ms-user-quota-remaining", Integer.toString(remaining))
                .withHeader("x-ms-user-quota-resets-after", "00:00:05");
    }

    private Set<String> scope(ObjectNode body) {
        Set<String> subs = new LinkedHashSet<>();
        body.path("subscriptions").forEach(s -> subs.add(s.asText().toLowerCase(Locale.ROOT)));
        body.path("managementGroups").forEach(g -> subs.addAll(store.managementGroup(g.asText())));
        boolean scoped = body.has("subscriptions") || body.has("managementGroups");
        return scoped ? subs : null;
    }

    /** The filter a query shape means; throws for any shape the fake does not know. */
    static Predicate<ObjectNode> parse(String query) {
        String[] stages = query.trim().split("\\|");
        if (!stages[0].trim().equalsIgnoreCase("Resources")) {
            throw new IllegalArgumentException("expected 'Resources' as the table, found '" + stages[0].trim() + "'");
        }
        Predicate<ObjectNode> filter = r -> true;
        for (int i = 1; i < stages.length; i++) {
            String stage = stages[i].trim();
            Matcher eq = WHERE_EQ.matcher(stage);
            Matcher in = WHERE_IN.matcher(stage);
            if (eq.matches()) {
                String field = eq.group(1).toLowerCase(Locale.ROOT);
                String value = eq.group(2);
                filter = filter.and(r -> r.path(field).asText().equalsIgnoreCase(value));
            } else if (in.matches()) {
                Set<String> ids = new LinkedHashSet<>();
                Matcher q = QUOTED.matcher(in.group(1));
                while (q.find()) {
                    ids.add(q.group(1).toLowerCase(Locale.ROOT));
                }
                filter = filter.and(r -> ids.contains(r.path("id").asText().toLowerCase(Locale.ROOT)));
            } else if (!ORDER.matcher(stage).matches()) {
                throw new IllegalArgumentException("unknown query stage '" + stage + "'");
            }
        }
        return filter;
    }

    /** A stored ARM resource as a Resource Graph row. */
    static ObjectNode row(ObjectNode resource) {
        ObjectNode row = resource.deepCopy();
        String id = row.path("id").asText();
        row.put("type", row.path("type").asText().toLowerCase(Locale.ROOT));
        row.put("tenantId", FakeArm.TENANT);
        row.put("resourceGroup", ResourceStore.resourceGroupOf(id).toLowerCase(Locale.ROOT));
        row.put("subscriptionId", ResourceStore.subscriptionOf(id));
        row.remove("etag");
        row.remove("eTag");
        return row;
    }

    private static String encode(int offset) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("offset:" + offset).getBytes(StandardCharsets.UTF_8));
    }

    private static int decode(String token) {
        if (token == null || token.isBlank()) {
            return 0;
        }
        String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        return Integer.parseInt(text.substring("offset:".length()));
    }
}
