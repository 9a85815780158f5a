package org.kubenetmigrate.planner.assessment;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.kubenetmigrate.planner.rules.Readiness;

/**
 * The readiness of every cluster in the input.
 *
 * @param generatedAt when the assessment was made
 * @param clusters one assessment per cluster, in input order
 */
public record FleetAssessment(Instant generatedAt, List<ClusterAssessment> clusters) {

    public FleetAssessment {
        clusters = List.copyOf(clusters);
    }

    /** Clusters per verdict; every verdict is present, with 0 where none. */
    public Map<Readiness, Long> countsByReadiness() {
        Map<Readiness, Long> counts = new EnumMap<>(Readiness.class);
        for (Readiness r : Readiness.values()) {
            counts.put(r, 0L);
        }
        clusters.forEach(c -> counts.merge(c.readiness(), 1L, Long::sum));
        return counts;
    }
}
