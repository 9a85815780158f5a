package org.kubenetmigrate.planner.model;

import java.util.List;
import java.util.Optional;

/**
 * The compute usages and limits of one subscription in one region ({@code Microsoft.Compute/locations/usages}):
 * one entry per quota, e.g. {@code cores} (total regional vCPUs) and {@code standardDSv5Family}.
 */
public record ComputeUsages(String subscriptionId, String location, List<Usage> usages, SourceRef source) {

    public ComputeUsages {
        usages = List.copyOf(usages);
    }

    /** One quota: {@code name} is Azure's key (name.value), {@code localizedName} the readable one. */
    public record Usage(String name, String localizedName, long currentValue, long limit) {
        public long free() {
            return Math.max(0, limit - currentValue);
        }
    }

    public Optional<Usage> usage(String name) {
        return usages.stream().filter(u -> u.name() != null && u.name().equalsIgnoreCase(name)).findFirst();
    }
}
