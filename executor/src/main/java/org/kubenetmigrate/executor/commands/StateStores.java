package org.kubenetmigrate.executor.commands;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.function.Supplier;
import org.kubenetmigrate.executor.azure.blob.BlobStateStore;
import org.kubenetmigrate.executor.state.LocalStateStore;
import org.kubenetmigrate.executor.state.StateLocation;
import org.kubenetmigrate.executor.state.StateStore;
import org.kubenetmigrate.planner.azure.AzureSession;

/** Opens the state a {@code --state} value names, with the credentials its kind needs. */
public final class StateStores {
    /** Set for key or SAS access to Blob Storage (and for Azurite); otherwise the Azure sign-in chain is used. */
    public static final String CONNECTION_STRING = "AZURE_STORAGE_CONNECTION_STRING";

    private StateStores() {
    }

    /**
     * @param variables the process environment (for {@value #CONNECTION_STRING})
     * @param signIn the Azure sign-in, made only when a Blob URL is used without a connection string
     */
    public static StateStore open(StateLocation location, Map<String, String> variables,
                                  Supplier<AzureSession> signIn, Clock clock) {
        if (location instanceof StateLocation.Directory dir) {
            return new LocalStateStore(dir.path(), clock);
        }
        StateLocation.BlobContainer blob = (StateLocation.BlobContainer) location;
        String connection = variables.get(CONNECTION_STRING);
        if (connection != null && !connection.isBlank()) {
            try {
                return BlobStateStore.withConnectionString(blob, connection);
            } catch (RuntimeException e) {
                // The SDK's message may quote the string, key included: say what is wrong without it.
                throw new IllegalArgumentException(CONNECTION_STRING + " is set but is not a usable Blob Storage"
                        + " connection string (it needs AccountName and AccountKey or SharedAccessSignature, and"
                        + " BlobEndpoint or DefaultEndpointsProtocol)");
            }
        }
        return BlobStateStore.signedIn(blob, signIn.get());
    }

    /** The local directory a {@code --state} value names, for commands that only work on one. */
    public static Path directory(StateLocation location) {
        return location instanceof StateLocation.Directory dir ? dir.path() : null;
    }
}
