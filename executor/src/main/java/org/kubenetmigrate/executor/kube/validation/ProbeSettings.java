package org.kubenetmigrate.executor.kube.validation;

import java.time.Duration;
import java.util.Objects;

/**
 * How the probe workload runs.
 *
 * @param image a busybox image with the nslookup, wget and httpd applets; the default is on MCR, which AKS's
 *              required egress list allows (whether that image's busybox has all three applets is UNCONFIRMED here,
 *              as no real cluster or registry is reachable from the build)
 * @param pollInterval how often the probe pods' status is read
 * @param namespace an existing namespace to run the probe pods in (then only pods are created and deleted, so RBAC
 *                  can be limited to that namespace), or null to create and delete a namespace of its own
 */
public record ProbeSettings(String image, Duration pollInterval, String namespace) {
    public static final ProbeSettings DEFAULTS =
            new ProbeSettings("mcr.microsoft.com/cbl-mariner/busybox:2.0", Duration.ofSeconds(2), null);

    public ProbeSettings {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(pollInterval, "pollInterval");
    }
}
