package org.kubenetmigrate.planner.model;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A value of one of Azure's string enums, as a cluster's JSON carried it: the known case it names, matched ignoring
 * case (ARM's extensible enums are sent as strings, and exports differ in case), or {@code OTHER} with the text kept
 * as sent, so that a value Azure adds later is shown as it came and never crashes a read or passes for a known one.
 *
 * @param kind the known case, or the enum's {@code OTHER}
 * @param text the canonical spelling of a known case, else the text as sent (trimmed)
 * @param <K> the closed set, e.g. {@link NetworkPlugin}
 */
public record AzureValue<K extends Enum<K> & AzureValue.Kind>(K kind, String text) {

    /** A case of a closed set; the case named {@code OTHER} stands for every value not known. */
    public interface Kind {
        /** How Azure spells the value: the case's name in lower case unless the set says otherwise; null for OTHER. */
        default String wire() {
            String name = ((Enum<?>) this).name();
            return name.equals("OTHER") ? null : name.toLowerCase(Locale.ROOT);
        }
    }

    public AzureValue {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
    }

    /** The value of a JSON field: null when absent or blank, else the known case it names or the text as sent. */
    public static <K extends Enum<K> & Kind> AzureValue<K> parse(Class<K> type, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String text = raw.trim();
        K other = null;
        for (K kind : type.getEnumConstants()) {
            if (kind.wire() == null) {
                other = kind;
            } else if (kind.wire().equalsIgnoreCase(text)) {
                return known(kind);
            }
        }
        if (other == null) {
            throw new IllegalStateException(type.getSimpleName() + " has no case for values not known");
        }
        return new AzureValue<>(other, text);
    }

    /** A known case, spelled as Azure does. */
    public static <K extends Enum<K> & Kind> AzureValue<K> of(K kind) {
        if (kind.wire() == null) {
            throw new IllegalArgumentException(kind + " stands for values not known; parse the text instead");
        }
        return known(kind);
    }

    // A known value is the same for every resource that carries it, and a fleet's model carries hundreds of thousands
    // (plugin, policy, provisioning state of every cluster): one shared instance per case. Records are equal by value.
    private static final Map<Enum<?>, AzureValue<?>> KNOWN = new ConcurrentHashMap<>();

    @SuppressWarnings("unchecked")
    private static <K extends Enum<K> & Kind> AzureValue<K> known(K kind) {
        return (AzureValue<K>) KNOWN.computeIfAbsent(kind, k -> new AzureValue<>(kind, kind.wire()));
    }

    public boolean is(K known) {
        return kind == known;
    }

    /** True when the value is one this tool does not know. */
    public boolean unknown() {
        return kind.wire() == null;
    }

    /** The text as Azure spells it; what reports, plans and fingerprints show. */
    @Override
    public String toString() {
        return text;
    }

    /** The value's text, or null for an absent value. */
    public static String text(AzureValue<?> value) {
        return value == null ? null : value.text();
    }

    /** True when the value is present and the known case. */
    public static <K extends Enum<K> & Kind> boolean is(AzureValue<K> value, K known) {
        return value != null && value.is(known);
    }
}
