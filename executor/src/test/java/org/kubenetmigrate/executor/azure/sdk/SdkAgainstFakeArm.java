package org.kubenetmigrate.executor.azure.sdk;

import com.azure.core.http.HttpClient;
import com.azure.core.http.policy.FixedDelayOptions;
import com.azure.core.http.policy.RetryOptions;
import com.azure.identity.ClientSecretCredentialBuilder;
import java.net.URI;
import java.time.Duration;
import org.kubenetmigrate.planner.inventory.AzureTarget;
import org.kubenetmigrate.planner.azure.AzureSession;
import org.kubenetmigrate.planner.azure.InventorySettings;
import org.kubenetmigrate.testsupport.FakeArm;
import org.kubenetmigrate.testsupport.SdkClients;

/** The executor's Azure SDK adapter signed in to a fake ARM, with the real credential and pipeline. */
public final class SdkAgainstFakeArm {
    private SdkAgainstFakeArm() {
    }

    /** The adapter against {@code fake}; reads are retried {@code readRetries} times, 10 ms apart. */
    public static SdkClusterOperations clusterOperations(FakeArm fake, int readRetries, String principal) {
        URI base = URI.create(fake.baseUrl());
        HttpClient http = SdkClients.trustingFakeArm();
        var credential = new ClientSecretCredentialBuilder().tenantId(FakeArm.TENANT).clientId(FakeArm.CLIENT_ID)
                .clientSecret(FakeArm.CLIENT_SECRET).authorityHost(fake.baseUrl()).disableInstanceDiscovery()
                .httpClient(http).build();
        RetryOptions retry = new RetryOptions(new FixedDelayOptions(readRetries, Duration.ofMillis(10)));
        AzureSession session = new AzureSession(new AzureTarget("AzureCloud", base, base, FakeArm.TENANT),
                InventorySettings.defaults().withRetry(retry), http, credential);
        return new SdkClusterOperations(session.pipeline(), session.pipelineWithoutRetry(),
                session.resourceManagerEndpoint(), principal);
    }
}
