package org.kubenetmigrate.executor.rollout;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import org.kubenetmigrate.executor.azure.AzureException;
import org.kubenetmigrate.executor.azure.ClusterOperationsProvider;
import org.kubenetmigrate.executor.azure.RawResource;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.kubenetmigrate.executor.commands.ExecutorEnvironment;
import org.kubenetmigrate.executor.commands.UsageException;
import org.kubenetmigrate.executor.engine.Approvals;
import org.kubenetmigrate.executor.state.StateStore;

/**
 * {@code rollout work NAME}: claims the next member it may start, runs it to its end (or its gate), records the
 * outcome on the board, and claims again — until nothing is left to do now, or, with {@code --wait}, until the
 * rollout ended. Any number of workers may run at once, on any machines that share the state.
 *
 * <p>A new member is claimed on the board first (compare-and-swap, so concurrency limits hold whatever the other
 * workers do), then its lease is taken. A member shown Running whose lease anyone can take again had a worker that
 * died: it is taken over and resumed from its journal.
 */
public final class Worker {
    /**
     * @param id the name this worker is shown under in {@code rollout status}
     * @param maxMembers stop after this many members (0: no limit)
     * @param autoApprove pass the members' own gates (never a strategy gate)
     * @param waitUntilEnd keep polling until the rollout ended, instead of exiting when nothing can start now
     * @param leaseDuration the member lease (15 to 60 seconds on Blob Storage)
     * @param pollInterval how often a waiting worker looks at the board again
     */
    public record Settings(String id, int maxMembers, boolean autoApprove, boolean waitUntilEnd, Duration leaseDuration,
                           Duration pollInterval) {
    }

    /** What the worker did, and where the rollout stands. */
    public record Result(int membersRun, Schedule.RolloutStatus status) {
    }

    private final RolloutFiles files;
    private final ExecutorEnvironment base;
    private final Settings settings;
    private final Consumer<String> progress;
    private final MemberRunner runner;

    public Worker(RolloutFiles files, ExecutorEnvironment base, Settings settings, Consumer<String> progress) {
        this.files = files;
        this.base = base;
        this.settings = settings;
        this.progress = progress;
        this.runner = new MemberRunner(files, base);
    }

    private record Claim(RolloutDefinition.Member member, StateStore.Lease lease, boolean takeover, Board board) {
    }

    public Result run() throws IOException, UsageException, InterruptedException {
        RolloutDefinition definition = files.readDefinition().orElseThrow(() -> new UsageException("no rollout "
                + files.name() + " in " + files.store().describe()));
        int runs = 0;
        while (settings.maxMembers() <= 0 || runs < settings.maxMembers()) {
            Optional<Claim> claim = claimNext(definition);
            if (claim.isEmpty()) {
                claim = takeOver(definition);
            }
            if (claim.isPresent()) {
                runClaim(definition, claim.get());
                runs++;
                continue;
            }
            Schedule schedule = schedule(definition);
            if (schedule.ended() || !settings.waitUntilEnd()) {
                break;
            }
            base.sleeper().sleep(settings.pollInterval());
        }
        return new Result(runs, schedule(definition).status());
    }

    private Schedule schedule(RolloutDefinition definition) throws IOException {
        return new Schedule(definition, files.readBoard().orElseThrow(() -> new IOException("rollout " + files.name()
                + " has no board")).board(), base.clock().instant());
    }

    /** How long a member is held when its windows cannot be read or never open, before a worker looks again. */
    private static final Duration HOLD_WITHOUT_OPENING = Duration.ofMinutes(15);

    /** How long a member whose cluster another run holds is left before a worker looks again. */
    private static final Duration HOLD_WHILE_LOCKED = Duration.ofMinutes(2);

    private boolean notStartedYet(RolloutDefinition.Member member) throws IOException {
        return files.store().read(files.journal(member.key())).map(v -> v.content().length == 0).orElse(true);
    }

    /** The cluster's planned-maintenance windows; unreadable ones hold the member (the conservative side). */
    private MaintenanceWindows.Verdict maintenance(RolloutDefinition.Member member) {
        try {
            Optional<RawResource> list = base.azure().open(member.clusterId())
                    .get(member.clusterId() + "/maintenanceConfigurations", MaintenanceWindows.API_VERSION);
            return MaintenanceWindows.evaluate(list.map(RawResource::json).orElse(null), base.clock().instant());
        } catch (AzureException e) {
            if (e.kind() == AzureException.Kind.NOT_FOUND) {
                return MaintenanceWindows.evaluate(null, base.clock().instant());
            }
            return new MaintenanceWindows.Verdict(false, null, "cannot read the cluster's maintenance windows ("
                    + e.getMessage() + "); a worker looks again later, or approve the member to start it anyway");
        } catch (ClusterOperationsProvider.LiveAccessUnavailableException e) {
            return new MaintenanceWindows.Verdict(false, null, e.getMessage());
        }
    }

    private Optional<Claim> claimNext(RolloutDefinition definition) throws IOException {
        AtomicReference<RolloutDefinition.Member> chosen = new AtomicReference<>();
        Optional<Board> written = files.update(board -> {
            chosen.set(null);
            Optional<RolloutDefinition.Member> next = new Schedule(definition, board, base.clock().instant()).next();
            if (next.isEmpty()) {
                return null;
            }
            chosen.set(next.get());
            Board.MemberState state = board.member(next.get().key());
            return board.withMember(next.get().key(), state.claimed(settings.id(), base.clock().instant(),
                    "claimed by " + settings.id(), state.attempts() + 1));
        });
        if (written.isEmpty()) {
            return Optional.empty();
        }
        RolloutDefinition.Member member = chosen.get();
        Optional<StateStore.Lease> lease = files.store().acquireLease(files.journal(member.key()),
                settings.leaseDuration());
        if (lease.isEmpty()) {
            // Someone took it over between our claim and now; it is theirs.
            progress.accept("member " + member.clusterName() + ": its lease is held by another worker; leaving it");
            return Optional.empty();
        }
        return Optional.of(new Claim(member, lease.get(), false, written.get()));
    }

    private Optional<Claim> takeOver(RolloutDefinition definition) throws IOException {
        for (RolloutDefinition.Member member : schedule(definition).running()) {
            Optional<StateStore.Lease> lease = files.store().acquireLease(files.journal(member.key()),
                    settings.leaseDuration());
            if (lease.isEmpty()) {
                continue;
            }
            // Holding the lease, the board is authoritative: the previous worker writes its outcome before it lets go.
            AtomicReference<String> previous = new AtomicReference<>();
            Optional<Board> written = files.update(board -> {
                Board.MemberState state = board.member(member.key());
                if (state.status() != Board.Status.RUNNING) {
                    return null;
                }
                previous.set(state.worker());
                return board.withMember(member.key(), state.claimed(settings.id(), base.clock().instant(),
                        "taken over from " + state.worker() + " (its lease expired)", state.attempts()));
            });
            if (written.isEmpty()) {
                lease.get().release();
                continue;
            }
            progress.accept("member " + member.clusterName() + ": worker " + previous.get() + " stopped renewing its"
                    + " lease; taking over from the journal");
            return Optional.of(new Claim(member, lease.get(), true, written.get()));
        }
        return Optional.empty();
    }

    private void runClaim(RolloutDefinition definition, Claim claim) throws IOException {
        RolloutDefinition.Member member = claim.member();
        Schedule schedule = new Schedule(definition, claim.board(), base.clock().instant());
        if (!claim.takeover() && !schedule.explicitlyApproved(member) && notStartedYet(member)) {
            MaintenanceWindows.Verdict window = maintenance(member);
            if (!window.open()) {
                Instant until = window.nextOpening() != null ? window.nextOpening()
                        : base.clock().instant().plus(HOLD_WITHOUT_OPENING);
                files.update(board -> board.withMember(member.key(), board.member(member.key())
                        .heldUntil(until, window.reason())));
                claim.lease().release();
                progress.accept("member " + member.clusterName() + ": Pending (" + window.reason() + ")");
                return;
            }
        }
        Optional<StateStore.Lease> clusterLock = new ClusterLocks(files.store()).acquire(member.clusterId(),
                new ClusterLocks.Holder(settings.id(), "rollout " + definition.name() + " member " + member.clusterName()
                        + " (run " + member.runId() + ")", base.clock().instant()), settings.leaseDuration());
        if (clusterLock.isEmpty()) {
            String why = new ClusterLocks(files.store()).heldBy(member.clusterId());
            if (!claim.takeover()) {
                Instant until = base.clock().instant().plus(HOLD_WHILE_LOCKED);
                // A member whose run has begun stays in flight (Pending); one that has not is simply not started yet.
                boolean begun = !notStartedYet(member);
                files.update(board -> board.withMember(member.key(), begun
                        ? board.member(member.key()).pendingUntil(until, settings.id(), base.clock().instant(), why)
                        : board.member(member.key()).heldUntil(until, why)));
            }
            claim.lease().release();
            progress.accept("member " + member.clusterName() + ": Pending (" + why + ")");
            return;
        }
        Approvals approved = settings.autoApprove() || schedule.memberApproved(member) ? Approvals.all()
                : Approvals.NONE;
        // The window is asked again before every gate of the run (the point of no return among them): a window that
        // closed holds the member there, at a boundary where nothing of the next step has started.
        AtomicReference<MaintenanceWindows.Verdict> closed = new AtomicReference<>();
        Approvals approvals = schedule.explicitlyApproved(member) ? approved : approved.heldBy(step -> {
            MaintenanceWindows.Verdict window = maintenance(member);
            if (window.open()) {
                return Optional.empty();
            }
            closed.set(window);
            return Optional.of(window.reason());
        });
        if (!claim.takeover()) {
            progress.accept("member " + member.clusterName() + " (stage " + member.stage() + ", group " + member.group()
                    + "): starting run " + member.runId());
        }
        StateStore.Lease held = ClusterLocks.joint(claim.lease(), clusterLock.get());
        try (LeaseKeeper keeper = new LeaseKeeper(held, base.clock(), Thread.currentThread())) {
            MemberRunner.Outcome outcome;
            try {
                outcome = runner.run(member, keeper, approvals, claim.takeover(),
                        claim.board().member(member.key()).retryFrom());
                keeper.confirm();
            } catch (ClaimLostException e) {
                Thread.interrupted();
                progress.accept("member " + member.clusterName() + ": " + e.getMessage() + "; left to the worker that"
                        + " holds its lease");
                return;
            } catch (IOException e) {
                Thread.interrupted();
                progress.accept("member " + member.clusterName() + ": " + e.getMessage() + "; releasing it so that a"
                        + " worker resumes it");
                return;
            }
            Thread.interrupted();
            if (outcome.status() == Board.Status.PENDING && closed.get() != null) {
                MaintenanceWindows.Verdict window = closed.get();
                Instant until = window.nextOpening() != null ? window.nextOpening()
                        : base.clock().instant().plus(HOLD_WITHOUT_OPENING);
                String message = "held at a safe boundary: " + window.reason() + "; a worker continues it then (or"
                        + " 'rollout approve " + definition.name() + " --member " + member.clusterName() + "' now)";
                files.update(board -> board.withMember(member.key(), board.member(member.key()).pendingUntil(until,
                        settings.id(), base.clock().instant(), message)));
                progress.accept("member " + member.clusterName() + ": Pending (" + message + ")");
                return;
            }
            String message = outcome.status() == Board.Status.PENDING ? outcome.message() + "; approve with"
                    + " 'rollout approve " + definition.name() + " --member " + member.clusterName() + "'"
                    : outcome.message();
            files.update(board -> board.withMember(member.key(), board.member(member.key()).with(outcome.status(),
                    settings.id(), base.clock().instant(), message)));
            progress.accept("member " + member.clusterName() + ": " + outcome.status().label() + " (" + message + ")");
        }
    }
}
