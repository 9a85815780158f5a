package org.kubenetmigrate.executor.kube;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kubenetmigrate.executor.kube.validation.ClusterValidator;
import org.kubenetmigrate.executor.kube.validation.ValidationReport;
import org.kubenetmigrate.planner.cidr.IpPrefix;
import org.kubenetmigrate.planner.model.InClusterView;
import org.slf4j.LoggerFactory;

/** The kubeconfig's bearer token reaches the API server and nothing else: no log line, no message, no report. */
@EnableKubernetesMockClient(crud = true)
class CredentialHygieneTest {
    KubernetesMockServer server;
    KubernetesClient client;

    @TempDir
    Path dir;

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private Logger root;
    private Level rootLevel;

    @BeforeEach
    void captureEverythingTheVerboseCliWouldLog() {
        root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        rootLevel = root.getLevel();
        root.setLevel(Level.DEBUG);
        logs.start();
        root.addAppender(logs);
    }

    @AfterEach
    void restore() {
        root.detachAppender(logs);
        root.setLevel(rootLevel);
    }

    private List<String> everythingLogged() {
        List<String> lines = new ArrayList<>();
        for (ILoggingEvent event : logs.list) {
            lines.add(event.getFormattedMessage());
            if (event.getThrowableProxy() != null) {
                lines.add(ThrowableProxyUtil.asString(event.getThrowableProxy()));
            }
        }
        return lines;
    }

    @Test
    void tokenIsSentToTheApiServerButNeverLoggedOrReportedEvenWhenReadsFail() throws Exception {
        new KubeObjects(client).node("aks-nodepool1-0", true, "10.244.0.0/24");
        server.expect().get().withPath("/apis/networking.k8s.io/v1/networkpolicies?limit=500")
                .andReturn(403, new StatusBuilder().withCode(403).withReason("Forbidden").build()).always();
        server.expect().get().withPath("/api/v1/namespaces/kube-system/pods?limit=500")
                .andReturn(500, new StatusBuilder().withCode(500).withReason("InternalError").build()).always();
        Kubeconfig kubeconfig = Kubeconfig.read(List.of(TestKubeconfigs.write(dir, "config",
                TestKubeconfigs.withToken(server.url("/"), "aks-prod", "aks-prod", TestKubeconfigs.TOKEN))));
        KubeconfigAccess access = new KubeconfigAccess(kubeconfig, "aks-prod");

        InClusterView view = new KubeApiInClusterSource(kubeconfig, null, InClusterCollectionTest.CLOCK).read(access);
        ValidationReport report = new ClusterValidator(InClusterCollectionTest.CLOCK)
                .validate(access, IpPrefix.parse("10.244.0.0/16"), false, Duration.ofSeconds(5));

        List<String> authorizations = new ArrayList<>();
        int requests = server.getRequestCount();
        for (int i = 0; i < requests; i++) {
            RecordedRequest request = server.takeRequest();
            authorizations.add(request.getHeader("Authorization"));
        }
        assertThat(authorizations).as("the token is used").contains("Bearer " + TestKubeconfigs.TOKEN);
        assertThat(view.toString()).doesNotContain(TestKubeconfigs.TOKEN).contains("forbidden");
        assertThat(report.toString()).doesNotContain(TestKubeconfigs.TOKEN).contains("HTTP 500");
        assertThat(everythingLogged()).isNotEmpty().noneMatch(line -> line.contains(TestKubeconfigs.TOKEN));
    }

    @Test
    void aRejectedTokenDoesNotMakeTheClientFallBackToTheKubeconfigsExecPlugin() throws Exception {
        // fabric8 refreshes credentials on 401; with a file or auto-configuration behind the Config that would
        // re-read the kubeconfig and run its exec plugin. Ours has neither.
        server.clearExpectations();
        server.expect().get().withPath("/version").andReturn(401, new StatusBuilder().withCode(401).build()).always();
        Path marker = dir.resolve("exec-ran");
        Kubeconfig kubeconfig = Kubeconfig.read(List.of(TestKubeconfigs.write(dir, "config",
                TestKubeconfigs.withExec(server.url("/"), "aks-prod", marker, TestKubeconfigs.TOKEN))));

        InClusterView view = new KubeApiInClusterSource(kubeconfig, null, InClusterCollectionTest.CLOCK)
                .read(new KubeconfigAccess(kubeconfig, "aks-prod"));

        assertThat(view.toString()).contains("unauthorized");
        assertThat(marker).doesNotExist();
        assertThat(server.getRequestCount()).as("the 401 was retried at most once").isBetween(1, 2);
    }

    @Test
    void rejectedAndUnreachableClustersDoNotLeakTheTokenEither() throws Exception {
        server.clearExpectations();
        server.expect().get().withPath("/version").andReturn(401, new StatusBuilder().withCode(401).build()).always();
        Kubeconfig kubeconfig = Kubeconfig.read(List.of(
                TestKubeconfigs.write(dir, "a", TestKubeconfigs.withToken(server.url("/"), "aks-prod", "aks-prod",
                        TestKubeconfigs.TOKEN)),
                TestKubeconfigs.write(dir, "b", TestKubeconfigs.withToken("https://127.0.0.1:1", "aks-gone", "aks-gone",
                        TestKubeconfigs.TOKEN))));
        KubeApiInClusterSource source = new KubeApiInClusterSource(kubeconfig, null, InClusterCollectionTest.CLOCK);

        InClusterView rejected = source.read(new KubeconfigAccess(kubeconfig, "aks-prod"));
        InClusterView unreachable = source.read(new KubeconfigAccess(kubeconfig, "aks-gone"));

        assertThat(rejected.toString()).contains("unauthorized").doesNotContain(TestKubeconfigs.TOKEN);
        assertThat(unreachable.toString()).contains("cannot reach").doesNotContain(TestKubeconfigs.TOKEN);
        assertThat(everythingLogged()).noneMatch(line -> line.contains(TestKubeconfigs.TOKEN));
    }
}
