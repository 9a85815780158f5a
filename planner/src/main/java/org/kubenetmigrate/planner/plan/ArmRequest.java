package org.kubenetmigrate.planner.plan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One Azure Resource Manager request a step makes, described rather than sent: the executor sends it.
 *
 * <p>{@code bodyMode} says what {@code body} is:
 * <ul>
 *   <li>{@value #MERGE_INTO_CURRENT}: only the changed fields, rooted at the resource ({@code identity},
 *       {@code properties.networkProfile}, …). The executor GETs the resource, applies the body to it as an
 *       RFC 7386 JSON merge patch (objects merge, everything else replaces, {@code null} removes) and PUTs the
 *       whole object. This is what {@code az aks update} does, because the AKS resource provider has no partial
 *       PATCH for {@code networkProfile} (its PATCH changes tags only).</li>
 *   <li>{@value #FULL}: the complete resource to PUT, for resources the plan creates.</li>
 *   <li>{@value #NONE}: no body (GET, DELETE).</li>
 * </ul>
 *
 * <p>{@code If-Match}: an update carries {@link #ETAG_OF_READ}, which the executor replaces with the ETag of the
 * GET it merged into, so that the write fails rather than overwrite a change made after that read. Whether the
 * cluster moved since planning is not an ETag question (every write changes it, the autoscaler's too) but one of
 * the properties the plan depends on ({@link Fingerprint}). A header value of {@link #ETAG_OF_READ} is never to
 * be sent as is.
 *
 * @param method GET, PUT or DELETE
 * @param path the ARM resource path without host or query, e.g. {@code /subscriptions/…/managedClusters/aks1}
 * @param apiVersion the {@code api-version} query parameter, from {@link ApiVersions}
 * @param headers request headers to send besides the usual ones (authorization, content type), in order
 * @param body the body as nested maps, lists, strings, numbers, booleans and nulls; null when there is none
 * @param bodyMode {@value #MERGE_INTO_CURRENT}, {@value #FULL} or {@value #NONE}
 */
public record ArmRequest(String method, String path, String apiVersion, Map<String, String> headers,
                         Map<String, Object> body, String bodyMode) {

    public static final String MERGE_INTO_CURRENT = "merge-into-current";
    public static final String FULL = "full";
    public static final String NONE = "none";

    /** Stands for the ETag of the GET the executor merges into; replaced at run time, never sent. */
    public static final String ETAG_OF_READ = "{etag-of-read}";

    private static final Set<String> METHODS = Set.of("GET", "PUT", "DELETE");
    private static final Set<String> MODES = Set.of(MERGE_INTO_CURRENT, FULL, NONE);

    public ArmRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(apiVersion, "apiVersion");
        Objects.requireNonNull(bodyMode, "bodyMode");
        if (!METHODS.contains(method)) {
            throw new IllegalArgumentException("unsupported method " + method);
        }
        if (!path.startsWith("/") || path.contains("?")) {
            throw new IllegalArgumentException("path must be an ARM id path without query: " + path);
        }
        if (!MODES.contains(bodyMode)) {
            throw new IllegalArgumentException("unknown body mode " + bodyMode);
        }
        if (NONE.equals(bodyMode) != (body == null)) {
            throw new IllegalArgumentException("body mode " + bodyMode + (body == null ? " needs a body" : " takes no body"));
        }
        if (!"PUT".equals(method) && body != null) {
            throw new IllegalArgumentException(method + " takes no body");
        }
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers == null ? Map.of() : headers));
        body = body == null ? null : copyObject(body);
    }

    /** A read. */
    public static ArmRequest get(String path, String apiVersion) {
        return new ArmRequest("GET", path, apiVersion, Map.of(), null, NONE);
    }

    /** A delete, with {@code If-Match} when {@code ifMatch} is not null. */
    public static ArmRequest delete(String path, String apiVersion, String ifMatch) {
        return new ArmRequest("DELETE", path, apiVersion, ifMatch(ifMatch), null, NONE);
    }

    /** An update of an existing resource: the executor merges {@code changes} into a fresh GET and PUTs it. */
    public static ArmRequest mergeIntoCurrent(String path, String apiVersion, String ifMatch,
                                              Map<String, Object> changes) {
        return new ArmRequest("PUT", path, apiVersion, ifMatch(ifMatch), changes, MERGE_INTO_CURRENT);
    }

    /**
     * A PUT that creates a resource. {@code If-None-Match: *} asks ARM to refuse when the resource exists
     * instead of replacing it; AKS honours it, whether every resource provider does is UNCONFIRMED, so the
     * executor must also check with a GET first.
     */
    public static ArmRequest create(String path, String apiVersion, Map<String, Object> resource) {
        return new ArmRequest("PUT", path, apiVersion, Map.of("If-None-Match", "*"), resource, FULL);
    }

    /** The path with its query, e.g. {@code /subscriptions/…/aks1?api-version=2025-09-01}. */
    public String target() {
        return path + "?api-version=" + apiVersion;
    }

    /** True unless the request only reads. */
    public boolean mutating() {
        return !"GET".equals(method);
    }

    private static Map<String, String> ifMatch(String etag) {
        return etag == null ? Map.of() : Map.of("If-Match", etag);
    }

    private static Map<String, Object> copyObject(Map<String, Object> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "body key"), copyValue(v)));
        return Collections.unmodifiableMap(copy);
    }

    @SuppressWarnings("unchecked")
    private static Object copyValue(Object value) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Map<?, ?> map) {
            map.keySet().forEach(k -> {
                if (!(k instanceof String)) {
                    throw new IllegalArgumentException("body keys must be strings, got " + k);
                }
            });
            return copyObject((Map<String, Object>) map);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(v -> copy.add(copyValue(v)));
            return Collections.unmodifiableList(copy);
        }
        throw new IllegalArgumentException("body values must be maps, lists, strings, numbers, booleans or null, got "
                + value.getClass().getName());
    }
}
