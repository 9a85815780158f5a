package org.kubenetmigrate.executor.engine;

import java.util.Objects;
import org.kubenetmigrate.executor.kube.KubeAccess;
import org.kubenetmigrate.executor.kube.validation.ValidationReport;
import org.kubenetmigrate.planner.cidr.IpPrefix;
import org.kubenetmigrate.planner.inventory.InClusterSource;

/**
 * Kubernetes access to one cluster as the steps use it: the API server (for the steps that change objects inside
 * the cluster) and post-migration validation (which may read through run-command where the API server is out of
 * reach), or the reason there is none.
 *
 * @param api the API server, or null when unavailable
 * @param validator validation with the command line's probe and timeout, or null when unavailable
 * @param unavailableReason why there is no access, or null
 * @param checks the readiness rules' in-cluster reads through the same access (run-command as fallback where the
 *               access has one), for precheck; null when unavailable
 */
public record InClusterAccess(KubeAccess api, Validator validator, String unavailableReason, InClusterSource checks) {

    /** Validates the cluster against the planned pod CIDR (null skips that check). */
    @FunctionalInterface
    public interface Validator {
        ValidationReport validate(IpPrefix plannedPodCidr);
    }

    public InClusterAccess {
        if ((api == null) != (validator == null) || (api == null) != (checks == null)
                || (api == null) == (unavailableReason == null)) {
            throw new IllegalArgumentException("either access (api and validator) or a reason, not both");
        }
    }

    public static InClusterAccess of(KubeAccess api, Validator validator, InClusterSource checks) {
        return new InClusterAccess(Objects.requireNonNull(api, "api"), Objects.requireNonNull(validator, "validator"),
                null, Objects.requireNonNull(checks, "checks"));
    }

    public static InClusterAccess unavailable(String reason) {
        return new InClusterAccess(null, null, Objects.requireNonNull(reason, "reason"), null);
    }

    public boolean available() {
        return api != null;
    }
}
