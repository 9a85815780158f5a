package org.kubenetmigrate.planner.model;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What surrounds the clusters beyond their networks: resource locks, network security groups, compute usages and
 * effective routes, and which of those types the input covers. A type is covered for a subscription when a live read
 * (a snapshot) says it read that type there, or when a file input holds at least one resource of it there; only
 * then does "nothing found" mean "none". A read that failed is kept as a {@link TypeGap} naming the missing action.
 */
public record Surroundings(List<ResourceLock> locks, List<NetworkSecurityGroup> networkSecurityGroups,
                           List<ComputeUsages> computeUsages, List<EffectiveRouteTable> effectiveRoutes,
                           Map<SurroundingType, Set<String>> coveredSubscriptions, List<TypeGap> gaps) {

    private static final Surroundings NONE = new Surroundings(List.of(), List.of(), List.of(), List.of(), Map.of(),
            List.of());

    public Surroundings {
        locks = List.copyOf(locks);
        networkSecurityGroups = List.copyOf(networkSecurityGroups);
        computeUsages = List.copyOf(computeUsages);
        effectiveRoutes = List.copyOf(effectiveRoutes);
        Map<SurroundingType, Set<String>> covered = new EnumMap<>(SurroundingType.class);
        coveredSubscriptions.forEach((type, subs) -> {
            Set<String> keys = new HashSet<>();
            subs.forEach(s -> keys.add(s.toLowerCase(Locale.ROOT)));
            covered.put(type, Set.copyOf(keys));
        });
        coveredSubscriptions = Map.copyOf(covered);
        gaps = List.copyOf(gaps);
    }

    /** Nothing read: every check needing these types is unverified. */
    public static Surroundings none() {
        return NONE;
    }

    /**
     * A read of a type that failed in a subscription.
     *
     * @param missingAction the RBAC action Azure named (403), or null
     */
    public record TypeGap(SurroundingType type, String subscriptionId, String reason, String missingAction) {
        public String describe() {
            StringBuilder text = new StringBuilder(type.label()).append(" of subscription ").append(subscriptionId)
                    .append(" could not be read: ").append(reason);
            if (missingAction != null) {
                text.append(" (the identity lacks ").append(missingAction).append(')');
            }
            return text.toString();
        }
    }

    /** True when the input holds every resource of {@code type} in {@code subscriptionId}, so absence means none. */
    public boolean covers(SurroundingType type, String subscriptionId) {
        return subscriptionId != null && coveredSubscriptions.getOrDefault(type, Set.of())
                .contains(subscriptionId.toLowerCase(Locale.ROOT)) && gap(type, subscriptionId).isEmpty();
    }

    /**
     * True when the input simply holds no data of {@code type} for {@code subscriptionId}: not covered, and no read
     * of it failed there (a failed read is a {@link TypeGap}, which a later read would meet again).
     */
    public boolean notInInput(SurroundingType type, String subscriptionId) {
        return !covers(type, subscriptionId) && gap(type, subscriptionId).isEmpty();
    }

    /** The type when {@link #notInInput} holds, for an unverified check to say why it did not run; else null. */
    public SurroundingType ifNotInInput(SurroundingType type, String subscriptionId) {
        return notInInput(type, subscriptionId) ? type : null;
    }

    public Optional<TypeGap> gap(SurroundingType type, String subscriptionId) {
        return gaps.stream().filter(g -> g.type() == type && g.subscriptionId().equalsIgnoreCase(subscriptionId))
                .findFirst();
    }

    /**
     * Why {@code type} is not known for {@code subscriptionId}: the failed read, or that the input has none of it
     * and which export adds it. Empty when it is covered.
     */
    public Optional<String> missing(SurroundingType type, String subscriptionId) {
        Optional<TypeGap> gap = gap(type, subscriptionId);
        if (gap.isPresent()) {
            return Optional.of(gap.get().describe());
        }
        if (covers(type, subscriptionId)) {
            return Optional.empty();
        }
        return Optional.of("the input holds no " + type.label() + " of subscription " + subscriptionId
                + "; add the output of `" + type.export() + "` for it");
    }

    public Optional<ComputeUsages> computeUsages(String subscriptionId, String location) {
        return computeUsages.stream().filter(u -> u.subscriptionId().equalsIgnoreCase(subscriptionId)
                && normalLocation(u.location()).equals(normalLocation(location))).findFirst();
    }

    /** Azure spells regions "westeurope" in ids and "West Europe" in some outputs. */
    public static String normalLocation(String location) {
        return location == null ? "" : location.replace(" ", "").toLowerCase(Locale.ROOT);
    }

    /** Builds the coverage map as readers find resources. */
    public static final class Builder {
        private final List<ResourceLock> locks = new ArrayList<>();
        private final List<NetworkSecurityGroup> nsgs = new ArrayList<>();
        private final List<ComputeUsages> usages = new ArrayList<>();
        private final List<EffectiveRouteTable> routes = new ArrayList<>();
        private final Map<SurroundingType, Set<String>> covered = new EnumMap<>(SurroundingType.class);
        private final List<TypeGap> gaps = new ArrayList<>();

        public Builder cover(SurroundingType type, String subscriptionId) {
            if (subscriptionId != null && !subscriptionId.isBlank()) {
                covered.computeIfAbsent(type, t -> new HashSet<>()).add(subscriptionId.toLowerCase(Locale.ROOT));
            }
            return this;
        }

        public Builder add(ResourceLock lock) {
            locks.add(lock);
            return cover(SurroundingType.LOCKS, lock.id().subscriptionId());
        }

        public Builder add(NetworkSecurityGroup nsg) {
            nsgs.add(nsg);
            return cover(SurroundingType.NETWORK_SECURITY_GROUPS, nsg.subscriptionId());
        }

        public Builder add(ComputeUsages usage) {
            usages.add(usage);
            return this;
        }

        public Builder add(EffectiveRouteTable table) {
            routes.add(table);
            return this;
        }

        public Builder gap(TypeGap gap) {
            gaps.add(gap);
            return this;
        }

        /** Adds everything of {@code other}: its resources, what it covers and its gaps. */
        public Builder addAll(Surroundings other) {
            other.locks().forEach(this::add);
            other.networkSecurityGroups().forEach(this::add);
            other.computeUsages().forEach(this::add);
            other.effectiveRoutes().forEach(this::add);
            other.coveredSubscriptions().forEach((type, subs) -> subs.forEach(sub -> cover(type, sub)));
            gaps.addAll(other.gaps());
            return this;
        }

        /** Adds what another builder recorded as read or unreadable (a snapshot's metadata), not its resources. */
        public Builder merge(Builder other) {
            if (other != null) {
                other.covered.forEach((type, subs) -> covered.computeIfAbsent(type, t -> new HashSet<>()).addAll(subs));
                gaps.addAll(other.gaps);
            }
            return this;
        }

        public Surroundings build() {
            return new Surroundings(locks, nsgs, usages, routes, covered, gaps);
        }
    }
}
