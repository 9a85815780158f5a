package org.kubenetmigrate.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kubenetmigrate.executor.azure.sdk.SdkClusterOperationsProvider;
import org.kubenetmigrate.executor.commands.ExecutorEnvironment;
import org.kubenetmigrate.executor.engine.EngineSettings;
import org.kubenetmigrate.executor.engine.FileRunLock;
import org.kubenetmigrate.executor.engine.GatePrompt;
import org.kubenetmigrate.executor.engine.RunStore;
import org.kubenetmigrate.executor.engine.Sleeper;
import org.kubenetmigrate.executor.rollout.CreateRollout;
import org.kubenetmigrate.executor.rollout.RolloutFiles;
import org.kubenetmigrate.executor.rollout.Strategy;
import org.kubenetmigrate.executor.rollout.StrategyReader;
import org.kubenetmigrate.executor.rollout.Worker;
import org.kubenetmigrate.executor.state.StateLocation;
import org.kubenetmigrate.executor.commands.StateStores;
import org.kubenetmigrate.executor.azure.blob.BlobStateStore;
import org.kubenetmigrate.planner.input.FleetReader;
import org.kubenetmigrate.planner.inventory.AzureTarget;
import org.kubenetmigrate.planner.model.MigrationOptions;
import org.kubenetmigrate.testsupport.Azurite;
import org.kubenetmigrate.testsupport.FakeArm;
import org.kubenetmigrate.testsupport.ManagedClusterWrites;
import org.kubenetmigrate.testsupport.RecordedRequest;
import org.kubenetmigrate.testsupport.SyntheticFleet;

/**
 * A fleet rollout of N members (fast fake operations: the engine's waits divided by 100) with 1 worker, then with
 * W workers, each on a fresh fake ARM and a fresh rollout in the same Azurite: wall time and its ratio, Blob
 * Storage requests per member (every worker's SDK requests, counted by the store), and duplicate mutations (two
 * overlay updates of one cluster, or two PUTs with the same If-Match) from the fake ARM's request log.
 * Workers are threads of this process, each with its own Blob client (as separate machines would have).
 * Usage: [members=200] [workers=4].
 */
public final class RolloutBenchmark {
    private static final Pattern CLUSTER = Pattern.compile("(?i)/managedClusters/([^/?]+)");
    private static final String STRATEGY = """
            stages:
              - name: all
                maxConcurrency: 16
                groups:
                  - { name: fleet, selector: { name: "*" }, maxConcurrency: 16 }
            maxAllowedFailures: 0
            """;

    private RolloutBenchmark() {
    }

    record Outcome(Duration wall, long blobRequests, int members, int overlayPuts, int duplicates, String status) {
    }

    public static void main(String[] args) throws Exception {
        int members = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int workers = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        Azurite azurite = new Azurite();
        azurite.beforeAll(null);
        try {
            run(azurite, 10, 1, "warmup");
            Outcome one = run(azurite, members, 1, "one");
            Outcome many = run(azurite, members, workers, "many");
            System.out.printf("members: %d (fake operations: 3 polls, waits divided by 100)%n", members);
            print("1 worker", one);
            print(workers + " workers", many);
            System.out.printf("wall-time ratio 1 worker / %d workers: %.2f%n", workers,
                    (double) one.wall().toMillis() / many.wall().toMillis());
        } finally {
            azurite.afterAll(null);
        }
    }

    private static void print(String label, Outcome o) {
        System.out.printf("%-10s wall %6.1f s, Blob requests %6d (%.1f per member), overlay PUTs %d, duplicate"
                        + " mutations %d, rollout %s%n", label, o.wall().toMillis() / 1000.0, o.blobRequests(),
                (double) o.blobRequests() / o.members(), o.overlayPuts(), o.duplicates(), o.status());
    }

    private static Outcome run(Azurite azurite, int members, int workers, String name) throws Exception {
        try (FakeArm fake = FakeArm.start()) {
            int perSubscription = Math.min(members, 50);
            SyntheticFleet.load(fake.resources(), (members + perSubscription - 1) / perSubscription, perSubscription);
            ManagedClusterWrites.install(fake).pollsPerOperation(3).rolloutReadsPerPool(1).retryAfterSeconds("0");
            System.setProperty("AZURE_CLIENT_ID", FakeArm.CLIENT_ID);
            System.setProperty("AZURE_CLIENT_SECRET", FakeArm.CLIENT_SECRET);
            System.setProperty("AZURE_TENANT_ID", FakeArm.TENANT);
            System.setProperty("javax.net.ssl.trustStore", FakeArm.trustStoreFile().toString());
            System.setProperty("javax.net.ssl.trustStorePassword", FakeArm.STORE_PASSWORD);
            System.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
            Path files = Files.createTempDirectory("rollout-bench-");
            int n = 0;
            for (JsonNode resource : fake.resources().all()) {
                Files.writeString(files.resolve("r" + (n++) + ".json"), resource.toString());
            }
            StateLocation location = StateLocation.parse(azurite.containerUrl("bench") + "/" + name);
            Map<String, String> env = Map.of(StateStores.CONNECTION_STRING, azurite.connectionString());
            BlobStateStore creator = (BlobStateStore) StateStores.open(location, env, () -> null, Clock.systemUTC());
            Strategy strategy = new StrategyReader().read("bench.yaml", STRATEGY.getBytes(StandardCharsets.UTF_8));
            new CreateRollout(new RolloutFiles(creator, name), Clock.systemUTC()).run(strategy,
                    new FleetReader().read(List.of(files)), MigrationOptions.DEFAULTS, "bench");
            URI base = URI.create(fake.baseUrl());
            SdkClusterOperationsProvider azure = new SdkClusterOperationsProvider(new AzureTarget("AzureCloud", base,
                    base, FakeArm.TENANT));
            Sleeper fast = d -> Thread.sleep(Math.max(1, d.toMillis() / 100));
            List<BlobStateStore> stores = new ArrayList<>();
            ExecutorService pool = Executors.newFixedThreadPool(workers);
            long start = System.nanoTime();
            List<Future<Worker.Result>> results = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                BlobStateStore store = (BlobStateStore) StateStores.open(location, env, () -> null, Clock.systemUTC());
                stores.add(store);
                Path work = Files.createTempDirectory("rollout-bench-w");
                RunStore runs = new RunStore(work);
                ExecutorEnvironment base0 = new ExecutorEnvironment(runs, new FileRunLock(runs.locksDir()), azure,
                        Clock.systemUTC(), fast, GatePrompt.NONE, List.of(),
                        EngineSettings.DEFAULTS.withSkipInClusterChecks(true), r -> { });
                String id = "w" + (w + 1);
                results.add(pool.submit(() -> new Worker(new RolloutFiles(store, name), base0, new Worker.Settings(id,
                        0, true, true, Duration.ofSeconds(15), Duration.ofSeconds(10)), line -> { }).run()));
            }
            String status = null;
            for (Future<Worker.Result> r : results) {
                status = r.get().status().name();
            }
            Duration wall = Duration.ofNanos(System.nanoTime() - start);
            pool.shutdown();
            long requests = stores.stream().mapToLong(BlobStateStore::requestCount).sum();
            Map<String, Integer> overlay = new HashMap<>();
            List<String> seen = new ArrayList<>();
            int duplicates = 0;
            for (RecordedRequest r : fake.requests()) {
                if (!r.method().equals("PUT")) {
                    continue;
                }
                String key = r.path() + " " + r.header("If-Match").orElse("");
                if (seen.contains(key)) {
                    duplicates++;
                }
                seen.add(key);
                if (r.body().replace(" ", "").contains("\"networkPluginMode\":\"overlay\"")) {
                    Matcher m = CLUSTER.matcher(r.path());
                    if (m.find() && overlay.merge(m.group(1).toLowerCase(), 1, Integer::sum) > 1) {
                        duplicates++;
                    }
                }
            }
            return new Outcome(wall, requests, members, overlay.values().stream().mapToInt(Integer::intValue).sum(),
                    duplicates, status);
        }
    }
}
