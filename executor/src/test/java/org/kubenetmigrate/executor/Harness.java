package org.kubenetmigrate.executor;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.kubenetmigrate.executor.commands.Apply;
import org.kubenetmigrate.executor.commands.DryRun;
import org.kubenetmigrate.executor.commands.DryRunReport;
import org.kubenetmigrate.executor.commands.ExecutorEnvironment;
import org.kubenetmigrate.executor.commands.Resume;
import org.kubenetmigrate.executor.commands.Rollback;
import org.kubenetmigrate.executor.commands.Status;
import org.kubenetmigrate.executor.commands.StatusReport;
import org.kubenetmigrate.executor.engine.Approvals;
import org.kubenetmigrate.executor.engine.EngineSettings;
import org.kubenetmigrate.executor.engine.FileRunLock;
import org.kubenetmigrate.executor.engine.GatePrompt;
import org.kubenetmigrate.executor.engine.JournalRecord;
import org.kubenetmigrate.executor.engine.KubeAccessProvider;
import org.kubenetmigrate.executor.engine.RunResult;
import org.kubenetmigrate.executor.engine.RunStore;
import org.kubenetmigrate.executor.testing.FakeTime;
import org.kubenetmigrate.executor.testing.InMemoryClusterOperations;
import org.kubenetmigrate.executor.testing.RecordingListener;

/**
 * The executor's commands wired to in-memory Azure, virtual time and a temporary state directory. Without Kubernetes
 * access (the default) precheck would stop; unless a test asks for {@link #requireInClusterChecks()} the harness
 * runs as with {@code --skip-in-cluster-checks}.
 */
public final class Harness {
    public final Path state;
    public final FakeTime time = FakeTime.at("2026-12-01T12:00:00Z");
    public final InMemoryClusterOperations azure;
    public final RecordingListener events = new RecordingListener();
    private GatePrompt prompt = GatePrompt.NONE;
    private EngineSettings settings = EngineSettings.DEFAULTS;
    private Consumer<JournalRecord> journalObserver = r -> { };
    private KubeAccessProvider kube = KubeAccessProvider.none(KubeAccessProvider.NO_ACCESS);
    private boolean skipInClusterChecks = true;

    public Harness(Path state, InMemoryClusterOperations azure) {
        this.state = state;
        this.azure = azure;
    }

    public Harness prompt(GatePrompt prompt) {
        this.prompt = prompt;
        return this;
    }

    public Harness settings(EngineSettings settings) {
        this.settings = settings;
        return this;
    }

    public Harness journalObserver(Consumer<JournalRecord> observer) {
        this.journalObserver = observer;
        return this;
    }

    /** Runs as without {@code --skip-in-cluster-checks}: precheck stops when it cannot read inside the cluster. */
    public Harness requireInClusterChecks() {
        this.skipInClusterChecks = false;
        return this;
    }

    public Harness kube(KubeAccessProvider kube) {
        this.kube = kube;
        return this;
    }

    public ExecutorEnvironment env() {
        RunStore store = new RunStore(state);
        return new ExecutorEnvironment(store, new FileRunLock(store.locksDir()), clusterId -> azure, time, time, prompt,
                List.of(events), settings.withSkipInClusterChecks(skipInClusterChecks || settings.skipInClusterChecks()),
                journalObserver, kube);
    }

    public RunResult apply(Path plan, Approvals approvals) throws Exception {
        return new Apply(env()).run(plan, approvals);
    }

    public RunResult resume(String runId, Approvals approvals) throws Exception {
        return new Resume(env()).run(runId, approvals);
    }

    public RunResult rollback(String runId) throws Exception {
        return new Rollback(env()).run(runId);
    }

    public StatusReport status(String runId) throws Exception {
        return new Status(env()).run(runId);
    }

    public DryRunReport dryRun(Path plan) throws Exception {
        return new DryRun(env()).run(plan);
    }

    public Path runDir(String runId) {
        return state.resolve("runs").resolve(runId);
    }
}
