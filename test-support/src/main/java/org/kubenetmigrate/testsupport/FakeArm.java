package org.kubenetmigrate.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A stateful fake of Azure Resource Manager, Azure Resource Graph and the Entra ID token endpoint, served over
 * HTTPS on localhost so that the real Azure SDK clients (and the real {@code ClientSecretCredential}) run against it
 * unchanged.
 *
 * <p>Requests are dispatched through a route table ({@link #route}): the built-in routes serve GETs of managed
 * clusters, agent pools, virtual networks, subnets and route tables from an in-memory store keyed by lower-cased ARM
 * id ({@link #resources()}), the list endpoints, {@code GET /subscriptions}, the Resource Graph {@code resources}
 * query ({@link ResourceGraph}) and token requests. Later routes are tried first, so a test or another issue (writes,
 * long-running operations, {@link Operations}) adds behaviour without editing this class. Every request is recorded
 * ({@link #requests()}) and {@link #fault} injects failures per request.
 */
public final class FakeArm implements AutoCloseable {
    public static final String TENANT = "00000000-0000-0000-0000-0000000000f0";
    public static final String CLIENT_ID = "11111111-2222-3333-4444-555555555555";
    /** A recognisable secret: tests assert it never shows up in logs. */
    public static final String CLIENT_SECRET = "fake-client-secret-Zq7vX9kLm2";
    public static final String STORE_PASSWORD = "changeit";

    private static final String KEYSTORE = "fake-arm-keystore.p12";
    private static final String TRUSTSTORE = "fake-arm-truststore.p12";

    private final HttpsServer server;
    private final ExecutorService executor;
    private final ResourceStore store = new ResourceStore();
    private final List<RouteEntry> routes = new CopyOnWriteArrayList<>();
    private final List<FaultRule> faults = new CopyOnWriteArrayList<>();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final AtomicLong sequence = new AtomicLong();
    private final Tokens tokens = new Tokens();
    private final ResourceGraph graph;
    private final Operations operations;
    private volatile boolean requireAuthorization = true;

    /** Handles one request whose path matched a route's pattern. */
    @FunctionalInterface
    public interface Handler {
        FakeResponse handle(RecordedRequest request, Matcher path);
    }

    private record RouteEntry(String method, Pattern path, Handler handler) {
    }

    private FakeArm(HttpsServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
        this.graph = new ResourceGraph(store);
        this.operations = new Operations(this);
        new ArmRoutes(this, store).install();
        new AuthorizationRoutes(this, store).install();
        route("POST", "/providers/Microsoft\\.ResourceGraph/resources", (req, m) -> graph.query(req));
        route("POST", "/([^/]+)/oauth2/v2\\.0/token", (req, m) -> tokens.issue(req, m.group(1)));
        route("GET", "/([^/]+)/v2\\.0/\\.well-known/openid-configuration", (req, m) -> tokens.openIdConfiguration(baseUrl(), m.group(1)));
    }

    /** Starts the fake on a free localhost port. */
    public static FakeArm start() {
        try {
            HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
            server.setHttpsConfigurator(new HttpsConfigurator(serverSslContext()));
            ExecutorService executor = Executors.newFixedThreadPool(16, r -> {
                Thread t = new Thread(r, "fake-arm");
                t.setDaemon(true);
                return t;
            });
            server.setExecutor(executor);
            FakeArm fake = new FakeArm(server, executor);
            server.createContext("/", fake::dispatch);
            server.start();
            return fake;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** {@code https://localhost:PORT/} — the ARM endpoint and the authority host alike. */
    public String baseUrl() {
        return "https://localhost:" + server.getAddress().getPort() + "/";
    }

    public ResourceStore resources() {
        return store;
    }

    public ResourceGraph resourceGraph() {
        return graph;
    }

    public Operations operations() {
        return operations;
    }

    /** When false, ARM and Resource Graph requests need no bearer token (default: a token this fake issued). */
    public void requireAuthorization(boolean required) {
        this.requireAuthorization = required;
    }

    /** Access tokens issued so far (tests assert none of them reaches a log). */
    public List<String> issuedTokens() {
        return tokens.issued();
    }

    /**
     * Adds a route; routes added later are tried first. {@code pathRegex} must match the whole path
     * (case-insensitive, as ARM paths are).
     */
    public void route(String method, String pathRegex, Handler handler) {
        routes.add(0, new RouteEntry(method, Pattern.compile(pathRegex, Pattern.CASE_INSENSITIVE), handler));
    }

    /** Injects {@code fault} into the next {@code times} requests {@code when} selects. */
    public FaultRule fault(Predicate<RecordedRequest> when, Fault fault, int times) {
        FaultRule rule = new FaultRule(when, fault, times);
        faults.add(rule);
        return rule;
    }

    public void clearFaults() {
        faults.clear();
    }

    /** Every request received, in arrival order. */
    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    /** Requests other than token requests: what counts against ARM's and Resource Graph's budgets. */
    public List<RecordedRequest> armRequests() {
        return requests.stream().filter(r -> !r.isTokenRequest() && !r.path().contains("/.well-known/")).toList();
    }

    public void clearRequests() {
        requests.clear();
    }

    // --- TLS ----------------------------------------------------------------------------------------------------

    /** An SSLContext that trusts exactly the fake's certificate. */
    public static SSLContext clientSslContext() {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(load(TRUSTSTORE));
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The trust store as a PKCS12 file (password {@value #STORE_PASSWORD}), for {@code -Djavax.net.ssl.trustStore}
     * or a CLI run that follows the JVM's standard trust-store settings.
     */
    public static Path trustStoreFile() {
        try {
            Path file = Files.createTempFile("fake-arm-truststore", ".p12");
            file.toFile().deleteOnExit();
            try (InputStream in = resource(TRUSTSTORE)) {
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static SSLContext serverSslContext() {
        try {
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(load(KEYSTORE), STORE_PASSWORD.toCharArray());
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), null, null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyStore load(String name) {
        try (InputStream in = resource(name)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, STORE_PASSWORD.toCharArray());
            return ks;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot load " + name + ": " + e.getMessage(), e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = FakeArm.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("missing resource " + name);
        }
        return in;
    }

    // --- dispatch -----------------------------------------------------------------------------------------------

    private void dispatch(HttpExchange exchange) throws IOException {
        RecordedRequest request;
        try (InputStream in = exchange.getRequestBody()) {
            request = record(exchange, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        requests.add(request);
        try {
            FakeResponse response = null;
            for (FaultRule rule : faults) {
                if (!rule.claim(request)) {
                    continue;
                }
                Fault fault = rule.fault();
                if (fault instanceof Fault.Slow slow) {
                    Thread.sleep(slow.delay().toMillis());
                    continue;
                }
                if (fault instanceof Fault.DropAfterHandling) {
                    answer(request);
                    exchange.close();
                    return;
                }
                if (fault instanceof Fault.DropConnection) {
                    // No status line at all: the client sees the connection end (an I/O error), as on a reset.
                    exchange.close();
                    return;
                }
                response = ((Fault.Respond) fault).response();
                break;
            }
            if (response == null) {
                response = answer(request);
            }
            send(exchange, response);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.close();
        } catch (RuntimeException e) {
            send(exchange, FakeResponse.error(500, "FakeArmBug", e.toString()));
        }
    }

    private FakeResponse answer(RecordedRequest request) {
        boolean tokenPath = request.isTokenRequest() || request.path().contains("/.well-known/");
        if (requireAuthorization && !tokenPath && !tokens.isValid(request.header("authorization").orElse(""))) {
            return FakeResponse.error(401, "InvalidAuthenticationToken", "The access token is missing or invalid.");
        }
        for (RouteEntry route : routes) {
            if (!route.method().equalsIgnoreCase(request.method())) {
                continue;
            }
            Matcher m = route.path().matcher(request.path());
            if (m.matches()) {
                return route.handler().handle(request, m);
            }
        }
        return FakeResponse.notFound(request.path());
    }

    private RecordedRequest record(HttpExchange exchange, String body) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), new ArrayList<>(v)));
        return new RecordedRequest(sequence.incrementAndGet(), Instant.now(), exchange.getRequestMethod(),
                exchange.getRequestURI().getRawPath(), exchange.getRequestURI().getRawQuery(), headers, body);
    }

    private static void send(HttpExchange exchange, FakeResponse response) throws IOException {
        byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
        response.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        if (!exchange.getResponseHeaders().containsKey("x-ms-request-id")) {
            exchange.getResponseHeaders().set("x-ms-request-id", "fake-" + System.nanoTime());
        }
        exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
        exchange.close();
    }

    /** Convenience for handlers: a JSON object body of a request. */
    static ObjectNode bodyObject(RecordedRequest request) {
        JsonNode node = Json.parse(request.body().isBlank() ? "{}" : request.body());
        if (!node.isObject()) {
            throw new IllegalArgumentException("request body is not a JSON object");
        }
        return (ObjectNode) node;
    }
}
