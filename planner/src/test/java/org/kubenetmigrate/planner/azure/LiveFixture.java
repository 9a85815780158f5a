package org.kubenetmigrate.planner.azure;

import com.azure.core.http.HttpClient;
import com.azure.core.http.policy.FixedDelayOptions;
import com.azure.core.http.policy.RetryOptions;
import com.azure.identity.ClientSecretCredentialBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.kubenetmigrate.planner.input.FleetReader;
import org.kubenetmigrate.planner.input.InputException;
import org.kubenetmigrate.planner.inventory.AzureTarget;
import org.kubenetmigrate.planner.inventory.Snapshot;
import org.kubenetmigrate.planner.model.Fleet;
import org.kubenetmigrate.testsupport.ArmShapes;
import org.kubenetmigrate.testsupport.FakeArm;
import org.kubenetmigrate.testsupport.SdkClients;

/** The real SDK, the real ClientSecretCredential, over HTTPS to the fake ARM loaded with the example fleet. */
final class LiveFixture {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T12:00:00Z"), ZoneOffset.UTC);
    static final Path EXAMPLES = Path.of("../examples/fleet");
    static final String A001 = "00000000-0000-0000-0000-00000000a001";
    static final String A002 = "00000000-0000-0000-0000-00000000a002";
    static final String A003 = "00000000-0000-0000-0000-00000000a003";

    private LiveFixture() {
    }

    static FakeArm fakeWithExampleFleet() {
        FakeArm fake = FakeArm.start();
        fake.resources().putAll(ArmShapes.load(EXAMPLES));
        return fake;
    }

    /** Retries fast (10 ms) so that fault tests stay quick; everything else as in production. */
    static InventorySettings fastSettings() {
        return InventorySettings.defaults()
                .withRetry(new RetryOptions(new FixedDelayOptions(2, Duration.ofMillis(10))))
                .withGraphBudget(1000, Duration.ofSeconds(1));
    }

    static AzureInventory inventory(FakeArm fake, InventorySettings settings) {
        URI base = URI.create(fake.baseUrl());
        HttpClient http = SdkClients.trustingFakeArm();
        var credential = new ClientSecretCredentialBuilder().tenantId(FakeArm.TENANT).clientId(FakeArm.CLIENT_ID)
                .clientSecret(FakeArm.CLIENT_SECRET).authorityHost(fake.baseUrl()).disableInstanceDiscovery()
                .httpClient(http).build();
        AzureSession session = new AzureSession(new AzureTarget("AzureCloud", base, base, FakeArm.TENANT), settings,
                http, credential);
        return new AzureInventory(session, CLOCK);
    }

    static Fleet read(Snapshot snapshot) throws InputException {
        return new FleetReader().readSnapshot("(live)", snapshot.toJson());
    }

    static JsonNode json(Snapshot snapshot) {
        return snapshot.toJson();
    }
}
