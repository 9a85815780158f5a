package org.kubenetmigrate.planner.report;

import java.util.Locale;
import java.util.Map;
import org.kubenetmigrate.planner.model.ManagedCluster;

/**
 * How {@code --group-by} groups clusters: by subscription, location, resource group, or the value of a tag.
 *
 * @param tag the tag name when {@code kind} is TAG, else null
 */
public record Grouping(Kind kind, String tag) {
    public static final Grouping NONE = new Grouping(Kind.NONE, null);
    /** Charts that need groups use subscriptions when the user asked for none. */
    public static final Grouping SUBSCRIPTION = new Grouping(Kind.SUBSCRIPTION, null);

    public enum Kind { NONE, SUBSCRIPTION, LOCATION, RESOURCE_GROUP, TAG }

    /** Parses {@code subscription}, {@code location}, {@code resourceGroup} or {@code tag:NAME}. */
    public static Grouping parse(String text) {
        String t = text.trim();
        if (t.regionMatches(true, 0, "tag:", 0, 4)) {
            String name = t.substring(4).trim();
            if (name.isEmpty()) {
                throw new IllegalArgumentException("tag: needs a tag name, e.g. tag:owner");
            }
            return new Grouping(Kind.TAG, name);
        }
        return switch (t.toLowerCase(Locale.ROOT)) {
            case "subscription" -> SUBSCRIPTION;
            case "location", "region" -> new Grouping(Kind.LOCATION, null);
            case "resourcegroup", "resource-group" -> new Grouping(Kind.RESOURCE_GROUP, null);
            default -> throw new IllegalArgumentException("expected subscription, location, resourceGroup or tag:NAME,"
                    + " found '" + text + "'");
        };
    }

    public boolean isNone() {
        return kind == Kind.NONE;
    }

    /** What the groups are, for headings: "subscription", "tag owner". */
    public String label() {
        return switch (kind) {
            case NONE -> "none";
            case SUBSCRIPTION -> "subscription";
            case LOCATION -> "location";
            case RESOURCE_GROUP -> "resource group";
            case TAG -> "tag " + tag;
        };
    }

    /** The option value that selects this grouping. */
    public String option() {
        return switch (kind) {
            case NONE -> "";
            case SUBSCRIPTION -> "subscription";
            case LOCATION -> "location";
            case RESOURCE_GROUP -> "resourceGroup";
            case TAG -> "tag:" + tag;
        };
    }

    /** The group a cluster belongs to; clusters without the tag form the group "(no NAME tag)". */
    public String keyOf(ManagedCluster c) {
        return switch (kind) {
            case NONE -> "";
            case SUBSCRIPTION -> orUnknown(c.subscriptionId());
            case LOCATION -> orUnknown(c.location());
            case RESOURCE_GROUP -> orUnknown(c.resourceGroup());
            case TAG -> tagValue(c.tags(), tag);
        };
    }

    private static String tagValue(Map<String, String> tags, String name) {
        for (Map.Entry<String, String> e : tags.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue() == null || e.getValue().isBlank() ? "(empty " + name + " tag)" : e.getValue();
            }
        }
        return "(no " + name + " tag)";
    }

    private static String orUnknown(String value) {
        return value == null || value.isBlank() ? "(unknown)" : value;
    }
}
