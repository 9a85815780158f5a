package org.kubenetmigrate.planner.model;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Two copies of one resource in the input that differ in what the rules read (say a Resource Graph export and a
 * later {@code az aks show}). Neither is trusted over the other: every cluster it touches is judged on both and gets
 * the worse verdict, and the report names both files and the differing fields.
 *
 * @param id the resource both copies claim to be
 * @param first where the copy kept in the fleet came from (first in sorted file order)
 * @param other where the differing copy came from
 * @param fields the model fields that differ, e.g. {@code network}, {@code agentPools}
 * @param otherCopy the differing copy: a {@link ManagedCluster}, {@link VirtualNetwork} or {@link RouteTable}
 */
public record InputConflict(ArmId id, SourceRef first, SourceRef other, List<String> fields, Record otherCopy) {
    /** Not read by any rule: where a copy came from, its ETag (changes on every write) and its tags (grouping only). */
    private static final Set<String> IGNORED = Set.of("source", "eTag", "tags");

    public InputConflict {
        fields = List.copyOf(fields);
        Objects.requireNonNull(otherCopy, "otherCopy");
    }

    /** The conflict between two copies of one resource, or null when they agree on everything a rule reads. */
    public static InputConflict between(ArmId id, Record first, SourceRef firstSource, Record other,
                                        SourceRef otherSource) {
        List<String> differing = differingFields(first, other);
        return differing.isEmpty() ? null : new InputConflict(id, firstSource, otherSource, differing, other);
    }

    /** The record components (other than {@link #IGNORED}) whose values differ. */
    static List<String> differingFields(Record a, Record b) {
        if (a.getClass() != b.getClass()) {
            return List.of("type");
        }
        List<String> differing = new ArrayList<>();
        for (RecordComponent component : a.getClass().getRecordComponents()) {
            if (IGNORED.contains(component.getName())) {
                continue;
            }
            try {
                if (!Objects.equals(component.getAccessor().invoke(a), component.getAccessor().invoke(b))) {
                    differing.add(component.getName());
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + component.getName(), e);
            }
        }
        return differing;
    }

    /** For a reader: "copies in A and B differ in network, agentPools". */
    public String describe() {
        return "two copies of " + id.value() + " differ in " + String.join(", ", fields) + ": " + first.describe()
                + " and " + other.describe();
    }
}
