package org.kubenetmigrate.planner.input;

import org.kubenetmigrate.planner.model.ArmId;

/** Where a resource lives: az and Resource Graph print it, ARM's own GET leaves it to the id. */
final class Resources {
    private Resources() {
    }

    static String subscriptionId(JsonFields resource, ArmId id) throws InputException {
        return orElse(resource.string("subscriptionId"), id.subscriptionId());
    }

    static String resourceGroup(JsonFields resource, ArmId id) throws InputException {
        return orElse(resource.string("resourceGroup"), id.resourceGroup());
    }

    private static String orElse(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
