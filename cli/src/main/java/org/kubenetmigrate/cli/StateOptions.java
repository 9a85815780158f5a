package org.kubenetmigrate.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --state DIR}: where runs and locks live. */
final class StateOptions {
    static final Path DEFAULT = Path.of(".kubenet-migrate");

    Path state = DEFAULT;
    private boolean given;

    @Option(names = "--state", paramLabel = "DIR",
            description = "State directory: runs/<runId>/ (plan copy, journal, audit log, backup) and locks/."
                    + " Default: .kubenet-migrate under the working directory.")
    void state(Path dir) {
        state = dir;
        given = true;
    }

    /**
     * The directory for a command that only reads it: a --state that does not exist is a typo (exit 2), never "no
     * runs"; the default may be missing (nothing has run here yet).
     */
    Path toRead() throws CliException {
        if (given && !Files.isDirectory(state)) {
            throw new CliException(ExitCodes.INVALID_INPUT, "--state " + state + ": "
                    + (Files.exists(state) ? "not a directory" : "no such directory"));
        }
        return state;
    }
}
