package org.kubenetmigrate.executor.rollout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
        List<Located> found = members(m -> m.runId().equals(runId));
        if (!found.isEmpty()) {
            return found.get(0);
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

    /**
     * How a run by hand ended, as recorded on the board.
     *
     * @param status the member's status now
     * @param run the engine's outcome (null when the engine did not run)
     */
    public record Ended(Board.Status status, String message, org.kubenetmigrate.executor.engine.RunOutcome run) {
    }

    /** Resumes the member's run by hand under its lease and its cluster's lock, and records the outcome on the board. */
    public Ended resume(String runId, ExecutorEnvironment base, Approvals approvals, String who,
                        java.time.Duration leaseDuration) throws IOException, UsageException, HeldException {
        Located at = locate(runId);
        return byHand(at, base, who, leaseDuration, "resumed by hand by " + who,
                (runner, keeper) -> runner.run(at.member(), keeper, approvals, false, null));
    }

    /**
     * Starts a member's run by hand: {@code apply PLAN --state URL} where PLAN is byte for byte the member's frozen
     * plan. Refused when the member has started (resume it), ended, or its stage is not open yet: a rollout's stage
     * order holds for hand runs too.
     */
    public Ended apply(Path planFile, ExecutorEnvironment base, Approvals approvals, String who,
                       java.time.Duration leaseDuration)
            throws IOException, UsageException, InputException, HeldException {
        String clusterId = new org.kubenetmigrate.executor.plan.PlanReader().read(planFile).clusterId();
        byte[] bytes = Files.readAllBytes(planFile);
        Located at = locateCluster(clusterId, planFile);
        RolloutDefinition.Member member = at.member();
        byte[] frozen = store.read(at.files().plan(member.key())).map(StateStore.Versioned::content).orElse(null);
        if (frozen == null || !java.util.Arrays.equals(frozen, bytes)) {
            throw new UsageException(planFile + ": not the frozen plan of member " + member.clusterName() + " of rollout "
                    + at.files().name() + "; a member runs only the plan frozen when the rollout was created");
        }
        if (store.read(at.files().journal(member.key())).map(v -> v.content().length > 0).orElse(false)) {
            throw new UsageException("member " + member.clusterName() + "'s run " + member.runId() + " has started;"
                    + " continue it with: resume " + member.runId() + " --state " + store.describe());
        }
        RolloutFiles.VersionedBoard board = at.files().readBoard().orElseThrow(() -> new IOException("rollout "
                + at.files().name() + " has no board"));
        Board.MemberState state = board.board().member(member.key());
        if (state.status() != Board.Status.NOT_STARTED) {
            throw new UsageException("member " + member.clusterName() + " is " + state.status().label()
                    + "; only a member that has not started is applied by hand");
        }
        Schedule schedule = new Schedule(at.definition(), board.board(), base.clock().instant());
        List<Strategy.Stage> stages = at.definition().strategy().stages();
        for (int i = 0; i < stages.size(); i++) {
            if (stages.get(i).name().equals(member.stage())) {
                Optional<String> blocked = schedule.blocked(i);
                if (blocked.isPresent()) {
                    throw new UsageException("member " + member.clusterName() + "'s stage " + member.stage()
                            + " is not open (" + blocked.get() + "); rollout " + at.files().name() + " runs its"
                            + " stages in order, by hand too");
                }
            }
        }
        return byHand(at, base, who, leaseDuration, "applied by hand by " + who,
                (runner, keeper) -> runner.run(member, keeper, approvals, false, null));
    }

    /** Rolls a member's run back by hand (only before its point of no return, as for a local run). */
    public Ended rollback(String runId, ExecutorEnvironment base, String who, java.time.Duration leaseDuration)
            throws IOException, UsageException, HeldException {
        Located at = locate(runId);
        return byHand(at, base, who, leaseDuration, "rolled back by hand by " + who,
                (runner, keeper) -> runner.rollback(at.member(), keeper));
    }

    /**
     * {@code unlock RUN_ID --force --state URL}: ends the member's lease and its cluster's lock at once. A holder
     * that is alive finds out at its next renewal and stops before its next request; one that died would have lost
     * them within a lease's duration anyway.
     *
     * @return what was broken, for the message
     */
    public String unlock(String runId, boolean force) throws IOException, UsageException {
        Located at = locate(runId);
        if (!force) {
            throw new UsageException("unlock needs --force: it ends the lease of whoever runs member "
                    + at.member().clusterName() + " (leases of a dead worker expire by themselves within their"
                    + " duration, at most 60 s)");
        }
        boolean member = store.breakLease(at.files().journal(at.member().key()));
        boolean cluster = new ClusterLocks(store).breakLock(at.member().clusterId());
        if (!member && !cluster) {
            return "nothing to unlock: no one holds member " + at.member().clusterName() + " or its cluster";
        }
        return "broke " + (member ? "the lease of member " + at.member().clusterName() : "")
                + (member && cluster ? " and " : "") + (cluster ? "the lock of cluster " + at.member().clusterId() : "");
    }

    private interface HandRun {
        MemberRunner.Outcome run(MemberRunner runner, LeaseKeeper keeper) throws IOException;
    }

    private Ended byHand(Located at, ExecutorEnvironment base, String who, java.time.Duration leaseDuration,
                         String what, HandRun work) throws IOException, UsageException, HeldException {
        RolloutDefinition.Member member = at.member();
        if (member.planId() == null) {
            throw new UsageException("member " + member.clusterName() + " was skipped when the rollout was created; it"
                    + " has no plan");
        }
        StateStore.Lease lease = store.acquireLease(at.files().journal(member.key()), leaseDuration).orElseThrow(() ->
                new HeldException("member " + member.clusterName() + " is being run by a worker right now (its lease"
                        + " is held); see 'rollout status " + at.files().name() + "'"));
        ClusterLocks locks = new ClusterLocks(store);
        Optional<StateStore.Lease> clusterLock;
        try {
            clusterLock = locks.acquire(member.clusterId(), new ClusterLocks.Holder(who, what + " (rollout "
                    + at.files().name() + ", run " + member.runId() + ")", base.clock().instant()), leaseDuration);
        } catch (IOException | RuntimeException e) {
            lease.release();
            throw e;
        }
        if (clusterLock.isEmpty()) {
            lease.release();
            throw new HeldException(locks.heldBy(member.clusterId()));
        }
        Board.MemberState before = at.files().readBoard().orElseThrow().board().member(member.key());
        try (LeaseKeeper keeper = new LeaseKeeper(ClusterLocks.joint(lease, clusterLock.get()), base.clock(),
                Thread.currentThread())) {
            at.files().update(board -> board.withMember(member.key(), board.member(member.key()).with(
                    Board.Status.RUNNING, who, base.clock().instant(), what)));
            MemberRunner.Outcome outcome = work.run(new MemberRunner(at.files(), base), keeper);
            keeper.confirm();
            Thread.interrupted();
            Board.Status status = outcome.status() != null ? outcome.status() : before.status();
            String message = outcome.status() != null ? outcome.message() : before.message();
            at.files().update(board -> board.withMember(member.key(), board.member(member.key()).with(status,
                    who, base.clock().instant(), message)));
            return new Ended(status, outcome.message(), outcome.run());
        }
    }

    /** The member whose cluster a plan is for, in the one rollout of this state that has it. */
    private Located locateCluster(String clusterId, Path planFile) throws IOException, UsageException {
        List<Located> found = members(m -> m.clusterId().equalsIgnoreCase(clusterId) && m.planId() != null);
        if (found.isEmpty()) {
            throw new UsageException(planFile + ": cluster " + clusterId + " is not a member of a rollout in "
                    + store.describe() + "; a shared state holds rollout members only (apply with a local --state)");
        }
        if (found.size() > 1) {
            throw new UsageException(planFile + ": cluster " + clusterId + " is a member of "
                    + found.stream().map(l -> "rollout " + l.files().name()).toList() + "; resume the member's run"
                    + " by its run id instead");
        }
        return found.get(0);
    }

    /** Every member, in every rollout of this state, that {@code which} accepts. */
    private List<Located> members(java.util.function.Predicate<RolloutDefinition.Member> which) throws IOException {
        List<Located> found = new java.util.ArrayList<>();
        for (String name : store.list("rollouts/")) {
            if (!name.endsWith("/rollout.json") || name.split("/").length != 3) {
                continue;
            }
            RolloutFiles files = new RolloutFiles(store, name.split("/")[1]);
            Optional<RolloutDefinition> definition = files.readDefinition();
            if (definition.isPresent()) {
                for (RolloutDefinition.Member m : definition.get().members()) {
                    if (which.test(m)) {
                        found.add(new Located(files, definition.get(), m));
                    }
                }
            }
        }
        return found;
    }
}
