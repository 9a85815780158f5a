package org.kubenetmigrate.testsupport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Azurite, Microsoft's Blob Storage emulator (npm {@code azurite}, pinned to 3.35.0, the newest release that runs
 * on Node 20), started for a test class on a free loopback port, in memory, and stopped after it. Found at
 * {@code -Dazurite.bin=…}, else at {@code .azurite/node_modules/.bin/azurite-blob} in the repository (what
 * {@code .ci/run} installs: {@code npm install --prefix .azurite azurite@3.35.0}), else on the PATH.
 *
 * <p>Missing Azurite (or Node): outside CI the test class is reported as skipped with the reason; in CI
 * ({@code CI=true}) it fails, so a build that silently runs none of its tests cannot pass ({@link MissingTool}).
 */
public final class Azurite implements ExecutionCondition, BeforeAllCallback, AfterAllCallback, ParameterResolver {
    /** Azurite's well-known development account and key (public, documented by Microsoft; not a secret). */
    public static final String ACCOUNT = "devstoreaccount1";
    private static final String KEY =
            "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private Process process;
    private int port;

    private static final String MISSING = "Azurite is not installed, so the Blob Storage tests cannot run"
            + " (npm install --prefix .azurite azurite@3.35.0; .ci/run does this)";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return MissingTool.skipOutsideCi(find().isPresent() ? Optional.empty() : Optional.of(MISSING));
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Optional<Path> bin = find();
        MissingTool.failInCi(bin.isPresent() ? Optional.empty() : Optional.of(MISSING));
        port = freePort();
        List<String> command = new ArrayList<>(List.of(bin.get().toString(), "--blobHost", "127.0.0.1", "--blobPort",
                Integer.toString(port), "--inMemoryPersistence", "--disableTelemetry", "--skipApiVersionCheck",
                "--loose", "--silent"));
        Path log = Files.createTempFile("azurite-", ".log");
        process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!accepts(port)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                String output = Files.readString(log);
                process.destroyForcibly();
                Assertions.fail("Azurite did not start on port " + port + ": " + output);
            }
            Thread.sleep(50);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    public int port() {
        return port;
    }

    /** The account's blob endpoint, path style. */
    public String blobEndpoint() {
        return "http://127.0.0.1:" + port + "/" + ACCOUNT;
    }

    /** A {@code --state} URL for a container (path style, as emulators use). */
    public String containerUrl(String container) {
        return blobEndpoint() + "/" + container;
    }

    public String connectionString() {
        return "DefaultEndpointsProtocol=http;AccountName=" + ACCOUNT + ";AccountKey=" + KEY + ";BlobEndpoint="
                + blobEndpoint() + ";";
    }

    /** The account key, so that tests can assert it never shows up in output or state. */
    public static String accountKey() {
        return KEY;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
        return parameter.getParameter().getType() == Azurite.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
        return this;
    }

    static Optional<Path> find() {
        String configured = System.getProperty("azurite.bin");
        if (configured != null && Files.isExecutable(Path.of(configured))) {
            return Optional.of(Path.of(configured));
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve(".azurite/node_modules/.bin/azurite-blob");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
            dir = dir.getParent();
        }
        for (String entry : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(entry, "azurite-blob");
            if (!entry.isEmpty() && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

}
