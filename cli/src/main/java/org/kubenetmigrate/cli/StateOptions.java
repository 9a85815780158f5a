package org.kubenetmigrate.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --state DIR|URL}: where runs and locks live. A Blob container URL holds fleet rollouts; the single-cluster
 * commands accept it for a rollout member's run, run by hand under the member's lease and its cluster's lock.
 */
final class StateOptions {
    static final String DEFAULT = ".kubenet-migrate";

    @Option(names = "--state", paramLabel = "DIR|URL", defaultValue = DEFAULT,
            description = "State directory: runs/<runId>/ (plan copy, journal, audit log, backup) and locks/."
                    + " Default: .kubenet-migrate under the working directory. Also the Blob container URL of a fleet"
                    + " rollout (https://ACCOUNT.blob.core.windows.net/CONTAINER[/PREFIX]) for a member's run by hand:"
                    + " status, apply (the member's frozen plan), resume, rollback and unlock take the member's lease"
                    + " and its cluster's lock there. Runs with a local state never see those locks: run a rollout's"
                    + " members only through its shared state.")
    String state;

    /** True when the state is shared (a URL) rather than a local directory. */
    boolean shared() {
        return state.contains("://");
    }

    /** The local state directory; a URL is refused for the commands that work on one only. */
    Path directory() throws CliException {
        if (shared()) {
            throw new CliException(ExitCodes.INVALID_INPUT, "--state " + RolloutCommand.redacted(state) + ": this"
                    + " command works on a local state directory; a shared state holds fleet rollouts (see 'rollout"
                    + " --help'); status, apply, resume, rollback and unlock accept it for a member's run");
        }
        return Path.of(state);
    }

    /**
     * The local directory for a command that only reads it: a --state that does not exist is a typo (exit 2), never
     * "no runs"; the default may be missing (nothing has run here yet).
     */
    Path toRead() throws CliException {
        Path dir = directory();
        if (!DEFAULT.equals(state) && !Files.isDirectory(dir)) {
            throw new CliException(ExitCodes.INVALID_INPUT, "--state " + dir + ": "
                    + (Files.exists(dir) ? "not a directory" : "no such directory"));
        }
        return dir;
    }
}
