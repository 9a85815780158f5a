package org.kubenetmigrate.executor.azure.aks;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.util.Context;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.kubenetmigrate.planner.azure.AzureSession;
import org.kubenetmigrate.planner.model.ArmId;

/**
 * The three AKS calls the in-cluster access needs, sent through the signed-in ARM pipeline (retries, bearer token,
 * no HTTP logging): {@code listClusterUserCredential}, {@code runCommand} and {@code commandResults}. Raw
 * requests rather than the SDK's long-running-operation poller, so that polling honours Retry-After and our own
 * deadline. Nothing read here is logged; the kubeconfig is returned as text and kept in memory only.
 */
public final class AksArm {
    static final String API_VERSION = "2025-09-01";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpHeaderName LOCATION = HttpHeaderName.fromString("Location");
    private static final HttpHeaderName RETRY_AFTER = HttpHeaderName.fromString("Retry-After");

    private final HttpPipeline pipeline;
    private final String endpoint;

    /** @param endpoint the Resource Manager endpoint, e.g. {@code https://management.azure.com/} */
    public AksArm(HttpPipeline pipeline, String endpoint) {
        this.pipeline = pipeline;
        this.endpoint = endpoint.endsWith("/") ? endpoint : endpoint + "/";
    }

    public static AksArm of(AzureSession session) {
        return new AksArm(session.pipeline(), session.resourceManagerEndpoint());
    }

    /** The first kubeconfig of the cluster's user credentials, decoded (YAML text). */
    public String listClusterUserCredential(ArmId cluster) throws AksArmException {
        String what = "listClusterUserCredential for " + cluster.name();
        Answer answer = send(HttpMethod.POST, url(cluster, "listClusterUserCredential"), null, what);
        if (answer.status() != 200) {
            throw new AksArmException(what + ": unexpected HTTP " + answer.status(), answer.status());
        }
        JsonNode value = answer.json().path("kubeconfigs").path(0).path("value");
        if (!value.isTextual()) {
            throw new AksArmException(what + ": ARM returned no kubeconfig", answer.status());
        }
        try {
            return new String(Base64.getDecoder().decode(value.asText()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new AksArmException(what + ": the kubeconfig is not base64", answer.status());
        }
    }

    /** What runCommand or one poll of its result answered. */
    public sealed interface CommandState {
        /** Still running: poll {@code resultUrl} again after {@code retryAfter} (when ARM said). */
        record Running(String resultUrl, Optional<Duration> retryAfter) implements CommandState {
        }

        /** Finished (successfully or not). */
        record Finished(String provisioningState, int exitCode, String logs, String reason) implements CommandState {
            public boolean succeeded() {
                return "Succeeded".equalsIgnoreCase(provisioningState) && exitCode == 0;
            }
        }
    }

    /** Submits {@code command} (run by AKS in a pod inside the cluster, with the caller's identity). */
    public CommandState runCommand(ArmId cluster, String command) throws AksArmException {
        ObjectNode body = MAPPER.createObjectNode().put("command", command).put("context", "");
        String what = "runCommand on " + cluster.name();
        Answer answer = send(HttpMethod.POST, url(cluster, "runCommand"), body.toString(), what);
        return state(answer, what, null);
    }

    /** One poll of a submitted command's result. */
    public CommandState commandResult(String resultUrl) throws AksArmException {
        return state(send(HttpMethod.GET, resultUrl, null, "commandResults"), "commandResults", resultUrl);
    }

    private CommandState state(Answer answer, String what, String previousUrl) throws AksArmException {
        if (answer.status() == 202) {
            String location = answer.location().orElse(previousUrl);
            if (location == null) {
                throw new AksArmException(what + ": ARM accepted the command but gave no result location", 202);
            }
            if (!location.regionMatches(true, 0, endpoint, 0, endpoint.length())) {
                // The pipeline attaches the ARM token to whatever URL it is given: never follow one elsewhere.
                throw new AksArmException(what + ": ARM gave a result location outside " + endpoint, 202);
            }
            return new CommandState.Running(location, answer.retryAfter());
        }
        if (answer.status() != 200) {
            throw new AksArmException(what + ": unexpected HTTP " + answer.status(), answer.status());
        }
        JsonNode props = answer.json().path("properties");
        String provisioningState = props.path("provisioningState").asText("");
        // An exit code of 0 may be left out of the JSON (zero values are often omitted); a success without one
        // counts as 0, anything else without one as unknown (-1).
        int exitCode = props.path("exitCode").isNumber() ? props.path("exitCode").asInt()
                : "Succeeded".equalsIgnoreCase(provisioningState) ? 0 : -1;
        return new CommandState.Finished(provisioningState, exitCode, props.path("logs").asText(""),
                props.path("reason").asText(""));
    }

    private String url(ArmId cluster, String action) {
        String id = cluster.value().startsWith("/") ? cluster.value().substring(1) : cluster.value();
        return endpoint + id + "/" + action + "?api-version=" + API_VERSION;
    }

    private record Answer(int status, JsonNode json, Optional<String> location, Optional<Duration> retryAfter) {
    }

    private Answer send(HttpMethod method, String url, String body, String what) throws AksArmException {
        HttpRequest request = new HttpRequest(method, url);
        if (body != null) {
            request.setHeader(HttpHeaderName.CONTENT_TYPE, "application/json");
            request.setBody(body);
        }
        try (HttpResponse response = pipeline.sendSync(request, Context.NONE)) {
            int status = response.getStatusCode();
            String text = response.getBodyAsBinaryData() == null ? "" : response.getBodyAsBinaryData().toString();
            JsonNode json = parse(text);
            if (status >= 400) {
                JsonNode error = json.path("error");
                String code = error.path("code").asText("");
                String message = error.path("message").asText("");
                throw new AksArmException(what + " failed: HTTP " + status + (code.isEmpty() ? "" : " " + code)
                        + (message.isEmpty() ? "" : " (" + firstLine(message, 200) + ")") + hint(status), status);
            }
            return new Answer(status, json, Optional.ofNullable(response.getHeaderValue(LOCATION)),
                    retryAfter(response.getHeaderValue(RETRY_AFTER)));
        } catch (AksArmException e) {
            throw e;
        } catch (RuntimeException e) {
            // Connection failures surface as unchecked exceptions; their messages may quote the URL only.
            throw new AksArmException(what + ": cannot reach Azure Resource Manager ("
                    + rootCause(e).getClass().getSimpleName() + ")", 0);
        }
    }

    private static String hint(int status) {
        return switch (status) {
            case 403 -> "; needs Microsoft.ContainerService/managedClusters/listClusterUserCredential/action,"
                    + " .../runCommand/action and .../commandResults/read";
            case 409 -> "; is the cluster stopped? run-command needs it running";
            default -> "";
        };
    }

    private static JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            return MAPPER.createObjectNode();
        }
        try {
            return MAPPER.readTree(text);
        } catch (java.io.IOException e) {
            return MAPPER.createObjectNode();
        }
    }

    static Optional<Duration> retryAfter(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim()))));
        } catch (NumberFormatException e) {
            return Optional.empty(); // an HTTP date: the caller's own interval applies
        }
    }

    static String firstLine(String text, int max) {
        String line = text.strip().lines().findFirst().orElse("");
        return line.length() <= max ? line : line.substring(0, max) + "…";
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
