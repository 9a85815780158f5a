package org.kubenetmigrate.executor.kube.validation;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Plays the kubelet for the probe's pods on the CRUD mock server, which has none: the server pod becomes Running
 * and Ready with a pod IP, the client pod finishes with the exit code the test chose. Bounded: it stops when
 * closed or after 30 seconds.
 */
final class FakeKubelet implements AutoCloseable {
    private final KubernetesClient client;
    private final int clientExitCode;
    private final String podIpPrefix;
    private final Thread thread;
    private volatile boolean running = true;
    private final AtomicInteger ips = new AtomicInteger(10);
    /** The pods it saw: role (probe-server, probe-client) → the hostname their nodeSelector asked for. */
    final Map<String, String> placedOn = new ConcurrentHashMap<>();
    final Map<String, String> namespaces = new ConcurrentHashMap<>();

    FakeKubelet(KubernetesClient client, int clientExitCode, String podIpPrefix) {
        this.client = client;
        this.clientExitCode = clientExitCode;
        this.podIpPrefix = podIpPrefix;
        this.thread = new Thread(this::loop, "fake-kubelet");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    private void loop() {
        long stopAt = System.nanoTime() + 30_000_000_000L;
        while (running && System.nanoTime() < stopAt) {
            try {
                List<Pod> pods = client.pods().inAnyNamespace()
                        .withLabel(ProbeWorkload.MANAGED_BY, ProbeWorkload.MANAGER).list().getItems();
                for (Pod pod : pods) {
                    if (pod.getStatus() != null && pod.getStatus().getPhase() != null) {
                        continue;
                    }
                    String role = pod.getMetadata().getLabels().get(ProbeWorkload.ROLE);
                    placedOn.put(role, pod.getSpec().getNodeSelector().get("kubernetes.io/hostname"));
                    namespaces.put(pod.getMetadata().getNamespace(), "seen");
                    pod.setStatus(status(role));
                    client.pods().inNamespace(pod.getMetadata().getNamespace()).resource(pod).updateStatus();
                }
                Thread.sleep(20);
            } catch (InterruptedException e) {
                return;
            } catch (KubernetesClientException e) {
                // the probe deleted the pod meanwhile; look again
            }
        }
    }

    private PodStatus status(String role) {
        String ip = podIpPrefix + ips.getAndIncrement();
        if (ProbeWorkload.SERVER.equals(role)) {
            return new PodStatusBuilder().withPhase("Running").withPodIP(ip)
                    .addNewCondition().withType("Ready").withStatus("True").endCondition().build();
        }
        return new PodStatusBuilder().withPhase(clientExitCode == 0 ? "Succeeded" : "Failed").withPodIP(ip)
                .addNewContainerStatus().withName("check").withNewState().withNewTerminated()
                .withExitCode(clientExitCode).endTerminated().endState().endContainerStatus().build();
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
