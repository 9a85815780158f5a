package org.kubenetmigrate.planner.azure;

import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.core.http.policy.AddDatePolicy;
import com.azure.core.http.policy.ExponentialBackoffOptions;
import com.azure.core.http.policy.RequestIdPolicy;
import com.azure.core.http.policy.RetryOptions;
import com.azure.core.http.policy.RetryPolicy;
import com.azure.core.http.policy.UserAgentPolicy;
import com.azure.core.management.AzureEnvironment;
import com.azure.core.management.http.policy.ArmChallengeAuthenticationPolicy;
import com.azure.core.management.profile.AzureProfile;
import com.azure.core.util.Configuration;
import com.azure.identity.ClientCertificateCredentialBuilder;
import com.azure.identity.ClientSecretCredentialBuilder;
import com.azure.identity.DefaultAzureCredentialBuilder;
import com.azure.resourcemanager.containerservice.ContainerServiceManager;
import com.azure.resourcemanager.network.NetworkManager;
import com.azure.resourcemanager.resourcegraph.ResourceGraphManager;
import com.azure.resourcemanager.resources.ResourceManager;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.kubenetmigrate.planner.inventory.AzureTarget;
import org.kubenetmigrate.planner.inventory.InventoryException;

/**
 * One signed-in connection to a cloud: the credential, one HTTP client and one pipeline shared by every manager
 * (building managers is the expensive part of startup, so they are made on first use and cached per subscription).
 *
 * <p>Pipeline, outermost first: user agent, request id, raw-body capture ({@link RawBodies}, sees final answers
 * only), Resource Graph quota headers, the SDK retry policy (the one owner of retries), date, ARM bearer-token
 * authentication. No HTTP logging policy: headers and bodies (tokens) never reach a log.
 */
public final class AzureSession {
    private final AzureTarget target;
    private final AzureEnvironment environment;
    private final HttpPipeline pipeline;
    private final TokenCredential credential;
    private final HttpPipeline pipelineWithoutRetry;
    private final GraphQuota quota = new GraphQuota();
    private final Resilience resilience;
    private final InventorySettings settings;
    private final Map<String, ContainerServiceManager> containerService = new ConcurrentHashMap<>();
    private final Map<String, NetworkManager> network = new ConcurrentHashMap<>();
    private volatile ResourceGraphManager graph;
    private volatile ResourceManager.Authenticated resources;

    public AzureSession(AzureTarget target, InventorySettings settings, HttpClient httpClient, TokenCredential credential) {
        this.target = target;
        this.settings = settings;
        this.environment = AzureClouds.environment(target);
        this.resilience = new Resilience(settings, quota);
        this.credential = credential;
        this.pipeline = new HttpPipelineBuilder()
                .httpClient(httpClient)
                .policies(new UserAgentPolicy("kubenet-migrate"), new RequestIdPolicy(), RawBodies.policy(),
                        quota.policy(), new RetryPolicy(settings.retry()), new AddDatePolicy(),
                        new ArmChallengeAuthenticationPolicy(credential, AzureClouds.armScope(environment)))
                .build();
        // The same policies minus retry and capture, for writes: whether a write may be re-sent is the caller's
        // decision (a PUT that timed out may have been applied), so nothing below the caller repeats one.
        this.pipelineWithoutRetry = new HttpPipelineBuilder()
                .httpClient(httpClient)
                .policies(new UserAgentPolicy("kubenet-migrate"), new RequestIdPolicy(), new AddDatePolicy(),
                        new ArmChallengeAuthenticationPolicy(credential, AzureClouds.armScope(environment)))
                .build();
    }

    /**
     * Asks for one Resource Manager token now, once: a sign-in that cannot work fails here, in one line and within
     * the credential's own time, before anything is read, locked or written. Through the pipeline the same failure
     * would be retried by the retry policy, each retry running the whole credential chain again. The token is
     * cached by the credential, so the first read does not ask again.
     *
     * @throws InventoryException of kind {@link InventoryException.Kind#SIGN_IN} when no credential worked
     */
    public void checkSignIn() throws InventoryException {
        try {
            credential.getTokenSync(new TokenRequestContext().addScopes(AzureClouds.armScope(environment)));
        } catch (RuntimeException e) {
            throw new InventoryException(InventoryException.Kind.SIGN_IN, "Azure sign-in failed: "
                    + Failures.oneLine(Failures.signInMessage(e)), e);
        }
    }

    /**
     * The session's authentication on a pipeline without any retry policy: every call sends exactly one request.
     * For writes, whose re-sending the caller decides.
     */
    public HttpPipeline pipelineWithoutRetry() {
        return pipelineWithoutRetry;
    }

    /**
     * Signs in the way Azure users do: an environment service principal ({@code AZURE_CLIENT_ID} with
     * {@code AZURE_CLIENT_SECRET} or {@code AZURE_CLIENT_CERTIFICATE_PATH}) when one is configured, else
     * azure-identity's DefaultAzureCredential chain (workload identity, managed identity, Azure CLI, ...). TLS trust
     * follows the JVM's standard {@code javax.net.ssl.trustStore*} settings.
     */
    public static AzureSession signIn(AzureTarget target, InventorySettings settings) {
        HttpClient http = jvmTrustingHttpClient();
        return new AzureSession(target, settings, http, credential(target, http));
    }

    /**
     * Retries of the credential's own requests to Entra ID (and the managed identity endpoint). A refused secret
     * (400/401) is never retried; a throttled or failing token endpoint (429, 5xx) or a dropped connection is asked
     * twice more, within about two seconds, instead of the SDK default's three times up to eight seconds apart: a
     * person waiting for a sign-in error, or a CI job, learns of it quickly, and the token is asked for once per run
     * ({@link #checkSignIn}).
     */
    static final RetryOptions SIGN_IN_RETRY = new RetryOptions(new ExponentialBackoffOptions().setMaxRetries(2)
            .setBaseDelay(Duration.ofMillis(250)).setMaxDelay(Duration.ofSeconds(1)));

    static TokenCredential credential(AzureTarget target, HttpClient http) {
        String authority = AzureClouds.authorityHost(target);
        boolean knownAuthority = AzureClouds.isWellKnownAuthority(authority);
        String tenant = target.tenantId() != null ? target.tenantId() : setting(Configuration.PROPERTY_AZURE_TENANT_ID);
        String clientId = setting(Configuration.PROPERTY_AZURE_CLIENT_ID);
        String secret = setting(Configuration.PROPERTY_AZURE_CLIENT_SECRET);
        String certificate = setting(Configuration.PROPERTY_AZURE_CLIENT_CERTIFICATE_PATH);
        // An explicitly configured service principal is used alone: falling through to another identity would
        // inventory with rights the user did not choose.
        if (clientId != null && tenant != null && secret != null) {
            ClientSecretCredentialBuilder b = new ClientSecretCredentialBuilder().clientId(clientId).clientSecret(secret)
                    .tenantId(tenant).authorityHost(authority).httpClient(http).retryOptions(SIGN_IN_RETRY);
            return (knownAuthority ? b : b.disableInstanceDiscovery()).build();
        }
        if (clientId != null && tenant != null && certificate != null) {
            ClientCertificateCredentialBuilder b = new ClientCertificateCredentialBuilder().clientId(clientId)
                    .tenantId(tenant).authorityHost(authority).httpClient(http).retryOptions(SIGN_IN_RETRY);
            String password = setting(Configuration.PROPERTY_AZURE_CLIENT_CERTIFICATE_PASSWORD);
            b = certificate.toLowerCase(Locale.ROOT).endsWith(".pem") ? b.pemCertificate(certificate)
                    : b.pfxCertificate(certificate).clientCertificatePassword(password);
            return (knownAuthority ? b : b.disableInstanceDiscovery()).build();
        }
        DefaultAzureCredentialBuilder b = new DefaultAzureCredentialBuilder().authorityHost(authority).httpClient(http)
                .retryOptions(SIGN_IN_RETRY);
        if (tenant != null) {
            b.tenantId(tenant);
        }
        return (knownAuthority ? b : b.disableInstanceDiscovery()).build();
    }

    /** A setting from a system property, else the environment (read now: the SDK's global configuration caches). */
    static String setting(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            value = System.getenv(name);
        }
        return value == null || value.isBlank() ? null : value;
    }

    /**
     * The JDK HTTP client trusting what the JVM is told to trust: {@code javax.net.ssl.trustStore} (with
     * {@code trustStorePassword} and {@code trustStoreType}) when set, read now rather than when the JVM's default
     * SSL context was first built; otherwise the JVM's default trust.
     */
    public static HttpClient jvmTrustingHttpClient() {
        String store = System.getProperty("javax.net.ssl.trustStore");
        if (store == null || store.isBlank() || store.equalsIgnoreCase("NONE")) {
            return new JdkHttpClientBuilder().build();
        }
        try (InputStream in = Files.newInputStream(Path.of(store))) {
            KeyStore keyStore = KeyStore.getInstance(System.getProperty("javax.net.ssl.trustStoreType", KeyStore.getDefaultType()));
            String password = System.getProperty("javax.net.ssl.trustStorePassword");
            keyStore.load(in, password == null ? null : password.toCharArray());
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(keyStore);
            SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(null, tmf.getTrustManagers(), null);
            return new JdkHttpClientBuilder(java.net.http.HttpClient.newBuilder().sslContext(ssl)).build();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("javax.net.ssl.trustStore " + store + " cannot be used: " + e.getMessage(), e);
        }
    }

    /**
     * The signed-in pipeline (retries, ARM bearer token, no logging of headers or bodies), for ARM calls the SDK
     * managers do not offer in the shape needed (the executor's AKS credential and run-command access).
     */
    public HttpPipeline pipeline() {
        return pipeline;
    }

    /** The credential, for tokens to other audiences than ARM (the AKS server application). */
    public TokenCredential credential() {
        return credential;
    }

    /** The Resource Manager endpoint, with a trailing slash. */
    public String resourceManagerEndpoint() {
        String endpoint = environment.getResourceManagerEndpoint();
        return endpoint.endsWith("/") ? endpoint : endpoint + "/";
    }

    AzureTarget target() {
        return target;
    }

    AzureEnvironment environment() {
        return environment;
    }

    Resilience resilience() {
        return resilience;
    }

    InventorySettings settings() {
        return settings;
    }

    private AzureProfile profile(String subscriptionId) {
        return new AzureProfile(target.tenantId(), subscriptionId, environment);
    }

    ContainerServiceManager containerService(String subscriptionId) {
        return containerService.computeIfAbsent(subscriptionId.toLowerCase(Locale.ROOT),
                s -> ContainerServiceManager.authenticate(pipeline, profile(s)));
    }

    NetworkManager network(String subscriptionId) {
        return network.computeIfAbsent(subscriptionId.toLowerCase(Locale.ROOT),
                s -> NetworkManager.authenticate(pipeline, profile(s)));
    }

    ResourceGraphManager graph() {
        if (graph == null) {
            graph = ResourceGraphManager.authenticate(pipeline, profile(null));
        }
        return graph;
    }

    ResourceManager.Authenticated resources() {
        if (resources == null) {
            resources = ResourceManager.authenticate(pipeline, profile(null));
        }
        return resources;
    }
}
