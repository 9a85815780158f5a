package org.kubenetmigrate.cli;

import java.time.Duration;
import org.kubenetmigrate.executor.engine.EngineSettings;
import picocli.CommandLine.Option;

/** How the run's output looks and how long it waits. */
final class RunOptions {
    enum Output { text, json }

    @Option(names = {"-o", "--output"}, paramLabel = "text|json", defaultValue = "text",
            description = "text (default): the run as a person reads it; json: one JSON object per event and line."
                    + OutputFormats.ALIAS_NOTE)
    Output output;

    @Option(names = "--operation-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How long to follow one long-running operation before stopping (it continues in Azure;"
                    + " resume follows it again). Default: 4h.")
    Duration operationTimeout;

    @Option(names = "--rollout-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How long observe-rollout watches the reimage before stopping. Default: 6h.")
    Duration rolloutTimeout;

    @Option(names = "--stall-after", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Say the reimage looks stuck (and name the likely causes) after this long without any"
                    + " change. Default: 20m.")
    Duration stallAfter;

    EngineSettings settings() {
        EngineSettings s = EngineSettings.DEFAULTS;
        if (operationTimeout != null) {
            s = s.withOperationTimeout(operationTimeout);
        }
        if (rolloutTimeout != null) {
            s = s.withRolloutTimeout(rolloutTimeout);
        }
        if (stallAfter != null) {
            s = s.withStallAfter(stallAfter);
        }
        return s;
    }
}
