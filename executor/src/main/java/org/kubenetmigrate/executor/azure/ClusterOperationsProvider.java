package org.kubenetmigrate.executor.azure;

import java.util.Iterator;
import java.util.ServiceLoader;
import org.kubenetmigrate.planner.inventory.AzureTarget;

/**
 * Where the CLI gets its {@link ClusterOperations}: the Azure SDK adapter registers one through
 * {@code META-INF/services/org.kubenetmigrate.executor.azure.ClusterOperationsProvider}; tests hand one in
 * directly. A build without an adapter has none, and every command that needs Azure says so.
 */
public interface ClusterOperationsProvider {

    /**
     * Opens access to the cluster's subscription.
     *
     * @param clusterId the ARM id of the managed cluster the run is about
     * @throws LiveAccessUnavailableException when this build or environment cannot reach Azure
     */
    ClusterOperations open(String clusterId) throws LiveAccessUnavailableException;

    /**
     * This provider signing in to {@code target} (cloud, endpoints, tenant from the command line) instead of the
     * environment's defaults. Providers that do not sign in (tests) return themselves.
     */
    default ClusterOperationsProvider withSignIn(AzureTarget target) {
        return this;
    }

    /** The provider registered on the class path, or one that explains that there is none. */
    static ClusterOperationsProvider discover() {
        Iterator<ClusterOperationsProvider> found = ServiceLoader.load(ClusterOperationsProvider.class).iterator();
        return found.hasNext() ? found.next() : unavailable();
    }

    /** A provider that always refuses: this build has no live Azure access. */
    static ClusterOperationsProvider unavailable() {
        return clusterId -> {
            throw new LiveAccessUnavailableException("live Azure access is not available in this build: no Azure"
                    + " adapter is installed (it comes with the live-Azure work); 'plan' shows the planned requests"
                    + " offline");
        };
    }

    /**
     * Thrown when the executor cannot talk to Azure at all; the CLI exits 1 with the message, or 2 when no
     * credential worked (the same code as every other command's failed sign-in).
     */
    final class LiveAccessUnavailableException extends Exception {
        private static final long serialVersionUID = 1L;
        private final boolean signIn;

        public LiveAccessUnavailableException(String message) {
            this(message, false);
        }

        public LiveAccessUnavailableException(String message, boolean signIn) {
            super(message);
            this.signIn = signIn;
        }

        /** True when the sign-in failed: the user must sign in (az login, a service principal, …). */
        public boolean signInFailed() {
            return signIn;
        }
    }
}
