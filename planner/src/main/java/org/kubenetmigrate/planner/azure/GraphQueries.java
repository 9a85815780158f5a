package org.kubenetmigrate.planner.azure;

import com.azure.core.http.rest.Response;
import com.azure.resourcemanager.resourcegraph.models.QueryRequest;
import com.azure.resourcemanager.resourcegraph.models.QueryRequestOptions;
import com.azure.resourcemanager.resourcegraph.models.QueryResponse;
import com.azure.resourcemanager.resourcegraph.models.ResultFormat;
import com.azure.resourcemanager.resourcegraph.models.ResultTruncated;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.kubenetmigrate.planner.inventory.InventoryProgress;
import org.kubenetmigrate.planner.inventory.Snapshot;

/**
 * Runs Resource Graph queries to completion: every page through {@code $skipToken}, batches of at most 1,000
 * subscriptions (Resource Graph's limit per request), and, when a batch fails, each of its subscriptions on its own
 * so that one broken subscription is reported instead of sinking the rest.
 */
final class GraphQueries {
    static final int MAX_SUBSCRIPTIONS_PER_QUERY = 1000;

    private final AzureSession session;
    private final List<Snapshot.Query> log;
    private final List<String> notes;

    GraphQueries(AzureSession session, List<Snapshot.Query> log, List<String> notes) {
        this.session = session;
        this.log = log;
        this.notes = notes;
    }

    /**
     * Rows of {@code query} over {@code subscriptions}; subscriptions whose query fails go into {@code failed}
     * (subscription id → error) and are skipped. Sign-in failures are rethrown: nothing else can work then.
     */
    List<JsonNode> bySubscriptions(String query, List<String> subscriptions, Map<String, String> failed,
            InventoryProgress progress) {
        List<JsonNode> rows = new ArrayList<>();
        for (int from = 0; from < subscriptions.size(); from += MAX_SUBSCRIPTIONS_PER_QUERY) {
            List<String> batch = subscriptions.subList(from, Math.min(subscriptions.size(), from + MAX_SUBSCRIPTIONS_PER_QUERY));
            try {
                rows.addAll(run(query, batch, null, batch.size() == 1 ? batch.get(0) : "graph-batch", progress));
            } catch (RuntimeException e) {
                if (Failures.isSignIn(e)) {
                    throw e;
                }
                if (batch.size() == 1) {
                    failed.put(batch.get(0), Failures.describe(e));
                    continue;
                }
                progress.note("Resource Graph query over " + batch.size() + " subscriptions failed ("
                        + Failures.describe(e) + "); retrying one subscription at a time");
                for (String subscription : batch) {
                    try {
                        rows.addAll(run(query, List.of(subscription), null, subscription, progress));
                    } catch (RuntimeException single) {
                        if (Failures.isSignIn(single)) {
                            throw single;
                        }
                        failed.put(subscription, Failures.describe(single));
                    }
                }
            }
        }
        return rows;
    }

    /** Rows of {@code query} over a management group (Resource Graph expands it to its subscriptions). */
    List<JsonNode> byManagementGroup(String query, String managementGroup, InventoryProgress progress) {
        return run(query, null, managementGroup, "mg-" + managementGroup, progress);
    }

    /** One query, all pages. */
    List<JsonNode> run(String query, List<String> subscriptions, String managementGroup, String breakerKey,
            InventoryProgress progress) {
        List<JsonNode> rows = new ArrayList<>();
        String skipToken = null;
        int requests = 0;
        do {
            QueryRequestOptions options = new QueryRequestOptions().withResultFormat(ResultFormat.OBJECT_ARRAY)
                    .withTop(session.settings().graphPageSize()).withSkipToken(skipToken);
            QueryRequest request = new QueryRequest().withQuery(query).withOptions(options);
            if (subscriptions != null) {
                request.withSubscriptions(subscriptions);
            } else {
                request.withManagementGroups(List.of(managementGroup));
            }
            RawBodies raw = new RawBodies();
            Response<QueryResponse> response = session.resilience().graph(breakerKey,
                    () -> session.graph().resourceProviders().resourcesWithResponse(request, raw.context()));
            requests++;
            List<JsonNode> page = RawJson.items(raw.bodies(), "data");
            rows.addAll(page);
            progress.advance(page.size());
            QueryResponse value = response.getValue();
            if (value.resultTruncated() == ResultTruncated.TRUE) {
                notes.add("Resource Graph truncated the result of: " + query);
            }
            skipToken = value.skipToken();
        } while (skipToken != null && !skipToken.isBlank());
        log.add(new Snapshot.Query("resourcegraph", query + scopeText(subscriptions, managementGroup), requests, rows.size()));
        return rows;
    }

    private static String scopeText(List<String> subscriptions, String managementGroup) {
        if (subscriptions == null) {
            return "  [management group " + managementGroup + "]";
        }
        return subscriptions.size() <= 3
                ? "  [subscriptions " + String.join(", ", subscriptions) + "]"
                : "  [" + subscriptions.size() + " subscriptions]";
    }

    /** Distinct values in first-seen order. */
    static List<String> distinct(List<String> values) {
        Map<String, String> byKey = new LinkedHashMap<>();
        values.forEach(v -> byKey.putIfAbsent(RawJson.key(v), v));
        return byKey.values().stream().collect(Collectors.toList());
    }
}
