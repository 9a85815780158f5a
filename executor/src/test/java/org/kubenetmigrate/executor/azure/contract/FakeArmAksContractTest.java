package org.kubenetmigrate.executor.azure.contract;

import com.azure.core.http.HttpClient;
import com.azure.core.http.policy.FixedDelayOptions;
import com.azure.core.http.policy.RetryOptions;
import com.azure.identity.ClientSecretCredentialBuilder;
import java.net.URI;
import java.time.Duration;
import org.kubenetmigrate.executor.azure.sdk.SdkClusterOperations;
import org.kubenetmigrate.planner.inventory.AzureTarget;
import org.kubenetmigrate.planner.inventory.azure.AzureSession;
import org.kubenetmigrate.planner.inventory.azure.InventorySettings;
import org.kubenetmigrate.testsupport.FakeArm;
import org.kubenetmigrate.testsupport.ManagedClusterWrites;
import org.kubenetmigrate.testsupport.SdkClients;

/**
 * The AKS contract through the fake ARM over HTTPS, called by the executor's real Azure SDK adapter with the real
 * credential and HTTP pipeline: the same expectations as {@link InMemoryAksContractTest}, one protocol further.
 */
class FakeArmAksContractTest extends AksContract {
    @Override
    FrontEnd start() {
        FakeArm fake = FakeArm.start();
        ManagedClusterWrites writes = ManagedClusterWrites.install(fake).retryAfterSeconds("0");
        URI base = URI.create(fake.baseUrl());
        HttpClient http = SdkClients.trustingFakeArm();
        var credential = new ClientSecretCredentialBuilder().tenantId(FakeArm.TENANT).clientId(FakeArm.CLIENT_ID)
                .clientSecret(FakeArm.CLIENT_SECRET).authorityHost(fake.baseUrl()).disableInstanceDiscovery()
                .httpClient(http).build();
        AzureSession session = new AzureSession(new AzureTarget("AzureCloud", base, base, FakeArm.TENANT),
                InventorySettings.defaults().withRetry(new RetryOptions(new FixedDelayOptions(1, Duration.ofMillis(10)))),
                http, credential);
        SdkClusterOperations azure = new SdkClusterOperations(session.pipeline(), session.pipelineWithoutRetry(),
                session.resourceManagerEndpoint(), "contract test");
        return new FrontEnd(azure, writes.simulator(), fake::close);
    }
}
