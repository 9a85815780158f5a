package org.kubenetmigrate.executor.azure;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A managed cluster as just read from ARM: the raw body (what the engine merges into and backs up) and the few
 * fields the engine reasons about, parsed once here.
 *
 * @param json the body as returned, ARM shape (fields under {@code properties})
 * @param etag the cluster's ETag (the header's, else the body's {@code eTag}), or null when ARM gave none
 * @param provisioningState {@code properties.provisioningState}, or null
 * @param powerState {@code properties.powerState.code}, or null
 * @param network the parsed {@code properties.networkProfile}
 * @param identityType {@code identity.type}, or null
 * @param userAssignedIdentities the keys of {@code identity.userAssignedIdentities}
 * @param requestId ARM's {@code x-ms-request-id} of the read, or null
 */
public record ObservedCluster(JsonNode json, ETag etag, String provisioningState, String powerState,
                              ObservedNetwork network, String identityType, List<String> userAssignedIdentities,
                              String requestId) {

    /** Operations that end; anything else ("Updating", "Upgrading", "Reconciling", …) means one is running. */
    private static final Set<String> TERMINAL = Set.of("succeeded", "failed", "canceled");

    public ObservedCluster {
        Objects.requireNonNull(json, "json");
        userAssignedIdentities = List.copyOf(userAssignedIdentities);
    }

    /** Parses the fields from an ARM body; {@code etagHeader} wins over the body's {@code eTag} when given. */
    public static ObservedCluster of(JsonNode json, String etagHeader, String requestId) {
        JsonNode props = json.path("properties");
        JsonNode np = props.path("networkProfile");
        JsonNode identity = json.path("identity");
        List<String> uai = new ArrayList<>();
        for (Iterator<String> names = identity.path("userAssignedIdentities").fieldNames(); names.hasNext(); ) {
            uai.add(names.next());
        }
        ETag etag = ETag.of(etagHeader, text(json, "eTag") != null ? text(json, "eTag") : text(json, "etag"));
        return new ObservedCluster(json, etag, text(props, "provisioningState"), text(props.path("powerState"), "code"),
                new ObservedNetwork(lower(text(np, "networkPlugin")), lower(text(np, "networkPluginMode")),
                        lower(text(np, "networkPolicy")), lower(text(np, "networkDataplane")), text(np, "podCidr")),
                text(identity, "type"), uai, requestId);
    }

    public String id() {
        return text(json, "id");
    }

    public String name() {
        return text(json, "name");
    }

    /** True when no operation is running on the cluster (its provisioning state is terminal, or unknown). */
    public boolean idle() {
        return provisioningState == null || TERMINAL.contains(provisioningState.toLowerCase(Locale.ROOT));
    }

    public boolean succeeded() {
        return "succeeded".equalsIgnoreCase(provisioningState);
    }

    public boolean failed() {
        return "failed".equalsIgnoreCase(provisioningState) || "canceled".equalsIgnoreCase(provisioningState);
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String lower(String value) {
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }

    /** The network profile fields the steps check, lower-cased (ARM compares these enums case-insensitively). */
    public record ObservedNetwork(String plugin, String pluginMode, String policy, String dataplane, String podCidr) {

        /** The policy engine in effect: null when none ({@code null}, absent or {@code "none"}). */
        public String policyEngine() {
            return policy == null || policy.equals("none") ? null : policy;
        }
    }
}
