package org.kubenetmigrate.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --state DIR}: where runs and locks live. A Blob container URL holds fleet rollouts; of the single-cluster
 * commands, {@code status} and {@code resume} accept it for a rollout member's run, as the description says (the
 * label shows what every command that has the option takes).
 */
final class StateOptions {
    static final String DEFAULT = ".kubenet-migrate";

    @Option(names = "--state", paramLabel = "DIR", defaultValue = DEFAULT,
            description = "State directory: runs/<runId>/ (plan copy, journal, audit log, backup) and locks/."
                    + " Default: .kubenet-migrate under the working directory. status and resume also take the Blob"
                    + " container URL of a fleet rollout (https://ACCOUNT.blob.core.windows.net/CONTAINER[/PREFIX])"
                    + " for a member's run.")
    String state;

    /** True when the state is shared (a URL) rather than a local directory. */
    boolean shared() {
        return state.contains("://");
    }

    /** The local state directory; a URL is refused for the commands that work on one only. */
    Path directory() throws CliException {
        if (shared()) {
            throw new CliException.BadInput(refusal());
        }
        return Path.of(state);
    }

    /** Why a command that works on a local state directory only refuses a shared one. */
    String refusal() {
        return "--state " + RolloutCommand.redacted(state) + ": this command works on a local state directory; a"
                + " shared state holds fleet rollouts (see 'rollout --help'); 'status RUN_ID' and 'resume RUN_ID'"
                + " accept it for a member's run";
    }

    /**
     * The local directory for a command that only reads it: a --state that does not exist is a typo (exit 2), never
     * "no runs"; the default may be missing (nothing has run here yet).
     */
    Path toRead() throws CliException {
        Path dir = directory();
        if (!DEFAULT.equals(state) && !Files.isDirectory(dir)) {
            throw new CliException.BadInput("--state " + dir + ": "
                    + (Files.exists(dir) ? "not a directory" : "no such directory"));
        }
        return dir;
    }
}
