package org.kubenetmigrate.executor.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading kubeconfigs safely: no exec plugin ever runs, nothing is auto-configured, contexts match clusters. */
class KubeconfigTest {
    static final String SERVER = "https://aks-prod-dns-12345678.hcp.westeurope.azmk8s.io:443";

    @TempDir
    Path dir;

    @Test
    void execPluginIsDroppedAndNeverRunWhileReadingOrConnecting() throws Exception {
        Path marker = dir.resolve("exec-ran");
        Path file = TestKubeconfigs.write(dir, "config", TestKubeconfigs.withExec(SERVER, "aks-prod", marker, null));

        Kubeconfig kubeconfig = Kubeconfig.read(List.of(file));
        KubeconfigAccess access = new KubeconfigAccess(kubeconfig, "aks-prod");

        assertThatThrownBy(access::connect).isInstanceOf(KubeAccessException.class)
                .hasMessageContaining("signs in by running a command (exec sh)")
                .hasMessageContaining("never runs commands from a kubeconfig");
        assertThat(marker).doesNotExist();
    }

    @Test
    void controlFabric8OnItsOwnDoesRunTheExecPluginWhileParsing() throws Exception {
        // Shows the marker mechanism works, so the tests above that expect no marker can fail.
        Path marker = dir.resolve("exec-ran");

        Config.fromKubeconfig(TestKubeconfigs.withExec(SERVER, "aks-prod", marker, null));

        assertThat(marker).exists();
    }

    @Test
    void aStaticTokenBesideAnExecPluginIsUsedAndThePluginIsNot() throws Exception {
        Path marker = dir.resolve("exec-ran");
        Path file = TestKubeconfigs.write(dir, "config",
                TestKubeconfigs.withExec(SERVER, "aks-prod", marker, TestKubeconfigs.TOKEN));

        Config config = Kubeconfig.read(List.of(file)).clientConfig("aks-prod", null);
        try (KubernetesClient client = new KubeconfigAccess(Kubeconfig.read(List.of(file)), "aks-prod").connect()) {
            assertThat(client.getMasterUrl().toString()).startsWith(SERVER);
        }

        assertThat(config.getOauthToken()).isEqualTo(TestKubeconfigs.TOKEN);
        assertThat(config.getAutoOAuthToken()).isNull();
        assertThat(config.getAuthProvider()).isNull();
        assertThat(marker).doesNotExist();
    }

    @Test
    void clientConfigIsBuiltFromTheFileAloneWithoutAutoConfiguration() throws Exception {
        Path file = TestKubeconfigs.write(dir, "config",
                TestKubeconfigs.withToken(SERVER, "aks-prod", "aks-prod", TestKubeconfigs.TOKEN));

        Config config = Kubeconfig.read(List.of(file)).clientConfig("aks-prod", null);

        assertThat(config.getMasterUrl()).isEqualTo(SERVER + "/");
        assertThat(config.getAutoConfigure()).isFalse();
        assertThat(config.getFile()).as("no file to re-read (and re-run exec from) on a 401").isNull();
        assertThat(config.getRequestRetryBackoffLimit()).isEqualTo(Kubeconfig.RETRIES);
    }

    @Test
    void relativeCertificatePathsResolveAgainstTheKubeconfigsFolder() throws Exception {
        Path sub = Files.createDirectories(dir.resolve("kube"));
        Path file = TestKubeconfigs.write(sub, "config", """
                apiVersion: v1
                kind: Config
                clusters:
                - name: aks-prod
                  cluster: {server: "%s", certificate-authority: ca.crt}
                contexts:
                - name: aks-prod
                  context: {cluster: aks-prod, user: admin}
                users:
                - name: admin
                  user: {client-certificate: certs/admin.crt, client-key: certs/admin.key}
                """.formatted(SERVER));

        Config config = Kubeconfig.read(List.of(file)).clientConfig("aks-prod", null);

        assertThat(config.getCaCertFile()).isEqualTo(sub.resolve("ca.crt").toAbsolutePath().toString());
        assertThat(config.getClientCertFile()).isEqualTo(sub.resolve("certs/admin.crt").toAbsolutePath().toString());
        assertThat(config.getClientKeyFile()).isEqualTo(sub.resolve("certs/admin.key").toAbsolutePath().toString());
    }

    @Test
    void tokenFileIsReadRelativeToTheKubeconfig() throws Exception {
        Files.writeString(dir.resolve("token"), TestKubeconfigs.TOKEN + "\n");
        Path file = TestKubeconfigs.write(dir, "config", """
                apiVersion: v1
                clusters: [{name: c, cluster: {server: "%s"}}]
                contexts: [{name: c, context: {cluster: c, user: u}}]
                users: [{name: u, user: {tokenFile: token}}]
                """.formatted(SERVER));

        assertThat(Kubeconfig.read(List.of(file)).clientConfig("c", null).getOauthToken())
                .isEqualTo(TestKubeconfigs.TOKEN);
    }

    @Test
    void filesMergeLikeKubectlFirstOneWins() throws Exception {
        Path first = TestKubeconfigs.write(dir, "a", TestKubeconfigs.withToken(SERVER, "aks-prod", "aks-prod", "t1"));
        Path second = TestKubeconfigs.write(dir, "b",
                TestKubeconfigs.withToken("https://other:443", "aks-dev", "aks-dev", "t2")
                        + "");
        Path override = TestKubeconfigs.write(dir, "c",
                TestKubeconfigs.withToken("https://evil:443", "aks-prod", "aks-prod", "t3"));

        Kubeconfig kubeconfig = Kubeconfig.read(List.of(first, second, override));

        assertThat(kubeconfig.currentContext()).contains("aks-prod");
        assertThat(kubeconfig.contextNames()).containsExactly("aks-prod", "aks-dev");
        assertThat(kubeconfig.context("aks-prod").orElseThrow().server()).isEqualTo(SERVER);
        assertThat(kubeconfig.clientConfig("aks-dev", null).getOauthToken()).isEqualTo("t2");
    }

    @Test
    void contextForAClusterIsFoundByNameNeverByAccident() throws Exception {
        Path file = TestKubeconfigs.write(dir, "config", """
                apiVersion: v1
                current-context: aks-dev
                clusters:
                - {name: aks-prod, cluster: {server: "%1$s"}}
                - {name: aks-dev, cluster: {server: "https://dev:443"}}
                contexts:
                - {name: aks-prod-admin, context: {cluster: aks-prod, user: admin}}
                - {name: AKS-Dev, context: {cluster: aks-dev, user: u}}
                users: [{name: admin, user: {token: t}}, {name: u, user: {token: t}}]
                """.formatted(SERVER));
        Kubeconfig kubeconfig = Kubeconfig.read(List.of(file));

        assertThat(kubeconfig.contextForCluster("aks-dev")).contains("AKS-Dev");
        assertThat(kubeconfig.contextForCluster("aks-prod")).contains("aks-prod-admin");
        assertThat(kubeconfig.contextForCluster("aks-payments")).isEmpty();
    }

    @Test
    void aFileThatIsNotAKubeconfigIsNamedWithoutQuotingItsContent() throws Exception {
        Path file = TestKubeconfigs.write(dir, "config", "users: [ {name: u, user: {token: " + TestKubeconfigs.TOKEN
                + "} ] ] ]");

        assertThatThrownBy(() -> Kubeconfig.read(List.of(file))).isInstanceOf(KubeconfigException.class)
                .hasMessageStartingWith(file + ": not a kubeconfig")
                .hasMessageNotContaining(TestKubeconfigs.TOKEN);
        assertThatThrownBy(() -> Kubeconfig.read(List.of(dir.resolve("missing"))))
                .isInstanceOf(KubeconfigException.class).hasMessageContaining("missing: cannot read the kubeconfig");
    }

    @Test
    void toStringAndDescriptionsNameFilesNotCredentials() throws Exception {
        Path file = TestKubeconfigs.write(dir, "config",
                TestKubeconfigs.withToken(SERVER, "aks-prod", "aks-prod", TestKubeconfigs.TOKEN));
        Kubeconfig kubeconfig = Kubeconfig.read(List.of(file));

        assertThat(kubeconfig.toString()).isEqualTo("kubeconfig " + file);
        assertThat(new KubeconfigAccess(kubeconfig, "aks-prod").describe())
                .isEqualTo("kubeconfig " + file + " context aks-prod (" + SERVER + ")")
                .doesNotContain(TestKubeconfigs.TOKEN);
    }
}
