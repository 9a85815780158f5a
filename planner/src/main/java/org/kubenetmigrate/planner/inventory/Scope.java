package org.kubenetmigrate.planner.inventory;

import java.util.List;

/**
 * What a live inventory covers: the named subscriptions, a management group, or (both empty) every subscription
 * the signed-in identity can see.
 */
public record Scope(List<String> subscriptions, String managementGroup) {
    public static final Scope ALL_VISIBLE = new Scope(List.of(), null);

    public Scope {
        subscriptions = List.copyOf(subscriptions);
        if (!subscriptions.isEmpty() && managementGroup != null) {
            throw new IllegalArgumentException("give subscriptions or a management group, not both");
        }
    }

    public boolean allVisible() {
        return subscriptions.isEmpty() && managementGroup == null;
    }

    public String describe() {
        if (managementGroup != null) {
            return "management group " + managementGroup;
        }
        return subscriptions.isEmpty() ? "every subscription the identity can see"
                : subscriptions.size() + " subscription(s): " + String.join(", ", subscriptions);
    }
}
