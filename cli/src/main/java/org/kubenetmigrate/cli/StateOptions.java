package org.kubenetmigrate.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --state DIR}: where runs and locks live. */
final class StateOptions {
    @Option(names = "--state", paramLabel = "DIR", defaultValue = ".kubenet-migrate",
            description = "State directory: runs/<runId>/ (plan copy, journal, audit log, backup) and locks/."
                    + " Default: .kubenet-migrate under the working directory.")
    Path state;
}
