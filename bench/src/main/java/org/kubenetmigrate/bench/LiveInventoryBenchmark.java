package org.kubenetmigrate.bench;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.management.AzureEnvironment;
import com.azure.core.management.profile.AzureProfile;
import com.azure.identity.ClientSecretCredentialBuilder;
import com.azure.resourcemanager.containerservice.ContainerServiceManager;
import com.azure.resourcemanager.containerservice.fluent.models.ManagedClusterInner;
import com.azure.resourcemanager.containerservice.models.ManagedClusterAgentPoolProfile;
import com.azure.resourcemanager.network.NetworkManager;
import com.azure.resourcemanager.network.fluent.models.SubnetInner;
import com.azure.resourcemanager.network.fluent.models.VirtualNetworkInner;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.kubenetmigrate.planner.input.FleetReader;
import org.kubenetmigrate.planner.inventory.AzureTarget;
import org.kubenetmigrate.planner.inventory.InventoryProgress;
import org.kubenetmigrate.planner.inventory.Scope;
import org.kubenetmigrate.planner.inventory.Snapshot;
import org.kubenetmigrate.planner.azure.AzureInventory;
import org.kubenetmigrate.planner.azure.AzureSession;
import org.kubenetmigrate.planner.azure.InventorySettings;
import org.kubenetmigrate.planner.model.Fleet;
import org.kubenetmigrate.testsupport.FakeArm;
import org.kubenetmigrate.testsupport.SdkClients;
import org.kubenetmigrate.testsupport.SyntheticFleet;

/**
 * Fleet inventory cost, Resource Graph versus the naive script, in one run against the same fake ARM (HTTPS,
 * real SDK): requests counted by the fake, wall time by this process. Usage: [subscriptions] [clustersPerSubscription].
 */
public final class LiveInventoryBenchmark {
    private LiveInventoryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int subscriptions = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int perSubscription = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        // Warm-up on a tiny fleet so that neither side pays class loading and JIT for the other.
        try (FakeArm warm = FakeArm.start()) {
            SyntheticFleet.load(warm.resources(), 2, 5);
            HttpClient http = SdkClients.trustingFakeArm();
            TokenCredential credential = new ClientSecretCredentialBuilder().tenantId(FakeArm.TENANT)
                    .clientId(FakeArm.CLIENT_ID).clientSecret(FakeArm.CLIENT_SECRET).authorityHost(warm.baseUrl())
                    .disableInstanceDiscovery().httpClient(http).build();
            URI base = URI.create(warm.baseUrl());
            new AzureInventory(new AzureSession(new AzureTarget("AzureCloud", base, base, FakeArm.TENANT),
                    InventorySettings.defaults(), http, credential), Clock.systemUTC()).fleet(Scope.ALL_VISIBLE, InventoryProgress.NONE);
            naive(warm, http, credential, 2);
        }
        try (FakeArm fake = FakeArm.start()) {
            SyntheticFleet.load(fake.resources(), subscriptions, perSubscription);
            int clusters = subscriptions * perSubscription;
            System.out.printf("fleet: %d clusters in %d subscriptions, each with its VNet and route table (%d resources)%n",
                    clusters, subscriptions, fake.resources().size());
            HttpClient http = SdkClients.trustingFakeArm();
            TokenCredential credential = new ClientSecretCredentialBuilder().tenantId(FakeArm.TENANT)
                    .clientId(FakeArm.CLIENT_ID).clientSecret(FakeArm.CLIENT_SECRET).authorityHost(fake.baseUrl())
                    .disableInstanceDiscovery().httpClient(http).build();

            fake.clearRequests();
            long start = System.nanoTime();
            URI base = URI.create(fake.baseUrl());
            AzureSession session = new AzureSession(new AzureTarget("AzureCloud", base, base, FakeArm.TENANT),
                    InventorySettings.defaults(), http, credential);
            Snapshot snapshot = new AzureInventory(session, Clock.systemUTC()).fleet(Scope.ALL_VISIBLE, InventoryProgress.NONE);
            Duration liveTime = Duration.ofNanos(System.nanoTime() - start);
            int liveRequests = fake.armRequests().size();
            Fleet fleet = new FleetReader().readSnapshot("(bench)", snapshot.toJson());
            check(fleet.clusters().size() == clusters && fleet.virtualNetworks().size() == clusters
                    && fleet.routeTables().size() == clusters, "live inventory read the whole fleet");

            fake.clearRequests();
            start = System.nanoTime();
            int[] naiveCounts = naive(fake, http, credential, subscriptions);
            Duration naiveTime = Duration.ofNanos(System.nanoTime() - start);
            int naiveRequests = fake.armRequests().size();
            check(naiveCounts[0] == clusters && naiveCounts[1] == clusters && naiveCounts[2] == clusters,
                    "naive approach read the whole fleet");

            System.out.printf("%-52s %9s %10s%n", "approach", "requests", "wall time");
            System.out.printf("%-52s %9d %9.1fs%n", "naive: managedClusters list per subscription,",
                    naiveRequests, naiveTime.toMillis() / 1000.0);
            System.out.printf("%-52s%n", "       then GET VNet + route table per cluster");
            System.out.printf("%-52s %9d %9.1fs%n", "kubenet-migrate inventory (Resource Graph, paged)",
                    liveRequests, liveTime.toMillis() / 1000.0);
            System.out.printf("ratio naive/live: %.0fx fewer requests, %.1fx wall time%n",
                    (double) naiveRequests / liveRequests, (double) naiveTime.toMillis() / Math.max(1, liveTime.toMillis()));
            System.out.printf("live requests per 1,000 clusters: %.1f (token requests excluded for both)%n",
                    liveRequests * 1000.0 / clusters);
            System.out.println("note: the live run paces itself under Resource Graph's budget (12 queries per 5 s),"
                    + " so its wall time includes that self-throttling; the naive script is not throttled here.");
        }
    }

    /** What a script would do with the SDK: list clusters per subscription, then GET each cluster's VNet and route table. */
    private static int[] naive(FakeArm fake, HttpClient http, TokenCredential credential, int subscriptions) {
        Map<String, String> endpoints = new HashMap<>(AzureEnvironment.AZURE.getEndpoints());
        endpoints.put("resourceManagerEndpointUrl", fake.baseUrl());
        AzureEnvironment environment = new AzureEnvironment(endpoints);
        int clusters = 0;
        int vnets = 0;
        int tables = 0;
        for (int s = 0; s < subscriptions; s++) {
            AzureProfile profile = new AzureProfile(FakeArm.TENANT, SyntheticFleet.subscriptionId(s), environment);
            ContainerServiceManager aks = ContainerServiceManager.configure().withHttpClient(http).authenticate(credential, profile);
            NetworkManager network = NetworkManager.configure().withHttpClient(http).authenticate(credential, profile);
            for (ManagedClusterInner cluster : aks.serviceClient().getManagedClusters().list()) {
                clusters++;
                // Pools usually share a subnet, and subnets a VNet and route table: a script GETs each once per cluster.
                java.util.Set<String> vnetsRead = new java.util.HashSet<>();
                java.util.Set<String> tablesRead = new java.util.HashSet<>();
                for (ManagedClusterAgentPoolProfile pool : cluster.agentPoolProfiles()) {
                    String subnet = pool.vnetSubnetId();
                    String vnetId = subnet.substring(0, subnet.toLowerCase().indexOf("/subnets/"));
                    if (!vnetsRead.add(vnetId.toLowerCase())) {
                        continue;
                    }
                    VirtualNetworkInner vnet = network.serviceClient().getVirtualNetworks()
                            .getByResourceGroup(segment(vnetId, "resourceGroups"), last(vnetId));
                    vnets++;
                    for (SubnetInner sn : vnet.subnets()) {
                        if (sn.routeTable() != null && tablesRead.add(sn.routeTable().id().toLowerCase())) {
                            String rt = sn.routeTable().id();
                            network.serviceClient().getRouteTables().getByResourceGroup(segment(rt, "resourceGroups"), last(rt));
                            tables++;
                        }
                    }
                }
            }
        }
        return new int[] {clusters, vnets, tables};
    }

    private static String segment(String id, String name) {
        String[] parts = id.split("/");
        for (int i = 0; i < parts.length - 1; i++) {
            if (parts[i].equalsIgnoreCase(name)) {
                return parts[i + 1];
            }
        }
        throw new IllegalArgumentException(id);
    }

    private static String last(String id) {
        return id.substring(id.lastIndexOf('/') + 1);
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException("benchmark invalid: not true that " + what);
        }
    }
}
