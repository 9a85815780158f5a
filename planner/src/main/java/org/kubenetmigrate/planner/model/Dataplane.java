package org.kubenetmigrate.planner.model;

/**
 * {@code properties.networkProfile.networkDataplane}: the data plane (ARM enum azure, cilium).
 */
public enum Dataplane implements AzureValue.Kind {
    AZURE, CILIUM,
    /** A value this tool does not know, kept as sent in {@link AzureValue#text()}. */
    OTHER;

    /** The value of the JSON field: null when absent, the known case ignoring case, else OTHER with the text. */
    public static AzureValue<Dataplane> parse(String raw) {
        return AzureValue.parse(Dataplane.class, raw);
    }
}
