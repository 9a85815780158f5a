package org.kubenetmigrate.planner.model;

/**
 * {@code properties.networkProfile.networkPluginMode} (ARM enum overlay).
 */
public enum NetworkPluginMode implements AzureValue.Kind {
    OVERLAY,
    /** A value this tool does not know, kept as sent in {@link AzureValue#text()}. */
    OTHER;

    /** The value of the JSON field: null when absent, the known case ignoring case, else OTHER with the text. */
    public static AzureValue<NetworkPluginMode> parse(String raw) {
        return AzureValue.parse(NetworkPluginMode.class, raw);
    }
}
