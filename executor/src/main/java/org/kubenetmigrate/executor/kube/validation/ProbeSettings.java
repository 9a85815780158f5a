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
 */
public record ProbeSettings(String image, Duration pollInterval) {
    public static final ProbeSettings DEFAULTS =
            new ProbeSettings("mcr.microsoft.com/cbl-mariner/busybox:2.0", Duration.ofSeconds(2));

    public ProbeSettings {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(pollInterval, "pollInterval");
    }
}
