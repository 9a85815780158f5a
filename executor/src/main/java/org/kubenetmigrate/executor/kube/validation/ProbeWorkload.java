package org.kubenetmigrate.executor.kube.validation;

import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.SecurityContextBuilder;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import org.kubenetmigrate.planner.cidr.CidrFormatException;
import org.kubenetmigrate.planner.cidr.IpPrefix;

/**
 * A short-lived probe: in a namespace of its own, a small HTTP server pod on one node and a client pod on another
 * that resolves {@code kubernetes.default.svc.cluster.local} and fetches a page from the server's pod IP. Proves DNS
 * and pod-to-pod traffic across nodes on the new network. Everything it created is deleted afterwards, also on
 * failure or timeout; what could not be deleted is reported as its own failed check.
 *
 * <p>Pods run as non-root with every capability dropped, so the restricted Pod Security level admits them.
 */
final class ProbeWorkload {
    static final String PROBE = "probe";
    static final String CLEANUP = "probe-cleanup";
    static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    static final String MANAGER = "kubenet-migrate";
    static final String ROLE = "app.kubernetes.io/name";
    static final String SERVER = "probe-server";
    static final String CLIENT = "probe-client";
    static final int PORT = 8080;
    /** Client exit codes, so the failure is known without reading logs (which would need one more permission). */
    static final int EXIT_DNS = 2;
    static final int EXIT_HTTP = 3;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final KubernetesClient client;
    private final Clock clock;
    private final ProbeSettings settings;

    ProbeWorkload(KubernetesClient client, Clock clock, ProbeSettings settings) {
        this.client = client;
        this.clock = clock;
        this.settings = settings;
    }

    /** The probe check and the cleanup check. */
    List<ValidationCheck> run(List<Node> nodes, IpPrefix plannedPodCidr, Duration timeout) {
        List<Node> eligible = nodes.stream().filter(ProbeWorkload::eligible)
                .sorted(Comparator.comparing(n -> n.getMetadata().getName())).toList();
        if (eligible.size() < 2) {
            return List.of(ValidationCheck.failed(PROBE, "needs two Ready, schedulable Linux nodes without"
                    + " NoSchedule/NoExecute taints to test traffic across nodes; found " + eligible.size()));
        }
        Node serverNode = eligible.get(0);
        Node clientNode = eligible.get(1);
        Instant deadline = clock.instant().plus(timeout);
        String suffix = suffix();
        boolean ownNamespace = settings.namespace() == null;
        String namespace = ownNamespace ? "kubenet-migrate-probe-" + suffix : settings.namespace();
        Names names = new Names(namespace, SERVER + "-" + suffix, CLIENT + "-" + suffix);
        List<ValidationCheck> checks = new ArrayList<>();
        boolean created = false;
        try {
            if (ownNamespace) {
                client.namespaces().resource(namespace(namespace)).create();
            }
            created = true;
            checks.add(probe(names, serverNode, clientNode, plannedPodCidr, deadline, timeout));
        } catch (KubernetesClientException e) {
            checks.add(ValidationCheck.failed(PROBE, describe(e, namespace, ownNamespace)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            checks.add(ValidationCheck.failed(PROBE, "interrupted"));
        } finally {
            if (created) {
                checks.add(cleanup(names, ownNamespace));
            }
        }
        return checks;
    }

    /** Where the probe's pods live; the pod names carry a random suffix so leftovers never collide. */
    private record Names(String namespace, String server, String client) {
    }

    private ValidationCheck probe(Names names, Node serverNode, Node clientNode, IpPrefix planned,
                                  Instant deadline, Duration timeout) throws InterruptedException {
        String namespace = names.namespace();
        String serverNodeName = serverNode.getMetadata().getName();
        String clientNodeName = clientNode.getMetadata().getName();
        client.pods().inNamespace(namespace).resource(serverPod(names, serverNode)).create();
        Pod server = waitFor(namespace, names.server(), ProbeWorkload::readyWithIp, deadline);
        if (server == null) {
            return timedOut(namespace, names.server(), serverNodeName, "Ready", timeout);
        }
        String serverIp = server.getStatus().getPodIP();
        client.pods().inNamespace(namespace).resource(clientPod(names, clientNode, serverIp)).create();
        Pod done = waitFor(namespace, names.client(), p -> finished(p), deadline);
        if (done == null) {
            return timedOut(namespace, names.client(), clientNodeName, "finished", timeout);
        }
        String route = "from a pod on " + clientNodeName + " to " + serverIp + " on " + serverNodeName;
        if ("Failed".equals(done.getStatus().getPhase())) {
            Integer code = exitCode(done);
            String what = code == null ? "the client pod failed" : switch (code) {
                case EXIT_DNS -> "DNS lookup of kubernetes.default.svc.cluster.local failed on " + clientNodeName;
                case EXIT_HTTP -> "HTTP " + route + " failed";
                default -> "the client pod exited with code " + code;
            };
            return ValidationCheck.failed(PROBE, what);
        }
        String clientIp = done.getStatus().getPodIP();
        List<String> outside = new ArrayList<>();
        if (planned != null) {
            addIfOutside(outside, serverIp, planned);
            addIfOutside(outside, clientIp, planned);
        }
        if (!outside.isEmpty()) {
            return ValidationCheck.failed(PROBE, "DNS and HTTP " + route + " worked, but pod IPs "
                    + String.join(", ", outside) + " are outside the planned pod CIDR " + planned);
        }
        return ValidationCheck.passed(PROBE, "DNS lookup of kubernetes.default.svc.cluster.local and HTTP " + route
                + " succeeded");
    }

    private static void addIfOutside(List<String> outside, String ip, IpPrefix planned) {
        if (ip == null) {
            return;
        }
        try {
            IpPrefix host = IpPrefix.parseHost(ip);
            if (host.family() == planned.family() && !planned.contains(host)) {
                outside.add(ip);
            }
        } catch (CidrFormatException e) {
            outside.add(ip + " (unparsable)");
        }
    }

    private ValidationCheck timedOut(String namespace, String pod, String node, String state, Duration timeout) {
        Pod current = null;
        try {
            current = client.pods().inNamespace(namespace).withName(pod).get();
        } catch (KubernetesClientException e) {
            // the timeout is what matters; the last state is only a hint
        }
        String phase = current == null || current.getStatus() == null || current.getStatus().getPhase() == null
                ? "no status" : current.getStatus().getPhase();
        return ValidationCheck.failed(PROBE, "timed out after " + text(timeout) + " waiting for " + pod
                + " on " + node + " to be " + state + " (phase: " + phase + ")");
    }

    private static String text(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }

    /** Polls until the pod satisfies {@code done}, or returns null at the deadline. */
    private Pod waitFor(String namespace, String name, Predicate<Pod> done, Instant deadline)
            throws InterruptedException {
        while (true) {
            Pod pod = client.pods().inNamespace(namespace).withName(name).get();
            if (pod != null && done.test(pod)) {
                return pod;
            }
            Duration left = Duration.between(clock.instant(), deadline);
            if (left.isNegative() || left.isZero()) {
                return null;
            }
            Thread.sleep(Math.max(1, Math.min(settings.pollInterval().toMillis(), left.toMillis())));
        }
    }

    private ValidationCheck cleanup(Names names, boolean ownNamespace) {
        String namespace = names.namespace();
        List<String> failed = new ArrayList<>();
        for (String pod : List.of(names.client(), names.server())) {
            try {
                client.pods().inNamespace(namespace).withName(pod).withGracePeriod(0).delete();
            } catch (KubernetesClientException e) {
                failed.add("pod " + pod + " (HTTP " + e.getCode() + ")");
            }
        }
        if (ownNamespace) {
            try {
                client.namespaces().withName(namespace).delete();
            } catch (KubernetesClientException e) {
                failed.add("namespace " + namespace + " (HTTP " + e.getCode() + ")");
            }
        }
        String removeBy = ownNamespace ? "kubectl delete namespace " + namespace
                : "kubectl -n " + namespace + " delete pod -l " + MANAGED_BY + "=" + MANAGER;
        String deleted = ownNamespace ? "namespace " + namespace + " and its pods"
                : "pods " + names.server() + " and " + names.client() + " in " + namespace;
        return failed.isEmpty()
                ? ValidationCheck.passed(CLEANUP, "deleted " + deleted)
                : ValidationCheck.failed(CLEANUP, "could not delete " + String.join(", ", failed) + "; remove them"
                + " with " + removeBy);
    }

    static boolean eligible(Node node) {
        if (!ClusterValidator.ready(node) || node.getSpec() == null
                || Boolean.TRUE.equals(node.getSpec().getUnschedulable())) {
            return false;
        }
        Map<String, String> labels = node.getMetadata().getLabels();
        if (labels != null && labels.containsKey("kubernetes.io/os") && !"linux".equals(labels.get("kubernetes.io/os"))) {
            return false;
        }
        List<Taint> taints = node.getSpec().getTaints();
        return taints == null || taints.stream()
                .noneMatch(t -> "NoSchedule".equals(t.getEffect()) || "NoExecute".equals(t.getEffect()));
    }

    static boolean readyWithIp(Pod pod) {
        return pod.getStatus() != null && pod.getStatus().getPodIP() != null && ClusterValidator.podReady(pod);
    }

    static boolean finished(Pod pod) {
        String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
        return "Succeeded".equals(phase) || "Failed".equals(phase);
    }

    private static Integer exitCode(Pod pod) {
        if (pod.getStatus().getContainerStatuses() == null) {
            return null;
        }
        return pod.getStatus().getContainerStatuses().stream()
                .map(s -> s.getState() == null ? null : s.getState().getTerminated())
                .filter(Objects::nonNull)
                .map(ContainerStateTerminated::getExitCode)
                .filter(Objects::nonNull)
                .findFirst().orElse(null);
    }

    private static String describe(KubernetesClientException e, String namespace, boolean ownNamespace) {
        if (e.getCode() == 403) {
            return ownNamespace
                    ? "forbidden: the probe needs create and delete on namespaces, and create, get and delete on pods"
                    + " in its own namespace (" + namespace + "); or give it a prepared namespace"
                    : "forbidden: the probe needs create, get and delete on pods in namespace " + namespace;
        }
        return "the probe could not create its objects in " + namespace + ": "
                + (e.getCode() > 0 ? "HTTP " + e.getCode() : e.getClass().getSimpleName());
    }

    private static String suffix() {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            b.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    private static Namespace namespace(String name) {
        return new NamespaceBuilder().withNewMetadata().withName(name)
                .addToLabels(MANAGED_BY, MANAGER)
                .addToLabels("pod-security.kubernetes.io/enforce", "restricted")
                .endMetadata().build();
    }

    private Pod serverPod(Names names, Node node) {
        return basePod(names.namespace(), names.server(), SERVER, node)
                .editSpec().withRestartPolicy("Always")
                .addNewContainer().withName("httpd").withImage(settings.image())
                .withCommand("sh", "-c", "echo ok > /tmp/index.html && exec httpd -f -p " + PORT + " -h /tmp")
                .addNewPort().withContainerPort(PORT).endPort()
                .withNewReadinessProbe().withNewTcpSocket().withNewPort(PORT).endTcpSocket()
                .withPeriodSeconds(2).endReadinessProbe()
                .withSecurityContext(restricted())
                .endContainer().endSpec().build();
    }

    private Pod clientPod(Names names, Node node, String serverIp) {
        return basePod(names.namespace(), names.client(), CLIENT, node)
                .editSpec().withRestartPolicy("Never")
                .addNewContainer().withName("check").withImage(settings.image())
                .addNewEnv().withName("SERVER_IP").withValue(serverIp).endEnv()
                .withCommand("sh", "-c", "nslookup kubernetes.default.svc.cluster.local >/dev/null 2>&1 || exit "
                        + EXIT_DNS + "; wget -q -T 5 -O /dev/null http://$SERVER_IP:" + PORT + "/ || exit " + EXIT_HTTP)
                .withSecurityContext(restricted())
                .endContainer().endSpec().build();
    }

    private static PodBuilder basePod(String namespace, String name, String role, Node node) {
        Map<String, String> labels = node.getMetadata().getLabels();
        String hostname = labels != null && labels.get("kubernetes.io/hostname") != null
                ? labels.get("kubernetes.io/hostname") : node.getMetadata().getName();
        return new PodBuilder().withNewMetadata().withName(name).withNamespace(namespace)
                .addToLabels(MANAGED_BY, MANAGER).addToLabels(ROLE, role).endMetadata()
                .withNewSpec()
                .addToNodeSelector("kubernetes.io/hostname", hostname)
                .withAutomountServiceAccountToken(false)
                .withTerminationGracePeriodSeconds(0L)
                .withActiveDeadlineSeconds(600L)
                .endSpec();
    }

    private static io.fabric8.kubernetes.api.model.SecurityContext restricted() {
        return new SecurityContextBuilder().withRunAsNonRoot(true).withRunAsUser(65534L)
                .withAllowPrivilegeEscalation(false)
                .withNewCapabilities().withDrop("ALL").endCapabilities()
                .withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile()
                .build();
    }
}
