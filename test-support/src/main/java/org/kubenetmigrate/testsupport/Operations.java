package org.kubenetmigrate.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Long-running operations as ARM reports them through {@code Azure-AsyncOperation}: each poll of the operation URL
 * answers the next status of a script (e.g. InProgress, InProgress, Succeeded) and then keeps answering the last.
 * A write route (the executor's issue) starts one with {@link #start} and returns its URL in the header; the
 * fake's built-in routes only serve the polling.
 */
public final class Operations {
    private final FakeArm fake;
    private final Map<String, Deque<ObjectNode>> scripts = new ConcurrentHashMap<>();

    Operations(FakeArm fake) {
        this.fake = fake;
        fake.route("GET", "/subscriptions/[^/]+/providers/[^/]+/locations/[^/]+/operations/([^/]+)",
                (req, m) -> poll(m.group(1)));
    }

    /**
     * Starts an operation whose polls return {@code statuses} in turn; a final {@code Failed} carries {@code error}
     * (an ARM error object, may be null). Returns the absolute polling URL for the {@code Azure-AsyncOperation} header.
     */
    public String start(String subscriptionId, String namespace, String location, List<String> statuses, JsonNode error) {
        String id = UUID.randomUUID().toString();
        Deque<ObjectNode> script = new ArrayDeque<>();
        for (String status : statuses) {
            ObjectNode body = Json.object().put("name", id).put("status", status);
            if ("Failed".equals(status) && error != null) {
                body.set("error", error);
            }
            script.add(body);
        }
        scripts.put(id, script);
        return fake.baseUrl() + "subscriptions/" + subscriptionId + "/providers/" + namespace + "/locations/" + location
                + "/operations/" + id + "?api-version=2017-08-31";
    }

    private FakeResponse poll(String id) {
        Deque<ObjectNode> script = scripts.get(id);
        if (script == null || script.isEmpty()) {
            return FakeResponse.notFound("operation " + id);
        }
        synchronized (script) {
            ObjectNode status = script.size() > 1 ? script.poll() : script.peek();
            return FakeResponse.ok(status);
        }
    }
}
