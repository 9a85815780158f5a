package org.kubenetmigrate.testsupport;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code POST …/managedClusters/{name}/listClusterUserCredential}: answers the kubeconfig registered for the
 * cluster, base64-encoded as ARM does ({@code {"kubeconfigs":[{"name":"clusterUser","value":"…"}]}}); 404 for a
 * cluster without one. Kept apart from the executor's managedCluster writes so both can grow independently.
 */
public final class AksCredentialRoutes {
    /** The AKS server application kubelogin asks a token for. */
    public static final String AKS_SERVER_ID = "6dae42f8-4368-4678-94ff-3960e28e3630";

    private final Map<String, String> kubeconfigs = new ConcurrentHashMap<>();
    private final AtomicInteger calls = new AtomicInteger();

    private AksCredentialRoutes() {
    }

    public static AksCredentialRoutes install(FakeArm fake) {
        AksCredentialRoutes routes = new AksCredentialRoutes();
        fake.route("POST", "/subscriptions/[^/]+/resourceGroups/[^/]+/providers/Microsoft\\.ContainerService"
                + "/managedClusters/([^/]+)/listClusterUserCredential", (req, m) -> routes.answer(m.group(1)));
        return routes;
    }

    /** The kubeconfig (YAML) ARM hands out for the cluster named {@code cluster}. */
    public void kubeconfig(String cluster, String yaml) {
        kubeconfigs.put(cluster.toLowerCase(Locale.ROOT), yaml);
    }

    public int calls() {
        return calls.get();
    }

    private FakeResponse answer(String cluster) {
        calls.incrementAndGet();
        String yaml = kubeconfigs.get(cluster.toLowerCase(Locale.ROOT));
        if (yaml == null) {
            return FakeResponse.notFound("managedClusters/" + cluster);
        }
        ArrayNode list = Json.array();
        list.add(Json.object().put("name", "clusterUser")
                .put("value", Base64.getEncoder().encodeToString(yaml.getBytes(StandardCharsets.UTF_8))));
        return FakeResponse.ok(Json.object().set("kubeconfigs", list));
    }

    /**
     * A kubeconfig with one context {@code context} → cluster entry {@code cluster} at {@code server} (TLS verification
     * off: the fake API server's certificate is self-signed) and one user whose fields are {@code userFields}: YAML
     * lines indented by four spaces, ending in a newline.
     */
    public static String kubeconfig(String server, String context, String cluster, String userFields) {
        return """
                apiVersion: v1
                kind: Config
                current-context: %1$s
                clusters:
                - name: %2$s
                  cluster:
                    server: %3$s
                    insecure-skip-tls-verify: true
                contexts:
                - name: %1$s
                  context:
                    cluster: %2$s
                    user: clusterUser_rg_%2$s
                users:
                - name: clusterUser_rg_%2$s
                  user:
                """.formatted(context, cluster, server) + userFields;
    }

    /**
     * What ARM returns for an Entra-ID-integrated cluster: the user runs {@code kubeloginCommand} (normally
     * "kubelogin") with {@code get-token --server-id 6dae42f8-…}.
     */
    public static String kubeloginKubeconfig(String server, String cluster, String kubeloginCommand) {
        return kubeconfig(server, cluster, cluster, """
                    exec:
                      apiVersion: client.authentication.k8s.io/v1beta1
                      command: %1$s
                      args:
                      - get-token
                      - --environment
                      - AzurePublicCloud
                      - --server-id
                      - %2$s
                      - --login
                      - devicecode
                      interactiveMode: IfAvailable
                """.formatted(kubeloginCommand, AKS_SERVER_ID));
    }

    /** What ARM returns for a local-account cluster: the user carries a token. */
    public static String tokenKubeconfig(String server, String cluster, String token) {
        return kubeconfig(server, cluster, cluster, "    token: " + token + "\n");
    }
}
