package org.kubenetmigrate.planner.model;

import java.util.Locale;

/**
 * {@code properties.provisioningState} of a cluster or an agent pool. ARM documents three terminal
 * states; any other value (Updating, Upgrading, Reconciling, …) is an operation still running.
 */
public enum ProvisioningState implements AzureValue.Kind {
    SUCCEEDED, FAILED, CANCELED,
    /** A value this tool does not know, kept as sent in {@link AzureValue#text()}. */
    OTHER;

    /** The value of the JSON field: null when absent, the known case ignoring case, else OTHER with the text. */
    public static AzureValue<ProvisioningState> parse(String raw) {
        return AzureValue.parse(ProvisioningState.class, raw);
    }

    /** True when no operation is running: the state is terminal. */
    public static boolean idle(AzureValue<ProvisioningState> state) {
        return state == null || !state.unknown();
    }

    /** True when the last operation failed or was canceled. */
    public static boolean failed(AzureValue<ProvisioningState> state) {
        return state != null && (state.is(FAILED) || state.is(CANCELED));
    }

    /** ARM spells these capitalized. */
    @Override
    public String wire() {
        return this == OTHER ? null : name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
    }
}
