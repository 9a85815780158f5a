package org.kubenetmigrate.executor.azure;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import org.kubenetmigrate.planner.model.AzureValue;
import org.kubenetmigrate.planner.model.Dataplane;
import org.kubenetmigrate.planner.model.NetworkPlugin;
import org.kubenetmigrate.planner.model.NetworkPluginMode;
import org.kubenetmigrate.planner.model.NetworkPolicy;
import org.kubenetmigrate.planner.model.ProvisioningState;

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
public record ObservedCluster(JsonNode json, ETag etag, AzureValue<ProvisioningState> provisioningState,
                              String powerState, ObservedNetwork network, String identityType,
                              List<String> userAssignedIdentities, String requestId) {

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
        return new ObservedCluster(json, etag, ProvisioningState.parse(text(props, "provisioningState")),
                text(props.path("powerState"), "code"),
                new ObservedNetwork(NetworkPlugin.parse(text(np, "networkPlugin")),
                        NetworkPluginMode.parse(text(np, "networkPluginMode")),
                        NetworkPolicy.parse(text(np, "networkPolicy")), Dataplane.parse(text(np, "networkDataplane")),
                        text(np, "podCidr")),
                text(identity, "type"), uai, requestId);
    }

    public String id() {
        return text(json, "id");
    }

    public String name() {
        return text(json, "name");
    }

    /**
     * True when no operation is running on the cluster: its provisioning state is terminal, or absent. Anything else
     * ("Updating", "Upgrading", "Reconciling", a state Azure adds later) means one is running.
     */
    public boolean idle() {
        return ProvisioningState.idle(provisioningState);
    }

    public boolean succeeded() {
        return AzureValue.is(provisioningState, ProvisioningState.SUCCEEDED);
    }

    public boolean failed() {
        return ProvisioningState.failed(provisioningState);
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** The network profile fields the steps check, typed (their known values matched ignoring case). */
    public record ObservedNetwork(AzureValue<NetworkPlugin> plugin, AzureValue<NetworkPluginMode> pluginMode,
                                  AzureValue<NetworkPolicy> policy, AzureValue<Dataplane> dataplane, String podCidr) {

        /** The policy engine in effect: null when none (absent or {@code none}). */
        public AzureValue<NetworkPolicy> policyEngine() {
            return policy == null || policy.is(NetworkPolicy.NONE) ? null : policy;
        }
    }
}
