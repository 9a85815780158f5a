package org.kubenetmigrate.executor.kube;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeerBuilder;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.List;
import java.util.Map;

/** Seeds the CRUD mock API server with the objects a test is about. */
public final class KubeObjects {
    private final KubernetesClient client;

    public KubeObjects(KubernetesClient client) {
        this.client = client;
    }

    public KubeObjects configMap(String namespace, String name) {
        client.configMaps().inNamespace(namespace).resource(new ConfigMapBuilder().withNewMetadata().withName(name)
                .endMetadata().addToData("config", "nonMasqueradeCIDRs: [10.0.0.0/8]").build()).create();
        return this;
    }

    public KubeObjects node(String name, boolean ready, String... podCidrs) {
        Node node = new NodeBuilder().withNewMetadata().withName(name)
                .addToLabels("kubernetes.io/hostname", name).addToLabels("kubernetes.io/os", "linux").endMetadata()
                .withNewSpec().withPodCIDR(podCidrs.length == 0 ? null : podCidrs[0]).withPodCIDRs(podCidrs).endSpec()
                .withNewStatus().addNewCondition().withType("Ready").withStatus(ready ? "True" : "False")
                .withReason(ready ? "KubeletReady" : "KubeletNotReady").endCondition().endStatus()
                .build();
        Node created = client.nodes().resource(node).create();
        created.setStatus(node.getStatus());
        client.nodes().resource(created).updateStatus();
        return this;
    }

    public KubeObjects deployment(String namespace, String name, int replicas, Map<String, String> labels) {
        Deployment d = new DeploymentBuilder().withNewMetadata().withName(name).withNamespace(namespace).endMetadata()
                .withNewSpec().withReplicas(replicas).withNewSelector().withMatchLabels(labels).endSelector()
                .withNewTemplate().withNewMetadata().withLabels(labels).endMetadata().endTemplate().endSpec().build();
        client.apps().deployments().inNamespace(namespace).resource(d).create();
        return this;
    }

    public KubeObjects availableDeployment(String namespace, String name, int available) {
        deployment(namespace, name, available, Map.of("k8s-app", name));
        Deployment d = client.apps().deployments().inNamespace(namespace).withName(name).get();
        d.setStatus(new io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder()
                .withAvailableReplicas(available).withReplicas(available)
                .addNewCondition().withType("Available").withStatus(available > 0 ? "True" : "False").endCondition()
                .build());
        client.apps().deployments().inNamespace(namespace).resource(d).updateStatus();
        return this;
    }

    public KubeObjects statefulSet(String namespace, String name, int replicas, Map<String, String> labels) {
        client.apps().statefulSets().inNamespace(namespace).resource(new StatefulSetBuilder().withNewMetadata()
                .withName(name).withNamespace(namespace).endMetadata().withNewSpec().withReplicas(replicas)
                .withNewSelector().withMatchLabels(labels).endSelector()
                .withNewTemplate().withNewMetadata().withLabels(labels).endMetadata().endTemplate().endSpec().build())
                .create();
        return this;
    }

    public KubeObjects pdb(String namespace, String name, Map<String, String> selector, int minAvailable,
                    int disruptionsAllowed, int expectedPods) {
        PodDisruptionBudget pdb = new PodDisruptionBudgetBuilder().withNewMetadata().withName(name)
                .withNamespace(namespace).endMetadata()
                .withNewSpec().withMinAvailable(new IntOrString(minAvailable)).withNewSelector()
                .withMatchLabels(selector).endSelector().endSpec().build();
        PodDisruptionBudget created = client.policy().v1().podDisruptionBudget().inNamespace(namespace).resource(pdb)
                .create();
        created.setStatus(new io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetStatusBuilder()
                .withDisruptionsAllowed(disruptionsAllowed).withExpectedPods(expectedPods)
                .withCurrentHealthy(expectedPods).withDesiredHealthy(minAvailable).build());
        client.policy().v1().podDisruptionBudget().inNamespace(namespace).resource(created).updateStatus();
        return this;
    }

    /** A NetworkPolicy with one ingress ipBlock peer per CIDR given as "cidr" or "cidr except e1 e2". */
    public KubeObjects networkPolicy(String namespace, String name, String... ingressIpBlocks) {
        NetworkPolicyBuilder policy = new NetworkPolicyBuilder().withNewMetadata().withName(name)
                .withNamespace(namespace).endMetadata();
        var spec = policy.withNewSpec().withNewPodSelector().endPodSelector().addToPolicyTypes("Ingress");
        var rule = spec.addNewIngress();
        for (String block : ingressIpBlocks) {
            String[] parts = block.split(" except ");
            rule.addToFrom(new NetworkPolicyPeerBuilder().withNewIpBlock().withCidr(parts[0])
                    .withExcept(parts.length > 1 ? List.of(parts[1].split(" ")) : List.of()).endIpBlock().build());
        }
        rule.endIngress();
        spec.endSpec();
        client.network().v1().networkPolicies().inNamespace(namespace).resource(policy.build()).create();
        return this;
    }

    public KubeObjects custom(ResourceKind kind, String namespace, String name) {
        ResourceDefinitionContext context = new ResourceDefinitionContext.Builder().withGroup(kind.group())
                .withVersion(kind.version()).withPlural(kind.plural()).withKind(kind.kind())
                .withNamespaced(kind.namespaced()).build();
        GenericKubernetesResource resource = new GenericKubernetesResourceBuilder()
                .withApiVersion(kind.group() + "/" + kind.version()).withKind(kind.kind())
                .withNewMetadata().withName(name).withNamespace(kind.namespaced() ? namespace : null).endMetadata()
                .build();
        if (kind.namespaced()) {
            client.genericKubernetesResources(context).inNamespace(namespace).resource(resource).create();
        } else {
            client.genericKubernetesResources(context).resource(resource).create();
        }
        return this;
    }

    public KubeObjects pod(String namespace, String name, String phase, boolean ready) {
        Pod created = client.pods().inNamespace(namespace).resource(new PodBuilder().withNewMetadata().withName(name)
                .withNamespace(namespace).endMetadata().withNewSpec().addNewContainer().withName("c")
                .withImage("x").endContainer().endSpec().build()).create();
        created.setStatus(new io.fabric8.kubernetes.api.model.PodStatusBuilder().withPhase(phase)
                .addNewCondition().withType("Ready").withStatus(ready ? "True" : "False").endCondition().build());
        client.pods().inNamespace(namespace).resource(created).updateStatus();
        return this;
    }

    /** A pod on the host network ({@code spec.hostNetwork: true}), as node agents run. */
    public KubeObjects hostNetworkPod(String namespace, String name, Map<String, String> labels) {
        client.pods().inNamespace(namespace).resource(new PodBuilder().withNewMetadata().withName(name)
                .withNamespace(namespace).withLabels(labels).endMetadata().withNewSpec().withHostNetwork(true)
                .addNewContainer().withName("c").withImage("x").endContainer().endSpec().build()).create();
        return this;
    }
}
