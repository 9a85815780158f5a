package org.kubenetmigrate.executor.commands;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.kubenetmigrate.executor.azure.ClusterOperationsProvider;
import org.kubenetmigrate.executor.engine.EngineListener;
import org.kubenetmigrate.executor.engine.EngineSettings;
import org.kubenetmigrate.executor.engine.FileRunLock;
import org.kubenetmigrate.executor.engine.GatePrompt;
import org.kubenetmigrate.executor.engine.JournalRecord;
import org.kubenetmigrate.executor.engine.KubeAccessProvider;
import org.kubenetmigrate.executor.engine.RunLock;
import org.kubenetmigrate.executor.engine.RunStore;
import org.kubenetmigrate.executor.engine.Sleeper;

/**
 * What the executor's commands run against: the state directory, the lock, Azure, time, the person at the terminal,
 * who listens to events, and the settings. The CLI builds one per command line.
 *
 * @param store the state directory
 * @param lock the cluster lock
 * @param azure how to reach Azure
 * @param clock the time
 * @param sleeper how to wait
 * @param prompt who is asked at gates
 * @param listeners who gets the events (renderers); the audit log is added per run
 * @param settings timeouts and retry budgets
 * @param journalObserver called after every journal record is on disk (tests simulate crashes with it)
 * @param kube Kubernetes access to the run's cluster, for the steps that read or change objects inside it
 */
public record ExecutorEnvironment(RunStore store, RunLock lock, ClusterOperationsProvider azure, Clock clock,
                                  Sleeper sleeper, GatePrompt prompt, List<EngineListener> listeners,
                                  EngineSettings settings, Consumer<JournalRecord> journalObserver,
                                  KubeAccessProvider kube) {

    public ExecutorEnvironment {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(lock, "lock");
        Objects.requireNonNull(azure, "azure");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(sleeper, "sleeper");
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(journalObserver, "journalObserver");
        Objects.requireNonNull(kube, "kube");
        listeners = List.copyOf(listeners);
    }

    /** An environment without Kubernetes access: steps that need it say which flags give it. */
    public ExecutorEnvironment(RunStore store, RunLock lock, ClusterOperationsProvider azure, Clock clock,
                               Sleeper sleeper, GatePrompt prompt, List<EngineListener> listeners,
                               EngineSettings settings, Consumer<JournalRecord> journalObserver) {
        this(store, lock, azure, clock, sleeper, prompt, listeners, settings, journalObserver,
                KubeAccessProvider.none(KubeAccessProvider.NO_ACCESS));
    }

    /** The usual environment: state in {@code stateRoot}, the file lock there, real time. */
    public static ExecutorEnvironment of(Path stateRoot, ClusterOperationsProvider azure, Clock clock,
                                         GatePrompt prompt, List<EngineListener> listeners, EngineSettings settings) {
        RunStore store = new RunStore(stateRoot);
        return new ExecutorEnvironment(store, new FileRunLock(store.locksDir()), azure, clock, Sleeper.SYSTEM, prompt,
                listeners, settings, record -> { });
    }

    public ExecutorEnvironment withListeners(List<EngineListener> more) {
        List<EngineListener> all = new ArrayList<>(listeners);
        all.addAll(more);
        return new ExecutorEnvironment(store, lock, azure, clock, sleeper, prompt, all, settings, journalObserver,
                kube);
    }

    public ExecutorEnvironment withSleeper(Sleeper other) {
        return new ExecutorEnvironment(store, lock, azure, clock, other, prompt, listeners, settings, journalObserver,
                kube);
    }

    public ExecutorEnvironment withPrompt(GatePrompt other) {
        return new ExecutorEnvironment(store, lock, azure, clock, sleeper, other, listeners, settings, journalObserver,
                kube);
    }

    public ExecutorEnvironment withSettings(EngineSettings other) {
        return new ExecutorEnvironment(store, lock, azure, clock, sleeper, prompt, listeners, other, journalObserver,
                kube);
    }

    public ExecutorEnvironment withKube(KubeAccessProvider other) {
        return new ExecutorEnvironment(store, lock, azure, clock, sleeper, prompt, listeners, settings, journalObserver,
                other);
    }

    public ExecutorEnvironment withJournalObserver(Consumer<JournalRecord> other) {
        return new ExecutorEnvironment(store, lock, azure, clock, sleeper, prompt, listeners, settings, other, kube);
    }
}
