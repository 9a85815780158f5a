package org.kubenetmigrate.executor.azure.sdk;

import com.azure.core.exception.ClientAuthenticationException;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.util.Context;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.kubenetmigrate.executor.azure.AzureException;
import org.kubenetmigrate.executor.azure.ClusterOperations;
import org.kubenetmigrate.executor.azure.ObservedAgentPool;
import org.kubenetmigrate.executor.azure.ObservedCluster;
import org.kubenetmigrate.executor.azure.OperationHandle;
import org.kubenetmigrate.executor.azure.OperationStatus;
import org.kubenetmigrate.executor.azure.RawResource;

/**
 * {@link ClusterOperations} over azure-core's {@link HttpPipeline}: raw ARM JSON in and out (the executor merges
 * into and backs up exactly what ARM returned, so no SDK model sits in between to drop or rename fields).
 *
 * <p>Two pipelines from the same signed-in session: reads go through the one with the SDK retry policy (a read
 * changes nothing, so asking again is safe); the PUT and the polls of its operation go through the one without any
 * retry policy, so that every {@link #beginPut} sends exactly one request and the engine alone decides whether a
 * change may be sent again (a PUT whose answer was lost may have been applied).
 */
public final class SdkClusterOperations implements ClusterOperations {
    public static final String AKS_API_VERSION = "2025-09-01";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpHeaderName AZURE_ASYNC_OPERATION = HttpHeaderName.fromString("Azure-AsyncOperation");
    private static final HttpHeaderName REQUEST_ID = HttpHeaderName.fromString("x-ms-request-id");
    private static final HttpHeaderName CORRELATION_ID = HttpHeaderName.fromString("x-ms-correlation-request-id");
    private static final HttpHeaderName RETRY_AFTER_MS = HttpHeaderName.fromString("retry-after-ms");
    private static final HttpHeaderName X_MS_RETRY_AFTER_MS = HttpHeaderName.fromString("x-ms-retry-after-ms");
    /** Paging guard: ARM lists end; a loop of nextLinks would not. */
    private static final int MAX_PAGES = 1000;

    private final HttpPipeline reads;
    private final HttpPipeline writes;
    private final String endpoint;
    private final String principal;

    /**
     * @param reads a pipeline with the SDK retry policy, for GETs
     * @param writes a pipeline without retry policy, for the PUT and the polls of its operation
     * @param resourceManagerEndpoint e.g. {@code https://management.azure.com/}
     * @param principal who is signed in, for the lock and the journal, or null
     */
    public SdkClusterOperations(HttpPipeline reads, HttpPipeline writes, String resourceManagerEndpoint, String principal) {
        this.reads = reads;
        this.writes = writes;
        this.endpoint = resourceManagerEndpoint.endsWith("/")
                ? resourceManagerEndpoint.substring(0, resourceManagerEndpoint.length() - 1) : resourceManagerEndpoint;
        this.principal = principal;
    }

    @Override
    public ObservedCluster getCluster(String clusterId) throws AzureException {
        Answer answer = send(reads, HttpMethod.GET, url(clusterId, AKS_API_VERSION), null, null);
        answer.throwUnlessSuccess();
        return ObservedCluster.of(answer.json(), answer.header(HttpHeaderName.ETAG), answer.requestId);
    }

    @Override
    public List<ObservedAgentPool> getAgentPools(String clusterId) throws AzureException {
        List<ObservedAgentPool> pools = new ArrayList<>();
        for (JsonNode pool : list(url(clusterId + "/agentPools", AKS_API_VERSION))) {
            pools.add(ObservedAgentPool.of(pool));
        }
        return pools;
    }

    @Override
    public Optional<RawResource> get(String path, String apiVersion) throws AzureException {
        return getUrl(url(path, apiVersion));
    }

    @Override
    public Optional<RawResource> list(String path, String apiVersion, String filter) throws AzureException {
        // OData wants %20 for spaces; URLEncoder writes '+'.
        return getUrl(url(path, apiVersion) + "&$filter=" + java.net.URLEncoder.encode(filter, StandardCharsets.UTF_8)
                .replace("+", "%20"));
    }

    private Optional<RawResource> getUrl(String url) throws AzureException {
        Answer answer = send(reads, HttpMethod.GET, url, null, null);
        if (answer.status == 404) {
            return Optional.empty();
        }
        answer.throwUnlessSuccess();
        JsonNode body = answer.json();
        if (body.has("value") && body.get("value").isArray()) {
            // A collection: every page, as one list.
            ArrayNode all = MAPPER.createArrayNode();
            all.addAll((ArrayNode) body.get("value"));
            String next = body.path("nextLink").asText(null);
            if (next != null && !next.isBlank()) {
                all.addAll(list(next));
            }
            ObjectNode list = MAPPER.createObjectNode();
            list.set("value", all);
            return Optional.of(new RawResource(list, null));
        }
        String etag = answer.header(HttpHeaderName.ETAG);
        return Optional.of(new RawResource(body, etag != null ? etag : body.path("etag").asText(null)));
    }

    @Override
    public OperationHandle beginPut(String path, String apiVersion, String ifMatchEtag, JsonNode fullBody)
            throws AzureException {
        JsonNode body = ReadOnlyFields.strip(fullBody);
        Answer answer = send(writes, HttpMethod.PUT, url(path, apiVersion), ifMatchEtag, body);
        answer.throwUnlessSuccess();
        String operation = answer.header(AZURE_ASYNC_OPERATION);
        if (operation == null && answer.status == 202) {
            operation = answer.header(HttpHeaderName.LOCATION);
        }
        return new OperationHandle(operation, answer.retryAfter(), answer.requestId, answer.correlationId);
    }

    @Override
    public OperationStatus pollOperation(OperationHandle operation) throws AzureException {
        Answer answer = send(writes, HttpMethod.GET, operation.operationUrl(), null, null);
        answer.throwUnlessSuccess();
        JsonNode body = answer.bodyText.isBlank() ? MAPPER.createObjectNode() : answer.json();
        String status = body.path("status").asText(null);
        if (status == null) {
            // A Location URL: 202 while running, the final answer once done.
            status = answer.status == 202 ? "InProgress" : "Succeeded";
        }
        JsonNode error = body.path("error");
        OperationStatus.State state = switch (status.toLowerCase(Locale.ROOT)) {
            case "succeeded" -> OperationStatus.State.SUCCEEDED;
            case "failed" -> OperationStatus.State.FAILED;
            case "canceled", "cancelled" -> OperationStatus.State.CANCELED;
            default -> OperationStatus.State.IN_PROGRESS;
        };
        return new OperationStatus(state, error.path("code").asText(null), error.path("message").asText(null),
                answer.retryAfter(), answer.requestId);
    }

    @Override
    public Optional<String> principalName() {
        return Optional.ofNullable(principal);
    }

    private List<JsonNode> list(String firstUrl) throws AzureException {
        List<JsonNode> items = new ArrayList<>();
        String next = firstUrl;
        for (int page = 0; next != null && !next.isBlank(); page++) {
            if (page == MAX_PAGES) {
                throw new AzureException(500, "TooManyPages", "more than " + MAX_PAGES + " pages at " + firstUrl, null,
                        null, null);
            }
            Answer answer = send(reads, HttpMethod.GET, next, null, null);
            answer.throwUnlessSuccess();
            JsonNode body = answer.json();
            body.path("value").forEach(items::add);
            next = body.path("nextLink").asText(null);
        }
        return items;
    }

    private String url(String path, String apiVersion) {
        return endpoint + path + "?api-version=" + apiVersion;
    }

    private static Answer send(HttpPipeline pipeline, HttpMethod method, String url, String ifMatch, JsonNode body)
            throws AzureException {
        HttpRequest request = new HttpRequest(method, url);
        request.setHeader(HttpHeaderName.ACCEPT, "application/json");
        if (ifMatch != null) {
            request.setHeader(HttpHeaderName.IF_MATCH, ifMatch);
        }
        if (body != null) {
            request.setHeader(HttpHeaderName.CONTENT_TYPE, "application/json");
            request.setBody(body.toString().getBytes(StandardCharsets.UTF_8));
        }
        try (HttpResponse response = pipeline.sendSync(request, Context.NONE)) {
            String text = response.getBodyAsBinaryData() == null ? "" : response.getBodyAsBinaryData().toString();
            return new Answer(response.getStatusCode(), response, text == null ? "" : text);
        } catch (RuntimeException e) {
            Throwable signIn = signInFailure(e);
            if (signIn != null) {
                // No token: ARM never saw the request. A 401 is not asked again by the engine.
                throw new AzureException(401, "SignInFailed", "sign-in to Azure failed: "
                        + firstLine(signIn.getMessage()), null, null, null);
            }
            // The JDK client reports a reset, a refused connection or a timeout as an (unchecked) I/O failure: no
            // answer, so the request may or may not have reached ARM.
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw AzureException.transport(method + " " + URI.create(url).getPath() + ": "
                    + firstLine(cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : " " + cause.getMessage())));
        }
    }

    /** The credential's failure in {@code e}'s causes (the token request failed or no credential applied), or null. */
    private static Throwable signInFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ClientAuthenticationException || t.getClass().getName().startsWith("com.microsoft.aad.msal4j.")
                    || t.getClass().getSimpleName().equals("CredentialUnavailableException")) {
                return t;
            }
        }
        return null;
    }

    private static String firstLine(String text) {
        if (text == null) {
            return null;
        }
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }

    /** One HTTP answer, read to the end (the response is closed at once). */
    private static final class Answer {
        final int status;
        final String bodyText;
        final String requestId;
        final String correlationId;
        private final com.azure.core.http.HttpHeaders headers;

        Answer(int status, HttpResponse response, String bodyText) {
            this.status = status;
            this.bodyText = bodyText;
            this.headers = response.getHeaders();
            this.requestId = response.getHeaderValue(REQUEST_ID);
            this.correlationId = response.getHeaderValue(CORRELATION_ID);
        }

        String header(HttpHeaderName name) {
            return headers.getValue(name);
        }

        JsonNode json() throws AzureException {
            try {
                return MAPPER.readTree(bodyText.isBlank() ? "{}" : bodyText);
            } catch (IOException e) {
                throw new AzureException(status, "InvalidJson", "ARM answered HTTP " + status + " with a body that is"
                        + " not JSON", null, requestId, correlationId);
            }
        }

        void throwUnlessSuccess() throws AzureException {
            if (status / 100 == 2) {
                return;
            }
            String code = null;
            String message = null;
            try {
                JsonNode error = MAPPER.readTree(bodyText.isBlank() ? "{}" : bodyText).path("error");
                code = error.path("code").asText(null);
                message = error.path("message").asText(null);
            } catch (IOException e) {
                message = null;
            }
            throw new AzureException(status, code, message, retryAfter(), requestId, correlationId);
        }

        /** {@code retry-after-ms}, {@code x-ms-retry-after-ms}, else {@code Retry-After} (seconds or an HTTP date). */
        Duration retryAfter() {
            for (HttpHeaderName ms : List.of(RETRY_AFTER_MS, X_MS_RETRY_AFTER_MS)) {
                String value = header(ms);
                if (value != null) {
                    try {
                        return Duration.ofMillis(Long.parseLong(value.trim()));
                    } catch (NumberFormatException ignored) {
                        // fall through to the next header
                    }
                }
            }
            String value = header(HttpHeaderName.RETRY_AFTER);
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                return Duration.ofSeconds(Long.parseLong(value.trim()));
            } catch (NumberFormatException notSeconds) {
                try {
                    Duration d = Duration.between(ZonedDateTime.now(),
                            ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME));
                    return d.isNegative() ? Duration.ZERO : d;
                } catch (RuntimeException notADate) {
                    return null;
                }
            }
        }
    }
}
