package org.kubenetmigrate.executor.kube;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.kubenetmigrate.testsupport.AksCredentialRoutes;

/** Kubeconfig files for tests, pointing at the mock API server (self-signed TLS, hence insecure-skip-tls-verify). */
public final class TestKubeconfigs {
    /** A recognisable bearer token, so tests can prove it never leaks. */
    public static final String TOKEN = "kmtest-bearer-9f1c2e7a5b3d4c6e8f0a1b2c3d4e5f60";

    private TestKubeconfigs() {
    }

    public static Path write(Path dir, String fileName, String yaml) {
        try {
            Path file = dir.resolve(fileName);
            Files.writeString(file, yaml);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One context {@code context} → cluster entry {@code cluster} at {@code server}, user with a bearer token. */
    public static String withToken(String server, String context, String cluster, String token) {
        return AksCredentialRoutes.kubeconfig(server, context, cluster, "    token: " + token + "\n");
    }

    /**
     * Like an Entra-integrated AKS kubeconfig: the user runs an exec plugin. The "plugin" is a shell that creates
     * {@code marker} (and would print a token), so a test can tell whether anything ran it. With
     * {@code alsoToken}, the user carries a static token as well.
     */
    public static String withExec(String server, String context, Path marker, String alsoToken) {
        String token = alsoToken == null ? "" : "    token: " + alsoToken + "\n";
        return AksCredentialRoutes.kubeconfig(server, context, context, token + """
                exec:
                  apiVersion: client.authentication.k8s.io/v1beta1
                  command: /bin/sh
                  args:
                  - -c
                  - 'touch %1$s; echo "{\\"apiVersion\\":\\"client.authentication.k8s.io/v1beta1\\",\\"kind\\":\\"ExecCredential\\",\\"status\\":{\\"token\\":\\"from-exec\\"}}"'
                  interactiveMode: Never
                """.formatted(marker).indent(4));
    }
}
