package org.kubenetmigrate.executor.azure.aks;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import io.fabric8.kubernetes.client.OAuthTokenProvider;
import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * The bearer token for an Entra-ID-integrated AKS API server, from azure-identity for the AKS server application
 * (what {@code kubelogin get-token --server-id 6dae42f8-…} asks for), so that kubelogin need not be installed and
 * no command from a kubeconfig is ever run. Cached until five minutes before it expires; never logged.
 */
public final class AksTokenProvider implements OAuthTokenProvider {
    /** The AKS server application (Azure Kubernetes Service AAD Server), the same in every cloud kubelogin knows. */
    public static final String AKS_SCOPE = "6dae42f8-4368-4678-94ff-3960e28e3630/.default";
    private static final Duration REFRESH_BEFORE = Duration.ofMinutes(5);

    private final TokenCredential credential;
    private AccessToken cached;

    public AksTokenProvider(TokenCredential credential) {
        this.credential = credential;
    }

    @Override
    public synchronized String getToken() {
        if (cached == null || cached.getExpiresAt() == null
                || cached.getExpiresAt().isBefore(OffsetDateTime.now().plus(REFRESH_BEFORE))) {
            cached = credential.getTokenSync(new TokenRequestContext().addScopes(AKS_SCOPE));
        }
        return cached.getToken();
    }

    @Override
    public String toString() {
        return "Entra ID token for " + AKS_SCOPE;
    }
}
