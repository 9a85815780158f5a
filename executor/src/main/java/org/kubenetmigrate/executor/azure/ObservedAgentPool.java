package org.kubenetmigrate.executor.azure;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import org.kubenetmigrate.planner.model.AzureValue;
import org.kubenetmigrate.planner.model.ProvisioningState;

/**
 * One agent pool as just read from ARM ({@code GET …/agentPools}).
 *
 * @param json the entry as returned (ARM shape, fields under {@code properties})
 * @param name the pool name
 * @param provisioningState {@code properties.provisioningState}, or null
 * @param count {@code properties.count}, or null
 * @param nodeImageVersion {@code properties.nodeImageVersion}, or null; a change shows that nodes were reimaged
 */
public record ObservedAgentPool(JsonNode json, String name, AzureValue<ProvisioningState> provisioningState,
                                Integer count,
                                String nodeImageVersion) {

    public ObservedAgentPool {
        Objects.requireNonNull(json, "json");
    }

    public static ObservedAgentPool of(JsonNode json) {
        JsonNode props = json.has("properties") ? json.path("properties") : json;
        JsonNode count = props.get("count");
        return new ObservedAgentPool(json, ObservedCluster.text(json, "name"),
                ProvisioningState.parse(ObservedCluster.text(props, "provisioningState")),
                count == null || !count.canConvertToInt() ? null : count.intValue(),
                ObservedCluster.text(props, "nodeImageVersion"));
    }

    public boolean succeeded() {
        return AzureValue.is(provisioningState, ProvisioningState.SUCCEEDED);
    }

    public boolean failed() {
        return ProvisioningState.failed(provisioningState);
    }
}
