package org.kubenetmigrate.executor.azure.sdk;

import org.kubenetmigrate.executor.azure.ClusterOperations;
import org.kubenetmigrate.executor.azure.ClusterOperationsProvider;
import org.kubenetmigrate.planner.inventory.AzureTarget;
import org.kubenetmigrate.planner.inventory.InventoryException;
import org.kubenetmigrate.planner.azure.AzureSession;
import org.kubenetmigrate.planner.azure.InventorySettings;

/**
 * The live provider, registered in {@code META-INF/services}: signs in the way the live inventory does
 * ({@link AzureSession#signIn}: an environment service principal, else DefaultAzureCredential; TLS trust from the
 * JVM's trust-store settings) and only when {@link #open} is called, so that commands that never reach Azure never
 * build a client. {@link #open} asks for one token at once ({@link AzureSession#checkSignIn}).
 */
public final class SdkClusterOperationsProvider implements ClusterOperationsProvider {
    private final AzureTarget target;

    /** For {@link java.util.ServiceLoader}: the cloud and tenant from the environment (AZURE_CLOUD, …). */
    public SdkClusterOperationsProvider() {
        this(new AzureTarget(null, null, null, null));
    }

    public SdkClusterOperationsProvider(AzureTarget target) {
        this.target = target;
    }

    @Override
    public ClusterOperationsProvider withSignIn(AzureTarget signIn) {
        return new SdkClusterOperationsProvider(signIn);
    }

    @Override
    public ClusterOperations open(String clusterId) throws LiveAccessUnavailableException {
        AzureSession session;
        try {
            session = AzureSession.signIn(target, InventorySettings.defaults());
            // Signed in before anything is locked or written: a credential that cannot work stops here, once.
            session.checkSignIn();
        } catch (IllegalArgumentException e) {
            throw new LiveAccessUnavailableException("cannot sign in to Azure: " + e.getMessage());
        } catch (InventoryException e) {
            throw new LiveAccessUnavailableException(e.getMessage(), true);
        }
        return new SdkClusterOperations(session.pipeline(), session.pipelineWithoutRetry(),
                session.resourceManagerEndpoint(), configuredServicePrincipal());
    }

    /** The app id of an environment service principal, when one is configured (the lock and journal name it). */
    private static String configuredServicePrincipal() {
        String id = System.getProperty("AZURE_CLIENT_ID");
        if (id == null || id.isBlank()) {
            id = System.getenv("AZURE_CLIENT_ID");
        }
        return id == null || id.isBlank() ? null : "app " + id;
    }
}
