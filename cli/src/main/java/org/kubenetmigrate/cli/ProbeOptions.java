package org.kubenetmigrate.cli;

import java.time.Duration;
import picocli.CommandLine.Option;

/** Whether the validate step also runs the probe workload inside the cluster. */
final class ProbeOptions {
    static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(3);

    @Option(names = "--probe", order = RunCommand.OWN_OPTION, description = "In the validate step, also run a"
            + " short-lived probe workload (its own"
            + " namespace; removed afterwards) that checks DNS and pod-to-pod traffic across two nodes. Needs"
            + " Kubernetes access and create/delete rights for it.")
    boolean probe;

    @Option(names = "--probe-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            order = RunCommand.OWN_OPTION,
            description = "How long the probe may take, creation to removal. Default: 3m.")
    Duration probeTimeout;

    Duration timeout() {
        return probeTimeout == null ? DEFAULT_TIMEOUT : probeTimeout;
    }
}
