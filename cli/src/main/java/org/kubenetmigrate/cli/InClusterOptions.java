package org.kubenetmigrate.cli;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.kubenetmigrate.executor.commands.KubeAccessProviders;
import org.kubenetmigrate.executor.engine.KubeAccessProvider;
import org.kubenetmigrate.executor.kube.KubeApiInClusterSource;
import org.kubenetmigrate.executor.kube.Kubeconfig;
import org.kubenetmigrate.executor.kube.KubeconfigException;
import org.kubenetmigrate.planner.inventory.InClusterSource;
import org.kubenetmigrate.planner.model.Fleet;
import org.kubenetmigrate.planner.model.InClusterView;
import picocli.CommandLine.Option;

/**
 * Whether and how to read inside the clusters (read-only Kubernetes API checks). {@code plan} reads when asked
 * ({@code --in-cluster}, {@code --kubeconfig}, {@code --context}), or when it reads Azure live and {@code KUBECONFIG}
 * is set; {@code report} only when asked, because it is one connection per cluster. {@code ~/.kube/config} is never used implicitly: its current context may be any
 * cluster.
 */
final class InClusterOptions {
    static final String NO_KUBECONFIG = "in-cluster checks not run: no kubeconfig (pass --kubeconfig FILE or set"
            + " KUBECONFIG, or read Azure live (without --from) with --in-cluster to get access through ARM)";

    @Option(names = "--in-cluster", arity = "0..1", paramLabel = "true|false", fallbackValue = "true",
            description = "Read inside the cluster(s) through the Kubernetes API (read-only): ip-masq-agent"
                    + " ConfigMaps, disruption budgets, network policies, nodes, workloads. plan: on when a"
                    + " kubeconfig is given, or when Azure is read live (no --from) and KUBECONFIG is set; with --from"
                    + " only when asked (an ambient KUBECONFIG never changes an offline verdict); report: off unless"
                    + " given (one connection per cluster). Without a kubeconfig, a live read (no --from) with --in-cluster gets access"
                    + " through ARM: the cluster user credential (Entra ID token from your Azure sign-in, no"
                    + " kubelogin), or AKS run-command when the API server is private or unreachable."
                    + " apply/resume/rollback: like plan; used by remove-ip-masq-config and the validate step."
                    + " --in-cluster=false turns it off.")
    Boolean inCluster;

    @Option(names = "--kubeconfig", paramLabel = "FILE",
            description = "Kubeconfig to read the cluster(s) with (default: KUBECONFIG). exec plugins such as"
                    + " kubelogin are never run.")
    Path kubeconfig;

    @Option(names = "--context", paramLabel = "NAME",
            description = "Kubeconfig context of the cluster. Default: the context (or cluster entry) named like"
                    + " the AKS cluster, as az aks get-credentials writes it; another cluster's context is never"
                    + " used.")
    String context;

    /**
     * plan: on unless --in-cluster=false, when asked, or when Azure is read live and a kubeconfig is at hand; with
     * --in-cluster, no kubeconfig and a live read, through ARM.
     */
    InClusterSource forPlan(Map<String, String> env, Main main, InputOptions input) throws CliException,
            KubeconfigException {
        if (Boolean.FALSE.equals(inCluster)) {
            return InClusterSource.NOT_REQUESTED;
        }
        if (!input.readsLive() && !asked()) {
            // Offline input is judged on what it holds: an ambient KUBECONFIG (possibly of another cluster) must not
            // turn a READY into INCOMPLETE unasked.
            return InClusterSource.NOT_REQUESTED;
        }
        List<Path> files = files(env);
        if (files.isEmpty() && throughArm(input)) {
            return LiveAzure.inClusterSource(input.azure, main.clock);
        }
        if (files.isEmpty()) {
            boolean asked = Boolean.TRUE.equals(inCluster) || context != null;
            return asked ? cluster -> InClusterView.unavailable(NO_KUBECONFIG) : InClusterSource.NOT_REQUESTED;
        }
        return source(files, main);
    }

    /**
     * apply, resume and rollback, like plan: on unless --in-cluster=false when a kubeconfig is at hand; with
     * --in-cluster and no kubeconfig, through ARM; otherwise none, and the steps that need it say so.
     */
    KubeAccessProvider forRun(Map<String, String> env, SignInOptions signIn, ProbeOptions probe) throws CliException,
            KubeconfigException {
        if (Boolean.FALSE.equals(inCluster)) {
            return KubeAccessProvider.none("in-cluster access turned off (--in-cluster=false)");
        }
        List<Path> files = files(env);
        // Probe deadlines follow the wall clock, not the command's (possibly fixed) clock.
        Clock wall = Clock.systemUTC();
        if (!files.isEmpty()) {
            return KubeAccessProviders.kubeconfig(Kubeconfig.read(files), context, wall, probe.probe,
                    probe.timeout());
        }
        if (Boolean.TRUE.equals(inCluster) && context == null) {
            return LiveAzure.kubeAccess(signIn, wall, probe.probe, probe.timeout());
        }
        return KubeAccessProvider.none(context != null ? "--context " + context + " names a kubeconfig context, but"
                + " there is no kubeconfig (pass --kubeconfig FILE or set KUBECONFIG)" : KubeAccessProvider.NO_ACCESS);
    }

    /** report: only with --in-cluster, --kubeconfig or --context; --context only when one kubenet cluster is read. */
    InClusterSource forReport(Map<String, String> env, Main main, Fleet fleet, InputOptions input)
            throws CliException, KubeconfigException {
        if (!asked()) {
            return InClusterSource.NOT_REQUESTED;
        }
        long kubenet = fleet.clusters().stream().filter(c -> c.network().isKubenet()).count();
        if (context != null && kubenet > 1) {
            throw new CliException.BadInput("--context names one cluster's context, but the input"
                    + " has " + kubenet + " kubenet clusters; without --context each cluster is read through the"
                    + " context named like it");
        }
        List<Path> files = files(env);
        if (files.isEmpty() && throughArm(input)) {
            return LiveAzure.inClusterSource(input.azure, main.clock);
        }
        if (files.isEmpty()) {
            return cluster -> InClusterView.unavailable(NO_KUBECONFIG);
        }
        return source(files, main);
    }

    /** In-cluster checks were asked for: --in-cluster, or a kubeconfig or context named on the command line. */
    private boolean asked() {
        return Boolean.TRUE.equals(inCluster) || (inCluster == null && (kubeconfig != null || context != null));
    }

    /**
     * Access through ARM when it was asked for explicitly and Azure is read live: without --in-cluster a live plan
     * keeps its ARM-only verdict (a user without cluster access would otherwise always get INCOMPLETE); --context
     * names a kubeconfig context, so it never means ARM.
     */
    private boolean throughArm(InputOptions input) {
        return Boolean.TRUE.equals(inCluster) && context == null && input.readsLive();
    }

    private InClusterSource source(List<Path> files, Main main) throws KubeconfigException {
        return new KubeApiInClusterSource(Kubeconfig.read(files), context, main.clock);
    }

    /** --kubeconfig, else the KUBECONFIG list (missing entries skipped, as kubectl does). */
    private List<Path> files(Map<String, String> env) {
        if (kubeconfig != null) {
            return List.of(kubeconfig);
        }
        String list = env.get("KUBECONFIG");
        List<Path> files = new ArrayList<>();
        if (list != null) {
            for (String entry : list.split(File.pathSeparator)) {
                if (!entry.isBlank() && Files.isRegularFile(Path.of(entry))) {
                    files.add(Path.of(entry));
                }
            }
        }
        return files;
    }
}
