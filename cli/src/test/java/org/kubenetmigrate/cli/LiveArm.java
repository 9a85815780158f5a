package org.kubenetmigrate.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.kubenetmigrate.executor.testing.Scenario;
import org.kubenetmigrate.testsupport.ArmShapes;
import org.kubenetmigrate.testsupport.FakeArm;
import org.kubenetmigrate.testsupport.ManagedClusterWrites;
import org.kubenetmigrate.testsupport.RecordedRequest;

/**
 * The fake ARM loaded with the example fleet and AKS writes, and the JVM settings that make the real credential and
 * the real SDK talk to it over HTTPS (an environment service principal, the fake's trust store).
 */
final class LiveArm implements AutoCloseable {
    static final List<String> PROPERTIES = List.of("AZURE_CLIENT_ID", "AZURE_CLIENT_SECRET", "AZURE_TENANT_ID",
            "javax.net.ssl.trustStore", "javax.net.ssl.trustStorePassword", "javax.net.ssl.trustStoreType");

    final FakeArm fake;
    final ManagedClusterWrites writes;
    final Path trustStore;

    private LiveArm() {
        fake = FakeArm.start();
        fake.resources().putAll(ArmShapes.load(Scenario.fleet()));
        writes = ManagedClusterWrites.install(fake).pollsPerOperation(3).rolloutReadsPerPool(2);
        trustStore = FakeArm.trustStoreFile();
    }

    /** Starts a fake and points this JVM's Azure sign-in and TLS trust at it. */
    static LiveArm start() {
        LiveArm arm = new LiveArm();
        jvmSettings(arm.trustStore).forEach(System::setProperty);
        return arm;
    }

    /** The settings a JVM needs to sign in to the fake (as system properties; the SDK reads them like variables). */
    static Map<String, String> jvmSettings(Path trustStore) {
        return Map.of("AZURE_CLIENT_ID", FakeArm.CLIENT_ID, "AZURE_CLIENT_SECRET", FakeArm.CLIENT_SECRET,
                "AZURE_TENANT_ID", FakeArm.TENANT, "javax.net.ssl.trustStore", trustStore.toString(),
                "javax.net.ssl.trustStorePassword", FakeArm.STORE_PASSWORD, "javax.net.ssl.trustStoreType", "PKCS12");
    }

    List<String> endpointArgs() {
        return List.of("--arm-endpoint", fake.baseUrl(), "--authority-host", fake.baseUrl());
    }

    /** Every request that could change something (anything but GET and the sign-in's token POST). */
    List<RecordedRequest> mutating() {
        return fake.requests().stream().filter(r -> !r.method().equals("GET") && !r.isTokenRequest()).toList();
    }

    /** The requests of the fake by kind, for the request counts of one migration. */
    Map<String, Long> countsByKind() {
        return fake.requests().stream().collect(Collectors.groupingBy(LiveArm::kind, TreeMap::new, Collectors.counting()));
    }

    static String kind(RecordedRequest r) {
        String p = r.path().toLowerCase(java.util.Locale.ROOT);
        if (r.isTokenRequest()) {
            return "POST token (sign-in)";
        }
        if (p.contains("/.well-known/")) {
            return "GET openid-configuration (sign-in)";
        }
        if (p.contains("/operations/")) {
            return "GET operation status (poll)";
        }
        if (p.endsWith("/agentpools")) {
            return "GET agentPools";
        }
        if (p.matches(".*/managedclusters/[^/]+")) {
            return r.method() + " managedCluster";
        }
        if (p.contains("/routetables")) {
            return "GET route table(s)";
        }
        if (p.contains("/virtualnetworks")) {
            return "GET virtual network(s)";
        }
        return r.method() + " other";
    }

    @Override
    public void close() {
        PROPERTIES.forEach(System::clearProperty);
        fake.close();
    }
}
