package org.kubenetmigrate.cli;

import picocli.CommandLine.Option;

/** {@code -o/--output} of the commands that show a run as it goes (apply, resume, rollback). */
final class RunOutputOption {
    enum Format { text, json }

    @Option(names = {"-o", "--output"}, paramLabel = "text|json", defaultValue = "text",
            description = "text (default): the run as a person reads it; json: one JSON object per event and line."
                    + OutputFormats.ALIAS_NOTE)
    Format format;
}
