package org.kubenetmigrate.executor.azure.aks;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.kubenetmigrate.executor.kube.ApiServerReads;
import org.kubenetmigrate.executor.kube.KubeReadException;
import org.kubenetmigrate.executor.kube.KubeReads;
import org.kubenetmigrate.executor.kube.ResourceKind;
import org.kubenetmigrate.testsupport.AksRunCommandRoutes.Outcome;

/**
 * Plays kubectl inside the cluster for the fake run-command: answers the {@code kubectl get … -o json} commands
 * {@link RunCommandReads} sends with what the mock API server holds, as kubectl prints it ({@code kind: List}),
 * and with kubectl's error for a resource type the cluster does not have.
 */
final class KubectlOnMock implements Function<String, Outcome> {
    private final KubernetesClient client;
    private final KubeReads reads;

    KubectlOnMock(KubernetesClient client) {
        this.client = client;
        this.reads = new ApiServerReads(client);
    }

    @Override
    public Outcome apply(String command) {
        List<String> words = List.of(command.split(" "));
        if (words.size() < 3 || !words.get(0).equals("kubectl") || !words.get(1).equals("get")
                || !command.contains("-o json")) {
            return Outcome.exited(1, "error: unexpected command (fake kubectl): " + command);
        }
        String resource = words.get(2);
        String namespace = words.contains("-n") ? words.get(words.indexOf("-n") + 1) : null;
        try {
            return switch (resource) {
                case "nodes" -> list(reads.nodes());
                case "configmaps" -> list(reads.configMaps(namespace));
                case "pods" -> list(reads.pods(namespace));
                case "poddisruptionbudgets.policy" -> list(reads.podDisruptionBudgets());
                case "networkpolicies.networking.k8s.io" -> list(reads.networkPolicies());
                case "statefulsets.apps" -> list(reads.statefulSets());
                case "deployments.apps" -> words.get(3).startsWith("-") ? list(reads.deployments())
                        : Outcome.succeeded(reads.deployment(namespace, words.get(3))
                        .map(d -> client.getKubernetesSerialization().asJson(d)).orElse(""));
                default -> custom(resource);
            };
        } catch (KubeReadException e) {
            return Outcome.exited(1, "Error from server: " + e.getMessage());
        }
    }

    private Outcome custom(String resource) throws KubeReadException {
        String[] parts = resource.split("\\.", 3);
        for (ResourceKind kind : List.of(ResourceKind.CALICO_CRD_NETWORK_POLICY,
                ResourceKind.CALICO_CRD_GLOBAL_NETWORK_POLICY, ResourceKind.CALICO_API_NETWORK_POLICY,
                ResourceKind.CALICO_API_GLOBAL_NETWORK_POLICY, ResourceKind.NODE_NETWORK_CONFIG)) {
            if (parts.length == 3 && kind.plural().equals(parts[0]) && kind.version().equals(parts[1])
                    && kind.group().equals(parts[2])) {
                Optional<? extends List<? extends HasMetadata>> items = reads.custom(kind);
                if (items.isEmpty()) {
                    return Outcome.exited(1, "error: the server doesn't have a resource type \"" + resource + "\"");
                }
                return list(items.get());
            }
        }
        return Outcome.exited(1, "error: the server doesn't have a resource type \"" + resource + "\"");
    }

    private Outcome list(List<? extends HasMetadata> items) {
        Map<String, Object> list = new LinkedHashMap<>();
        list.put("apiVersion", "v1");
        list.put("items", new ArrayList<>(items));
        list.put("kind", "List");
        list.put("metadata", Map.of("resourceVersion", ""));
        return Outcome.succeeded(client.getKubernetesSerialization().asJson(list));
    }
}
