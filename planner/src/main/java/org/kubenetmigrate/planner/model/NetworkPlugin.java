package org.kubenetmigrate.planner.model;

/**
 * {@code properties.networkProfile.networkPlugin}: the CNI plugin (ARM enum azure, kubenet, none).
 */
public enum NetworkPlugin implements AzureValue.Kind {
    AZURE, KUBENET, NONE,
    /** A value this tool does not know, kept as sent in {@link AzureValue#text()}. */
    OTHER;

    /** The value of the JSON field: null when absent, the known case ignoring case, else OTHER with the text. */
    public static AzureValue<NetworkPlugin> parse(String raw) {
        return AzureValue.parse(NetworkPlugin.class, raw);
    }
}
