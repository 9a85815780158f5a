package org.kubenetmigrate.planner.plan;

import java.util.List;
import java.util.Objects;

/**
 * What the plan saw of the cluster, so that the executor can refuse a stale plan (Terraform's "Saved plan is
 * stale"): the ARM ETag when the input carried one, and a hash of the properties the plan depends on, which
 * also works when the ETag is missing and ignores changes the plan does not care about (tags).
 *
 * @param etag the cluster's ARM ETag, or null when the input had none
 * @param propertiesHash {@code sha256:<hex>} of {@link Fingerprints#canonicalText}
 * @param properties the names of the properties hashed
 */
public record Fingerprint(String etag, String propertiesHash, List<String> properties) {
    public Fingerprint {
        Objects.requireNonNull(propertiesHash, "propertiesHash");
        properties = List.copyOf(properties);
    }
}
