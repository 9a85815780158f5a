package org.kubenetmigrate.executor.rollout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.kubenetmigrate.executor.commands.ExecutorEnvironment;
import org.kubenetmigrate.executor.commands.Status;
import org.kubenetmigrate.executor.commands.StatusReport;
import org.kubenetmigrate.executor.commands.UsageException;
import org.kubenetmigrate.executor.engine.Approvals;
import org.kubenetmigrate.executor.engine.EngineSettings;
import org.kubenetmigrate.executor.engine.FileRunLock;
import org.kubenetmigrate.executor.engine.Journal;
import org.kubenetmigrate.executor.engine.JournalException;
import org.kubenetmigrate.executor.engine.RunStore;
import org.kubenetmigrate.executor.state.StateStore;
import org.kubenetmigrate.planner.input.InputException;

/**
 * A rollout member's run by hand, found by its run id in a shared state: {@code status RUN_ID --state URL} reads its
 * journal, {@code resume RUN_ID --state URL} takes the member's lease (refusing while a worker holds it) and
 * resumes it exactly as a worker would, recording the outcome on the board.
 */
public final class MemberRuns {
    private final StateStore store;

    public MemberRuns(StateStore store) {
        this.store = store;
    }

    /** The rollout and member a run id belongs to. */
    public record Located(RolloutFiles files, RolloutDefinition definition, RolloutDefinition.Member member) {
    }

    public Located locate(String runId) throws IOException, UsageException {
        for (String name : store.list("rollouts/")) {
            if (!name.endsWith("/rollout.json") || name.split("/").length != 3) {
                continue;
            }
            RolloutFiles files = new RolloutFiles(store, name.split("/")[1]);
            Optional<RolloutDefinition> definition = files.readDefinition();
            if (definition.isPresent()) {
                for (RolloutDefinition.Member m : definition.get().members()) {
                    if (m.runId().equals(runId)) {
                        return new Located(files, definition.get(), m);
                    }
                }
            }
        }
        throw new UsageException("no run " + runId + " in " + store.describe() + " (runs in a shared state are"
                + " rollout members; see 'rollout status NAME')");
    }

    /** The run's status, as {@code status RUN_ID} shows a local run. */
    public StatusReport status(String runId) throws IOException, UsageException, JournalException, InputException {
        Located at = locate(runId);
        Path work = Files.createTempDirectory("kubenet-migrate-status-");
        try {
            RunStore local = new RunStore(work);
            Path dir = Files.createDirectories(local.runsDir().resolve(runId));
            Files.write(dir.resolve("plan.json"), store.read(at.files().plan(at.member().key())).orElseThrow(() ->
                    new UsageException("member " + at.member().clusterName() + " has no plan (it was skipped)"))
                    .content());
            Files.write(dir.resolve(Journal.FILE_NAME), store.read(at.files().journal(at.member().key()))
                    .map(StateStore.Versioned::content).orElse(new byte[0]));
            ExecutorEnvironment env = new ExecutorEnvironment(local, new FileRunLock(local.locksDir()), clusterId -> {
                throw new IllegalStateException("status reads only");
            }, java.time.Clock.systemUTC(), d -> { }, org.kubenetmigrate.executor.engine.GatePrompt.NONE,
                    java.util.List.of(), EngineSettings.DEFAULTS, r -> { });
            return new Status(env).run(runId);
        } finally {
            try (var walk = Files.walk(work)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** How a run resumed by hand ended, as recorded on the board. */
    public record Ended(Board.Status status, String message) {
    }

    /** Resumes the member's run by hand under its lease, and records the outcome on the board. */
    public Ended resume(String runId, ExecutorEnvironment base, Approvals approvals, String who,
                                       java.time.Duration leaseDuration) throws IOException, UsageException {
        Located at = locate(runId);
        RolloutDefinition.Member member = at.member();
        if (member.planId() == null) {
            throw new UsageException("member " + member.clusterName() + " was skipped when the rollout was created; it"
                    + " has no plan");
        }
        StateStore.Lease lease = store.acquireLease(at.files().journal(member.key()), leaseDuration).orElseThrow(() ->
                new UsageException("member " + member.clusterName() + " is being run by a worker right now (its lease"
                        + " is held); see 'rollout status " + at.files().name() + "'"));
        try (LeaseKeeper keeper = new LeaseKeeper(lease, base.clock(), Thread.currentThread())) {
            at.files().update(board -> board.withMember(member.key(), board.member(member.key()).with(
                    Board.Status.RUNNING, who, base.clock().instant(), "resumed by hand by " + who)));
            MemberRunner.Outcome outcome = new MemberRunner(at.files(), base).run(member, keeper, approvals, false,
                    null);
            keeper.confirm();
            Thread.interrupted();
            at.files().update(board -> board.withMember(member.key(), board.member(member.key()).with(outcome.status(),
                    who, base.clock().instant(), outcome.message())));
            return new Ended(outcome.status(), outcome.message());
        }
    }
}
