package org.kubenetmigrate.executor.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.kubenetmigrate.executor.azure.AzureException;
import org.kubenetmigrate.executor.azure.ClusterOperations;
import org.kubenetmigrate.executor.azure.ClusterOperationsProvider.LiveAccessUnavailableException;
import org.kubenetmigrate.executor.azure.MergePatch;
import org.kubenetmigrate.executor.azure.ObservedCluster;
import org.kubenetmigrate.executor.azure.RawResource;
import org.kubenetmigrate.executor.engine.Freshness;
import org.kubenetmigrate.executor.engine.IfMatch;
import org.kubenetmigrate.executor.engine.LiveModel;
import org.kubenetmigrate.executor.engine.Redaction;
import org.kubenetmigrate.executor.engine.RunOutcome;
import org.kubenetmigrate.executor.engine.Sleeper;
import org.kubenetmigrate.executor.engine.StepStop;
import org.kubenetmigrate.executor.plan.ExecutablePlan;
import org.kubenetmigrate.executor.steps.LiveReadiness;
import org.kubenetmigrate.planner.input.InputException;
import org.kubenetmigrate.planner.model.ManagedCluster;
import org.kubenetmigrate.planner.plan.ArmRequest;
import org.kubenetmigrate.planner.plan.Step;

/**
 * {@code apply --dry-run}: re-checks the plan against live Azure (fingerprint, no operation running, readiness
 * rules) and lists every request the run would send — method, URL with api-version, If-Match, and the full body
 * after merging the plan's change into the live cluster. Only reads; writes nothing, takes no lock, creates no run.
 *
 * <p>Bodies of later updates assume the earlier ones took effect as planned; the run itself merges each change into
 * a fresh read, so the fields Azure sets on its own may differ.
 */
public final class DryRun {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final ExecutorEnvironment env;

    public DryRun(ExecutorEnvironment env) {
        this.env = env;
    }

    public DryRunReport run(Path planFile) throws InputException, LiveAccessUnavailableException, IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(planFile);
        } catch (NoSuchFileException e) {
            throw new InputException(planFile.toString(), "", "no such file");
        }
        ExecutablePlan plan = Sessions.planReader().read(planFile.toString(), bytes);
        ClusterOperations azure = Sessions.open(env.azure(), plan.clusterId());
        List<String> problems = new ArrayList<>();
        String readiness = null;
        RunOutcome outcome = RunOutcome.DRY_RUN;
        ObservedCluster live;
        try {
            live = readCluster(azure, plan);
            if (!live.idle()) {
                problems.add("cluster is " + live.provisioningState() + ": another operation is running on it");
                outcome = RunOutcome.STEP_FAILED;
            }
            try {
                Freshness.checkAgainstPlan(plan, live);
            } catch (StepStop stale) {
                problems.add(stale.problem());
                outcome = RunOutcome.STALE_PLAN;
            }
            ManagedCluster cluster = LiveModel.cluster(live);
            LiveReadiness check = LiveReadiness.of(plan, cluster,
                    LiveModel.network((path, version) -> read(azure, path, version), cluster).fleet(),
                    LocalDate.now(env.clock()));
            readiness = check.assessment().readiness().name();
            if (check.blocked()) {
                problems.addAll(check.blockers());
                if (outcome == RunOutcome.DRY_RUN) {
                    outcome = RunOutcome.STEP_FAILED;
                }
            }
        } catch (StepStop stop) {
            return new DryRunReport(plan.planId(), plan.file(), plan.clusterId(), plan.clusterName(), stop.outcome(),
                    List.of(stop.problem()), null, List.of());
        }
        return new DryRunReport(plan.planId(), plan.file(), plan.clusterId(), plan.clusterName(), outcome, problems,
                readiness, requests(plan, live));
    }

    private static List<DryRunReport.Entry> requests(ExecutablePlan plan, ObservedCluster live) {
        List<DryRunReport.Entry> entries = new ArrayList<>();
        JsonNode current = live.json();
        boolean firstChange = true;
        for (Step step : plan.steps()) {
            String gate = step.pointOfNoReturn() ? "point-of-no-return" : step.requiresApproval() ? "approval" : null;
            ArmRequest request = step.request();
            if (request == null && step.changesCluster()) {
                // Not an ARM request, so not in the count; named so that "reads only" is never said of it.
                entries.add(new DryRunReport.Entry(step.id(), step.title(), "kubernetes", gate, null, null, null, null,
                        step.description()));
                continue;
            }
            if (request == null || !request.mutating()) {
                entries.add(new DryRunReport.Entry(step.id(), step.title(), "read", gate, request == null ? null
                        : request.method(), request == null ? null : request.target(), null, null, "reads only"));
                continue;
            }
            JsonNode patch = MAPPER.valueToTree(request.body());
            if (MergePatch.isInEffect(current, patch)) {
                entries.add(new DryRunReport.Entry(step.id(), step.title(), "skip", gate, null, null, null, null,
                        "already in effect on the live cluster; nothing would be sent"));
                continue;
            }
            String header = request.headers().get("If-Match");
            String ifMatch = header == null ? null : firstChange || !ArmRequest.ETAG_OF_READ.equals(header)
                    ? IfMatch.value(header, live.etag()) : "(the ETag of the executor's read just before sending)";
            JsonNode body = MergePatch.apply(current, patch);
            entries.add(new DryRunReport.Entry(step.id(), step.title(), "send", gate, request.method(), request.target(),
                    ifMatch, Redaction.redact(body), firstChange ? "merged into the live cluster"
                    : "merged into the live cluster with the earlier changes applied as planned"));
            current = body;
            firstChange = false;
        }
        return entries;
    }

    private ObservedCluster readCluster(ClusterOperations azure, ExecutablePlan plan) throws StepStop {
        return retrying("the cluster", () -> azure.getCluster(plan.clusterId()));
    }

    private Optional<RawResource> read(ClusterOperations azure, String path, String version) throws StepStop {
        return retrying(path, () -> azure.get(path, version));
    }

    private interface Read<T> {
        T get() throws AzureException;
    }

    /** Reads only: retried on throttling, 5xx and dropped connections, like the engine's reads. */
    private <T> T retrying(String what, Read<T> read) throws StepStop {
        Sleeper sleeper = env.sleeper();
        for (int attempt = 1; ; attempt++) {
            try {
                return read.get();
            } catch (AzureException e) {
                boolean transientFailure = e.kind() == AzureException.Kind.THROTTLED
                        || e.kind() == AzureException.Kind.SERVER_ERROR || e.kind() == AzureException.Kind.TRANSPORT;
                if (!transientFailure || attempt >= env.settings().maxReadAttempts()) {
                    throw StepStop.azure("cannot read " + what + ": " + e.getMessage(), e.code());
                }
                try {
                    sleeper.sleep(e.retryAfter().orElse(env.settings().pollInterval()));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw StepStop.failed("interrupted");
                }
            }
        }
    }
}
