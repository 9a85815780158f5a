package org.kubenetmigrate.executor.steps;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.kubenetmigrate.executor.engine.InClusterAccess;
import org.kubenetmigrate.executor.engine.MigrationStep;
import org.kubenetmigrate.executor.engine.StepContext;
import org.kubenetmigrate.executor.engine.StepStop;
import org.kubenetmigrate.executor.kube.KubeAccessException;
import org.kubenetmigrate.planner.model.InClusterState.IpMasqConfigMap;
import org.kubenetmigrate.planner.plan.Step;
import org.kubenetmigrate.planner.plan.StepId;
import org.kubenetmigrate.planner.report.OutputFiles;

/**
 * {@code remove-ip-masq-config}: AKS rejects the Overlay migration while a custom ip-masq-agent configuration sits
 * in kube-system, so every kube-system ConfigMap the planner's ip-masq rule flags (a name containing
 * {@code ip-masq-agent}, except AKS's own {@value IpMasqConfigMap#RECONCILED_NAME}) is saved to
 * {@code ip-masq-agent/NAME.yaml} in the run's backup directory, atomically, and only then deleted. Done when none
 * is left. The compensation re-creates every backed-up ConfigMap that is missing. Names go to the journal; the data
 * only to the backup files.
 */
final class RemoveIpMasqConfig implements MigrationStep {
    static final String NAMESPACE = "kube-system";
    static final String BACKUP_DIR = "ip-masq-agent";

    @Override
    public String id() {
        return StepId.REMOVE_IP_MASQ_CONFIG.id();
    }

    @Override
    public boolean canCompensate(Step planned) {
        return planned.compensation() != null;
    }

    @Override
    public boolean isAlreadyDone(StepContext ctx) throws StepStop {
        try (KubernetesClient client = connect(ctx)) {
            return custom(ctx, client).isEmpty();
        }
    }

    @Override
    public void apply(StepContext ctx) throws StepStop {
        Path dir = ctx.backupDir().resolve(BACKUP_DIR);
        List<String> removed = new ArrayList<>();
        try (KubernetesClient client = connect(ctx)) {
            for (ConfigMap map : custom(ctx, client)) {
                String name = map.getMetadata().getName();
                Path file = dir.resolve(fileName(name));
                try {
                    OutputFiles.writeAtomically(file, client.getKubernetesSerialization().asYaml(forRecreation(map)));
                } catch (IOException e) {
                    throw StepStop.failed("cannot back up ConfigMap " + NAMESPACE + "/" + name + " to " + file + ": "
                            + e.getMessage() + "; nothing was deleted", "Free space or fix permissions, then resume.");
                }
                try {
                    client.configMaps().inNamespace(NAMESPACE).withName(name).delete();
                } catch (KubernetesClientException e) {
                    throw apiFailure(ctx, "delete ConfigMap " + NAMESPACE + "/" + name, e);
                }
                ctx.changedInCluster();
                ctx.notice("saved ConfigMap " + NAMESPACE + "/" + name + " to " + file + " and deleted it");
                removed.add(NAMESPACE + "/" + name);
            }
        }
        ctx.summary("backed up to " + dir + " and deleted " + removed.size() + " ip-masq-agent ConfigMap(s): "
                + String.join(", ", removed));
    }

    @Override
    public void verify(StepContext ctx) throws StepStop {
        try (KubernetesClient client = connect(ctx)) {
            List<String> left = custom(ctx, client).stream().map(m -> m.getMetadata().getName()).toList();
            if (!left.isEmpty()) {
                throw StepStop.failed("custom ip-masq-agent ConfigMap(s) still in " + NAMESPACE + ": "
                        + String.join(", ", left) + " (something re-created them?)",
                        "Find what manages them (GitOps, an add-on) and stop it, then: kubenet-migrate resume "
                                + ctx.run().id());
            }
        }
    }

    /** Re-creates every backed-up ConfigMap that is missing; one that exists again is left as it is. */
    @Override
    public void compensate(StepContext ctx) throws StepStop {
        Path dir = ctx.backupDir().resolve(BACKUP_DIR);
        List<Path> files = backups(dir);
        if (files.isEmpty()) {
            ctx.notice("no ip-masq-agent ConfigMap backup in " + dir + ": nothing was deleted, nothing to re-create");
            return;
        }
        List<String> recreated = new ArrayList<>();
        try (KubernetesClient client = connect(ctx)) {
            for (Path file : files) {
                ConfigMap map;
                try (InputStream in = Files.newInputStream(file)) {
                    map = client.getKubernetesSerialization().unmarshal(in, ConfigMap.class);
                } catch (IOException | RuntimeException e) {
                    throw StepStop.failed("cannot read the backup " + file + ": " + e.getMessage(),
                            "Re-create it by hand: kubectl apply -f " + file);
                }
                String name = map.getMetadata() == null ? null : map.getMetadata().getName();
                if (name == null) {
                    throw StepStop.failed("backup " + file + " has no metadata.name",
                            "Re-create it by hand: kubectl apply -f " + file);
                }
                try {
                    if (client.configMaps().inNamespace(NAMESPACE).withName(name).get() != null) {
                        ctx.notice("ConfigMap " + NAMESPACE + "/" + name + " exists; left as it is");
                        continue;
                    }
                    client.configMaps().inNamespace(NAMESPACE).resource(map).create();
                } catch (KubernetesClientException e) {
                    throw apiFailure(ctx, "re-create ConfigMap " + NAMESPACE + "/" + name, e);
                }
                ctx.changedInCluster();
                ctx.notice("re-created ConfigMap " + NAMESPACE + "/" + name + " from " + file);
                recreated.add(NAMESPACE + "/" + name);
            }
        }
        ctx.summary("re-created " + recreated.size() + " ip-masq-agent ConfigMap(s) from " + dir
                + (recreated.isEmpty() ? "" : ": " + String.join(", ", recreated)));
    }

    private static KubernetesClient connect(StepContext ctx) throws StepStop {
        InClusterAccess access = ctx.inCluster();
        if (!access.available()) {
            throw StepStop.failed("step remove-ip-masq-config needs Kubernetes access to " + ctx.plan().clusterName()
                    + ": " + access.unavailableReason(), "Run the command again with access: --kubeconfig FILE [--context"
                    + " NAME], or --in-cluster for access through ARM (run " + ctx.run().id() + ")");
        }
        try {
            return access.api().connect();
        } catch (KubeAccessException e) {
            throw StepStop.failed("cannot connect to the Kubernetes API of " + ctx.plan().clusterName() + " ("
                    + access.api().describe() + "): " + e.getMessage(), "Fix the access, then: kubenet-migrate resume "
                    + ctx.run().id());
        }
    }

    /** The ConfigMaps the planner's ip-masq-agent-config rule flags. */
    private static List<ConfigMap> custom(StepContext ctx, KubernetesClient client) throws StepStop {
        try {
            return client.configMaps().inNamespace(NAMESPACE).list().getItems().stream()
                    .filter(m -> IpMasqConfigMap.configuresIpMasqAgent(m.getMetadata().getName()))
                    .filter(m -> !IpMasqConfigMap.named(m.getMetadata().getName()).reconciled())
                    .toList();
        } catch (KubernetesClientException e) {
            throw apiFailure(ctx, "list ConfigMaps in " + NAMESPACE, e);
        }
    }

    /** The object without server-set fields, so that {@code kubectl apply -f} and create take it as is. */
    private static ConfigMap forRecreation(ConfigMap live) {
        ObjectMeta meta = live.getMetadata();
        ObjectMeta kept = new ObjectMeta();
        kept.setName(meta.getName());
        kept.setNamespace(NAMESPACE);
        kept.setLabels(meta.getLabels());
        kept.setAnnotations(meta.getAnnotations());
        ConfigMap copy = new ConfigMap();
        copy.setApiVersion("v1");
        copy.setKind("ConfigMap");
        copy.setMetadata(kept);
        copy.setData(live.getData());
        copy.setBinaryData(live.getBinaryData());
        copy.setImmutable(live.getImmutable());
        return copy;
    }

    private static List<Path> backups(Path dir) throws StepStop {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw StepStop.failed("cannot list the backup " + dir + ": " + e.getMessage());
        }
    }

    static String fileName(String configMapName) {
        // ConfigMap names are DNS subdomains already; this only keeps a hostile name inside the directory.
        return configMapName.replaceAll("[^A-Za-z0-9_.-]", "_") + ".yaml";
    }

    private static StepStop apiFailure(StepContext ctx, String what, KubernetesClientException e) {
        String why = e.getCode() > 0 ? "HTTP " + e.getCode() + (e.getStatus() == null || e.getStatus().getReason() == null
                ? "" : " " + e.getStatus().getReason()) : "the API server could not be reached";
        return StepStop.failed("cannot " + what + ": " + why,
                e.getCode() == 403 ? "Grant get, list, create and delete on configmaps in kube-system (see the runbook)"
                        + ", then: kubenet-migrate resume " + ctx.run().id()
                        : "Check access to the cluster, then: kubenet-migrate resume " + ctx.run().id());
    }
}
