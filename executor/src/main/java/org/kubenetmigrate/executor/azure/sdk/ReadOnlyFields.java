package org.kubenetmigrate.executor.azure.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Fields of a managed cluster that ARM reports but a client does not set, removed from the body of a PUT built from
 * a GET (the SDKs and {@code az aks update} never serialize them). Resource Manager ignores most read-only fields
 * it is sent; removing them keeps the request to what the client means to set, and keeps a stale
 * {@code provisioningState} or {@code powerState} from ever being read as a request.
 */
final class ReadOnlyFields {
    private static final List<String> RESOURCE = List.of("eTag", "etag", "systemData");
    private static final List<String> PROPERTIES = List.of("provisioningState", "powerState", "maxAgentPools",
            "currentKubernetesVersion", "fqdn", "azurePortalFQDN", "privateFQDN", "resourceUID");
    private static final List<String> AGENT_POOL = List.of("provisioningState", "currentOrchestratorVersion",
            "nodeImageVersion", "eTag");
    private static final List<String> IDENTITY = List.of("principalId", "tenantId");

    private ReadOnlyFields() {
    }

    /** A copy of {@code cluster} without its read-only fields. */
    static JsonNode strip(JsonNode cluster) {
        if (cluster == null || !cluster.isObject()) {
            return cluster;
        }
        ObjectNode copy = ((ObjectNode) cluster).deepCopy();
        copy.remove(RESOURCE);
        if (copy.get("properties") instanceof ObjectNode props) {
            props.remove(PROPERTIES);
            for (JsonNode pool : props.path("agentPoolProfiles")) {
                if (pool instanceof ObjectNode p) {
                    p.remove(AGENT_POOL);
                }
            }
        }
        if (copy.get("identity") instanceof ObjectNode identity) {
            identity.remove(IDENTITY);
        }
        return copy;
    }
}
