package org.kubenetmigrate.planner.model;

/**
 * {@code properties.networkProfile.networkPolicy}: the network policy engine (ARM enum none, calico, azure,
 * cilium).
 */
public enum NetworkPolicy implements AzureValue.Kind {
    NONE, CALICO, AZURE, CILIUM,
    /** A value this tool does not know, kept as sent in {@link AzureValue#text()}. */
    OTHER;

    /** The value of the JSON field: null when absent, the known case ignoring case, else OTHER with the text. */
    public static AzureValue<NetworkPolicy> parse(String raw) {
        return AzureValue.parse(NetworkPolicy.class, raw);
    }
}
