package org.kubenetmigrate.executor.kube.validation;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.kubenetmigrate.executor.kube.ApiServerPing;
import org.kubenetmigrate.executor.kube.ApiServerReads;
import org.kubenetmigrate.executor.kube.KubeAccess;
import org.kubenetmigrate.executor.kube.KubeAccessException;
import org.kubenetmigrate.executor.kube.KubeReadException;
import org.kubenetmigrate.executor.kube.KubeReads;
import org.kubenetmigrate.executor.kube.ResourceKind;
import org.kubenetmigrate.planner.cidr.CidrFormatException;
import org.kubenetmigrate.planner.cidr.IpFamily;
import org.kubenetmigrate.planner.cidr.IpPrefix;

/**
 * Proof from inside the cluster that the migration worked, beyond ARM's provisioningState: every node Ready, every
 * node's pod CIDRs inside the planned pod CIDR, an Azure CNI NodeNetworkConfig per node (azure-cni-overlay-pod-expand, configure-azure-cni-dynamic-ip-allocation; skipped nodes were
 * a real failure mode until the release of 2024-08-05), kube-system pods Running and Ready with CoreDNS available, and optionally a
 * probe workload that checks DNS and pod-to-pod traffic across two nodes.
 *
 * <p>Read-only except for the probe, which creates and deletes objects in a namespace of its own.
 */
public final class ClusterValidator {
    public static final String API = "api-reachable";
    public static final String NODES_READY = "nodes-ready";
    public static final String NODE_POD_CIDRS = "node-pod-cidrs";
    public static final String NODE_NETWORK_CONFIGS = "node-network-configs";
    public static final String KUBE_SYSTEM_PODS = "kube-system-pods";
    public static final String COREDNS = "coredns";
    /** The probe workload's check (when asked for). */
    public static final String PROBE = ProbeWorkload.PROBE;
    static final int LISTED = 10;

    private final Clock clock;
    private final ProbeSettings probeSettings;

    public ClusterValidator(Clock clock) {
        this(clock, ProbeSettings.DEFAULTS);
    }

    public ClusterValidator(Clock clock, ProbeSettings probeSettings) {
        this.clock = clock;
        this.probeSettings = probeSettings;
    }

    /**
     * Validates the cluster behind {@code access}.
     *
     * @param plannedPodCidr the pod CIDR the plan migrated to; null skips the pod CIDR check (NOT_RUN)
     * @param probe true to also run the probe workload
     * @param timeout how long the probe may take, creation to removal
     */
    public ValidationReport validate(KubeAccess access, IpPrefix plannedPodCidr, boolean probe, Duration timeout) {
        List<ValidationCheck> checks = new ArrayList<>();
        try (KubernetesClient client = access.connect()) {
            Optional<String> problem = ApiServerPing.problem(client);
            if (problem.isPresent()) {
                return unreachable(access, checks, probe, problem.get());
            }
            checks.add(ValidationCheck.passed(API, "the API server answered"));
            List<Node> nodes = readChecks(new ApiServerReads(client), plannedPodCidr, checks);
            if (probe) {
                if (nodes == null) {
                    checks.add(ValidationCheck.notRun(ProbeWorkload.PROBE, "nodes could not be read"));
                } else {
                    checks.addAll(new ProbeWorkload(client, clock, probeSettings).run(nodes, plannedPodCidr, timeout));
                }
            }
        } catch (KubeAccessException e) {
            return unreachable(access, checks, probe, e.getMessage());
        }
        return new ValidationReport(access.describe(), clock.instant(), checks);
    }

    /**
     * Validates through reads without a live API connection (AKS run-command for a private cluster): the same
     * read-only checks, with {@code api-reachable} saying how the cluster was read. The probe needs a live
     * connection, so it is NOT_RUN when asked for.
     */
    public ValidationReport validate(KubeReads reads, String source, IpPrefix plannedPodCidr, boolean probe) {
        List<ValidationCheck> checks = new ArrayList<>();
        checks.add(ValidationCheck.passed(API, "read through " + source));
        readChecks(reads, plannedPodCidr, checks);
        if (probe) {
            checks.add(ValidationCheck.notRun(ProbeWorkload.PROBE, "the probe needs a live API server connection;"
                    + " the cluster was read through " + source));
        }
        return new ValidationReport(source, clock.instant(), checks);
    }

    /** The read-only checks; returns the nodes, or null when they could not be read. */
    private static List<Node> readChecks(KubeReads reads, IpPrefix plannedPodCidr, List<ValidationCheck> checks) {
        List<Node> nodes = null;
        try {
            nodes = reads.nodes();
        } catch (KubeReadException e) {
            checks.add(ValidationCheck.notRun(NODES_READY, e.getMessage()));
            checks.add(ValidationCheck.notRun(NODE_POD_CIDRS, e.getMessage()));
            checks.add(ValidationCheck.notRun(NODE_NETWORK_CONFIGS, e.getMessage()));
        }
        if (nodes != null) {
            checks.add(nodesReady(nodes));
            checks.add(nodePodCidrs(nodes, plannedPodCidr));
            checks.add(nodeNetworkConfigs(reads, nodes));
        }
        checks.add(kubeSystemPods(reads));
        checks.add(coreDns(reads));
        return nodes;
    }

    private ValidationReport unreachable(KubeAccess access, List<ValidationCheck> checks, boolean probe, String why) {
        checks.clear();
        checks.add(ValidationCheck.failed(API, why));
        for (String id : List.of(NODES_READY, NODE_POD_CIDRS, NODE_NETWORK_CONFIGS, KUBE_SYSTEM_PODS, COREDNS)) {
            checks.add(ValidationCheck.notRun(id, "the API server could not be used"));
        }
        if (probe) {
            checks.add(ValidationCheck.notRun(ProbeWorkload.PROBE, "the API server could not be used"));
        }
        return new ValidationReport(access.describe(), clock.instant(), checks);
    }

    static ValidationCheck nodesReady(List<Node> nodes) {
        if (nodes.isEmpty()) {
            return ValidationCheck.failed(NODES_READY, "the cluster has no nodes");
        }
        List<String> notReady = new ArrayList<>();
        for (Node node : nodes) {
            if (!ready(node)) {
                notReady.add(node.getMetadata().getName());
            }
        }
        return notReady.isEmpty()
                ? ValidationCheck.passed(NODES_READY, "all " + nodes.size() + " nodes Ready")
                : ValidationCheck.failed(NODES_READY, notReady.size() + " of " + nodes.size() + " nodes not Ready: "
                + listed(notReady));
    }

    static boolean ready(Node node) {
        return node.getStatus() != null && node.getStatus().getConditions() != null
                && node.getStatus().getConditions().stream()
                .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    }

    static ValidationCheck nodePodCidrs(List<Node> nodes, IpPrefix planned) {
        if (planned == null) {
            return ValidationCheck.notRun(NODE_POD_CIDRS, "no planned pod CIDR given");
        }
        List<String> wrong = new ArrayList<>();
        for (Node node : nodes) {
            List<String> cidrs = new ArrayList<>();
            if (node.getSpec() != null && node.getSpec().getPodCIDRs() != null) {
                cidrs.addAll(node.getSpec().getPodCIDRs());
            }
            if (cidrs.isEmpty() && node.getSpec() != null && node.getSpec().getPodCIDR() != null) {
                cidrs.add(node.getSpec().getPodCIDR());
            }
            List<IpPrefix> sameFamily = new ArrayList<>();
            boolean unparsable = false;
            for (String text : cidrs) {
                try {
                    IpPrefix prefix = IpPrefix.parse(text);
                    if (prefix.family() == planned.family()) {
                        sameFamily.add(prefix);
                    }
                } catch (CidrFormatException e) {
                    unparsable = true;
                }
            }
            String name = node.getMetadata().getName();
            if (sameFamily.isEmpty()) {
                wrong.add(name + " (" + (unparsable ? "unparsable podCIDR " + cidrs : "no "
                        + (planned.family() == IpFamily.IPV4 ? "IPv4" : "IPv6") + " podCIDR") + ")");
            } else if (sameFamily.stream().anyMatch(p -> !planned.contains(p))) {
                wrong.add(name + " (" + String.join(" ", cidrs) + ")");
            }
        }
        return wrong.isEmpty()
                ? ValidationCheck.passed(NODE_POD_CIDRS, "every node's podCIDR is inside " + planned)
                : ValidationCheck.failed(NODE_POD_CIDRS, wrong.size() + " nodes have pod CIDRs outside " + planned
                + ": " + listed(wrong));
    }

    static ValidationCheck nodeNetworkConfigs(KubeReads reads, List<Node> nodes) {
        Optional<List<GenericKubernetesResource>> configs;
        try {
            configs = reads.custom(ResourceKind.NODE_NETWORK_CONFIG);
        } catch (KubeReadException e) {
            return ValidationCheck.notRun(NODE_NETWORK_CONFIGS, e.getMessage());
        }
        if (configs.isEmpty()) {
            return ValidationCheck.failed(NODE_NETWORK_CONFIGS, "the cluster has no "
                    + ResourceKind.NODE_NETWORK_CONFIG.qualified() + " resource: Azure CNI Overlay is not set up");
        }
        Set<String> withConfig = new TreeSet<>();
        configs.get().forEach(c -> withConfig.add(c.getMetadata().getName()));
        List<String> missing = nodes.stream().map(n -> n.getMetadata().getName())
                .filter(n -> !withConfig.contains(n)).sorted().toList();
        return missing.isEmpty()
                ? ValidationCheck.passed(NODE_NETWORK_CONFIGS, "a NodeNetworkConfig for each of the " + nodes.size()
                + " nodes")
                : ValidationCheck.failed(NODE_NETWORK_CONFIGS, missing.size() + " nodes have no NodeNetworkConfig"
                + " (not reimaged onto Overlay?): " + listed(missing));
    }

    static ValidationCheck kubeSystemPods(KubeReads reads) {
        List<Pod> pods;
        try {
            pods = reads.pods("kube-system");
        } catch (KubeReadException e) {
            return ValidationCheck.notRun(KUBE_SYSTEM_PODS, e.getMessage());
        }
        List<String> unhealthy = new ArrayList<>();
        for (Pod pod : pods) {
            String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
            if ("Succeeded".equals(phase)) {
                continue;
            }
            if (!"Running".equals(phase) || !podReady(pod)) {
                unhealthy.add(pod.getMetadata().getName() + " (" + (phase == null ? "no phase" : phase)
                        + ("Running".equals(phase) ? ", not Ready" : "") + ")");
            }
        }
        return unhealthy.isEmpty()
                ? ValidationCheck.passed(KUBE_SYSTEM_PODS, "all " + pods.size() + " kube-system pods Running and Ready")
                : ValidationCheck.failed(KUBE_SYSTEM_PODS, unhealthy.size() + " kube-system pods not Running and"
                + " Ready: " + listed(unhealthy));
    }

    static boolean podReady(Pod pod) {
        List<PodCondition> conditions = pod.getStatus() == null ? null : pod.getStatus().getConditions();
        return conditions != null && conditions.stream()
                .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    }

    static ValidationCheck coreDns(KubeReads reads) {
        Optional<Deployment> coredns;
        try {
            coredns = reads.deployment("kube-system", "coredns");
        } catch (KubeReadException e) {
            return ValidationCheck.notRun(COREDNS, e.getMessage());
        }
        if (coredns.isEmpty()) {
            return ValidationCheck.failed(COREDNS, "no Deployment kube-system/coredns");
        }
        var status = coredns.get().getStatus();
        int available = status == null || status.getAvailableReplicas() == null ? 0 : status.getAvailableReplicas();
        boolean availableCondition = status != null && status.getConditions() != null && status.getConditions().stream()
                .anyMatch(c -> "Available".equals(c.getType()) && "True".equals(c.getStatus()));
        return available > 0 && availableCondition
                ? ValidationCheck.passed(COREDNS, "CoreDNS available (" + available + " replicas)")
                : ValidationCheck.failed(COREDNS, "CoreDNS not available (" + available + " available replicas)");
    }

    static String listed(List<String> items) {
        return items.size() <= LISTED ? String.join(", ", items)
                : String.join(", ", items.subList(0, LISTED)) + " and " + (items.size() - LISTED) + " more";
    }
}
