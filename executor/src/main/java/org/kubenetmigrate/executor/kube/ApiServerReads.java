package org.kubenetmigrate.executor.kube;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.api.model.ListOptions;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** {@link KubeReads} against the API server: GET and LIST only, paged 500 at a time. */
public final class ApiServerReads implements KubeReads {
    static final long PAGE = 500;
    private final KubernetesClient client;

    public ApiServerReads(KubernetesClient client) {
        this.client = client;
    }

    @Override
    public List<ConfigMap> configMaps(String namespace) throws KubeReadException {
        return paged("configmaps", "namespace " + namespace,
                o -> client.configMaps().inNamespace(namespace).list(o));
    }

    @Override
    public List<PodDisruptionBudget> podDisruptionBudgets() throws KubeReadException {
        return paged("poddisruptionbudgets.policy", "all namespaces",
                o -> client.policy().v1().podDisruptionBudget().inAnyNamespace().list(o));
    }

    @Override
    public List<NetworkPolicy> networkPolicies() throws KubeReadException {
        return paged("networkpolicies.networking.k8s.io", "all namespaces",
                o -> client.network().v1().networkPolicies().inAnyNamespace().list(o));
    }

    @Override
    public List<Node> nodes() throws KubeReadException {
        return paged("nodes", "cluster scope", o -> client.nodes().list(o));
    }

    @Override
    public List<Deployment> deployments() throws KubeReadException {
        return paged("deployments.apps", "all namespaces", o -> client.apps().deployments().inAnyNamespace().list(o));
    }

    @Override
    public List<StatefulSet> statefulSets() throws KubeReadException {
        return paged("statefulsets.apps", "all namespaces", o -> client.apps().statefulSets().inAnyNamespace().list(o));
    }

    @Override
    public List<Pod> pods(String namespace) throws KubeReadException {
        return paged("pods", "namespace " + namespace, o -> client.pods().inNamespace(namespace).list(o));
    }

    @Override
    public Optional<Deployment> deployment(String namespace, String name) throws KubeReadException {
        try {
            return Optional.ofNullable(client.apps().deployments().inNamespace(namespace).withName(name).get());
        } catch (KubernetesClientException e) {
            throw new KubeReadException(KubeErrors.describe(e, "get", "deployments.apps " + name,
                    "namespace " + namespace));
        }
    }

    @Override
    public Optional<List<GenericKubernetesResource>> custom(ResourceKind kind) throws KubeReadException {
        ResourceDefinitionContext context = new ResourceDefinitionContext.Builder()
                .withGroup(kind.group()).withVersion(kind.version()).withPlural(kind.plural()).withKind(kind.kind())
                .withNamespaced(kind.namespaced()).build();
        String scope = kind.namespaced() ? "all namespaces" : "cluster scope";
        return Optional.ofNullable(paged(kind.qualified(), scope, true, o -> kind.namespaced()
                ? client.genericKubernetesResources(context).inAnyNamespace().list(o)
                : client.genericKubernetesResources(context).list(o)));
    }

    private static <T extends HasMetadata> List<T> paged(String resource, String scope,
                                     Function<ListOptions, ? extends KubernetesResourceList<T>> list)
            throws KubeReadException {
        return paged(resource, scope, false, list);
    }

    /** All pages; null when {@code missingMeansAbsent} and the resource type does not exist (404 on the list). */
    private static <T extends HasMetadata> List<T> paged(String resource, String scope, boolean missingMeansAbsent,
                                     Function<ListOptions, ? extends KubernetesResourceList<T>> list)
            throws KubeReadException {
        List<T> items = new ArrayList<>();
        String token = null;
        do {
            KubernetesResourceList<T> page;
            try {
                page = list.apply(new ListOptionsBuilder().withLimit(PAGE).withContinue(token).build());
            } catch (KubernetesClientException e) {
                if (missingMeansAbsent && KubeErrors.notFound(e)) {
                    return null;
                }
                throw new KubeReadException(KubeErrors.describe(e, "list", resource, scope));
            }
            if (page == null) {
                break;
            }
            items.addAll(page.getItems() == null ? List.of() : page.getItems());
            token = page.getMetadata() == null ? null : page.getMetadata().getContinue();
        } while (token != null && !token.isEmpty());
        return items;
    }
}
