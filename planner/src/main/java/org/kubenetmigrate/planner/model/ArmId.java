package org.kubenetmigrate.planner.model;

import java.util.Locale;
import java.util.Optional;

/**
 * An Azure Resource Manager resource id. ARM ids are case-insensitive, so equality uses a lower-cased key
 * while {@link #value()} keeps the spelling Azure returned.
 *
 * <p>A final class rather than a record so that the lower-cased key is computed once: ids are map keys in every
 * fleet lookup, and lower-casing on each hash and comparison cost a tenth of a 10,000-cluster report.
 */
public final class ArmId {
    private final String value;
    private final String key;

    public ArmId(String value) {
        if (value == null || !value.startsWith("/")) {
            throw new IllegalArgumentException("not an ARM resource id: " + value);
        }
        this.value = value;
        this.key = value.toLowerCase(Locale.ROOT);
    }

    /** The id as Azure spelled it. */
    public String value() {
        return value;
    }

    public static ArmId of(String value) {
        return new ArmId(value);
    }

    public static Optional<ArmId> ofNullable(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(new ArmId(value.trim()));
    }

    public String key() {
        return key;
    }

    /** The value following {@code name} in the id, e.g. {@code segment("resourceGroups")}. */
    public Optional<String> segment(String name) {
        String[] parts = value.split("/");
        for (int i = 0; i < parts.length - 1; i++) {
            if (parts[i].equalsIgnoreCase(name)) {
                return Optional.of(parts[i + 1]);
            }
        }
        return Optional.empty();
    }

    public String subscriptionId() {
        return segment("subscriptions").orElse("");
    }

    public String resourceGroup() {
        return segment("resourceGroups").orElse("");
    }

    /** The last name in the id. */
    public String name() {
        String[] parts = value.split("/");
        return parts[parts.length - 1];
    }

    /** The id of the virtual network a subnet id points into. */
    public Optional<ArmId> parentVirtualNetwork() {
        int at = key().indexOf("/subnets/");
        return at < 0 ? Optional.empty() : Optional.of(new ArmId(value.substring(0, at)));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ArmId other && key.equals(other.key);
    }

    @Override
    public int hashCode() {
        return key.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
