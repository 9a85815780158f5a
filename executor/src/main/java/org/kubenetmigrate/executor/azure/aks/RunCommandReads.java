package org.kubenetmigrate.executor.azure.aks;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapList;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeList;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodList;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentList;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetList;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyList;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetList;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.kubenetmigrate.executor.kube.KubeReadException;
import org.kubenetmigrate.executor.kube.KubeReads;
import org.kubenetmigrate.executor.kube.ResourceKind;
import org.kubenetmigrate.planner.model.ArmId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link KubeReads} for clusters whose API server cannot be reached (private clusters): each read is one
 * {@code kubectl get … -o json} run inside the cluster by AKS run-command through ARM, polled until it finishes,
 * and its output parsed into the same objects the API server would return. Read-only: only {@code kubectl get}
 * with names this class builds itself. Results are kept for the life of the object, so the collector and a
 * preflight never run the same command twice.
 *
 * <p>A command that runs and fails (non-zero exit, provisioningState Failed) is a {@link KubeReadException} for
 * that read, i.e. an access gap; run-command itself being unusable is a {@link RunCommandException} from
 * {@link #preflight()}. The command's output is never logged.
 */
public final class RunCommandReads implements KubeReads {
    private static final Logger LOG = LoggerFactory.getLogger(RunCommandReads.class);
    private static final Pattern SAFE_NAME = Pattern.compile("[a-z0-9]([a-z0-9.-]*[a-z0-9])?");
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private final AksArm arm;
    private final ArmId cluster;
    private final RunCommandSettings settings;
    private final Map<String, Result> results = new HashMap<>();
    private int commandsRun;

    private record Result(AksArm.CommandState.Finished finished, RunCommandException unusable) {
    }

    public RunCommandReads(AksArm arm, ArmId cluster, RunCommandSettings settings) {
        this.arm = arm;
        this.cluster = cluster;
        this.settings = settings;
    }

    /** What the reads go through, for reports. */
    public String describe() {
        return "AKS run-command through ARM for " + cluster.name();
    }

    /**
     * Runs the node list (kept for {@link #nodes()}) to learn whether run-command works at all. Throws when ARM
     * refuses it or it does not finish; a command that ran and failed is left to the read that needs it.
     */
    public void preflight() throws RunCommandException {
        Result result = run("kubectl get nodes -o json");
        if (result.unusable() != null) {
            throw result.unusable();
        }
    }

    /** How many commands were submitted (tests; each one costs a pod start in the cluster). */
    public int commandsRun() {
        return commandsRun;
    }

    @Override
    public List<ConfigMap> configMaps(String namespace) throws KubeReadException {
        return list("kubectl get configmaps -n " + safe(namespace) + " -o json", ConfigMapList.class);
    }

    @Override
    public List<PodDisruptionBudget> podDisruptionBudgets() throws KubeReadException {
        return list("kubectl get poddisruptionbudgets.policy -A -o json", PodDisruptionBudgetList.class);
    }

    @Override
    public List<NetworkPolicy> networkPolicies() throws KubeReadException {
        return list("kubectl get networkpolicies.networking.k8s.io -A -o json", NetworkPolicyList.class);
    }

    @Override
    public List<Node> nodes() throws KubeReadException {
        return list("kubectl get nodes -o json", NodeList.class);
    }

    @Override
    public List<Deployment> deployments() throws KubeReadException {
        return list("kubectl get deployments.apps -A -o json", DeploymentList.class);
    }

    @Override
    public List<StatefulSet> statefulSets() throws KubeReadException {
        return list("kubectl get statefulsets.apps -A -o json", StatefulSetList.class);
    }

    @Override
    public List<Pod> pods(String namespace) throws KubeReadException {
        return list("kubectl get pods -n " + safe(namespace) + " -o json", PodList.class);
    }

    @Override
    public Optional<Deployment> deployment(String namespace, String name) throws KubeReadException {
        String command = "kubectl get deployments.apps " + safe(name) + " -n " + safe(namespace)
                + " -o json --ignore-not-found";
        String output = output(command, false);
        return output.isBlank() ? Optional.empty() : Optional.of(parse(command, output, Deployment.class));
    }

    @Override
    public Optional<List<GenericKubernetesResource>> custom(ResourceKind kind) throws KubeReadException {
        String resource = safe(kind.plural()) + "." + safe(kind.version()) + (kind.group().isEmpty() ? ""
                : "." + safe(kind.group()));
        String command = "kubectl get " + resource + (kind.namespaced() ? " -A" : "") + " -o json";
        String output = output(command, true);
        if (output == null) {
            return Optional.empty();
        }
        return Optional.of(items(parse(command, output, GenericKubernetesResourceList.class)));
    }

    private <T extends HasMetadata, L extends KubernetesResourceList<T>> List<T> list(String command, Class<L> type)
            throws KubeReadException {
        return items(parse(command, output(command, false), type));
    }

    private static <T extends HasMetadata> List<T> items(KubernetesResourceList<T> list) {
        return list == null || list.getItems() == null ? List.of() : list.getItems();
    }

    /** The command's output; null when {@code absentAllowed} and kubectl says the resource type does not exist. */
    private String output(String command, boolean absentAllowed) throws KubeReadException {
        Result result = run(command);
        if (result.unusable() != null) {
            throw new KubeReadException(result.unusable().getMessage());
        }
        AksArm.CommandState.Finished finished = result.finished();
        if (finished.succeeded()) {
            return finished.logs();
        }
        if (absentAllowed && finished.logs().toLowerCase(Locale.ROOT).contains("doesn't have a resource type")) {
            return null;
        }
        String why = !finished.reason().isBlank() ? finished.reason() : AksArm.firstLine(finished.logs(), 200);
        throw new KubeReadException("run-command '" + command + "' failed (provisioningState "
                + (finished.provisioningState().isEmpty() ? "?" : finished.provisioningState()) + ", exit code "
                + finished.exitCode() + ")" + (why.isBlank() ? "" : ": " + why));
    }

    private static <T> T parse(String command, String output, Class<T> type) throws KubeReadException {
        try {
            return SERIALIZATION.unmarshal(output, type);
        } catch (RuntimeException e) {
            // The output may be anything kubectl printed; say where, not what.
            throw new KubeReadException("run-command '" + command + "' printed output that is not the expected"
                    + " JSON (" + e.getClass().getSimpleName() + ")");
        }
    }

    private Result run(String command) {
        Result cached = results.get(command);
        if (cached != null) {
            return cached;
        }
        Result result;
        try {
            result = new Result(await(command), null);
        } catch (RunCommandException e) {
            result = new Result(null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result = new Result(null, new RunCommandException("interrupted while waiting for run-command"));
        }
        results.put(command, result);
        return result;
    }

    private AksArm.CommandState.Finished await(String command) throws RunCommandException, InterruptedException {
        Instant deadline = settings.clock().instant().plus(settings.timeout());
        commandsRun++;
        LOG.debug("run-command on {}: {}", cluster.name(), command);
        AksArm.CommandState state;
        try {
            state = arm.runCommand(cluster, command);
            while (state instanceof AksArm.CommandState.Running running) {
                Duration wait = running.retryAfter().orElse(settings.pollInterval());
                if (settings.clock().instant().plus(wait).isAfter(deadline)) {
                    throw new RunCommandException("run-command '" + command + "' did not finish within "
                            + settings.timeout().toSeconds() + " s");
                }
                settings.sleeper().sleep(wait);
                state = arm.commandResult(running.resultUrl());
            }
        } catch (AksArmException e) {
            throw new RunCommandException(e.getMessage());
        }
        return (AksArm.CommandState.Finished) state;
    }

    private static String safe(String name) throws KubeReadException {
        if (!SAFE_NAME.matcher(name).matches()) {
            throw new KubeReadException("refusing to put '" + name + "' into a run-command: not a Kubernetes name");
        }
        return name;
    }
}
