package org.kubenetmigrate.cli;

import java.io.PrintWriter;
import java.time.Clock;
import org.kubenetmigrate.executor.azure.ClusterOperationsProvider;
import org.kubenetmigrate.executor.engine.GatePrompt;
import org.kubenetmigrate.executor.engine.Sleeper;

/**
 * The CLI as a separate process for crash tests: the real Main, the real Azure adapter (found by ServiceLoader) and
 * the system clock; only the engine's waits are shortened (a hundredth) so that a migration takes seconds.
 */
public final class ChildCli {
    private ChildCli() {
    }

    public static void main(String[] args) {
        Sleeper fast = d -> Thread.sleep(Math.max(1, d.toMillis() / 100));
        // Only the Blob Storage connection string passes from the test's environment (for Azurite).
        String connection = System.getenv("AZURE_STORAGE_CONNECTION_STRING");
        CliEnvironment env = new CliEnvironment(Clock.systemUTC(), ClusterOperationsProvider.discover(), GatePrompt.NONE,
                fast, connection == null ? java.util.Map.of()
                : java.util.Map.of("AZURE_STORAGE_CONNECTION_STRING", connection));
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int code = Main.run(env, out, err, args);
        out.flush();
        err.flush();
        System.exit(code);
    }
}
