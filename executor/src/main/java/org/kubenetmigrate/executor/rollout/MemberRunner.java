package org.kubenetmigrate.executor.rollout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.kubenetmigrate.executor.azure.ClusterOperationsProvider;
import org.kubenetmigrate.executor.azure.ClusterOperationsProvider.LiveAccessUnavailableException;
import org.kubenetmigrate.executor.commands.Apply;
import org.kubenetmigrate.executor.commands.ExecutorEnvironment;
import org.kubenetmigrate.executor.commands.Resume;
import org.kubenetmigrate.executor.commands.Rollback;
import org.kubenetmigrate.executor.commands.UsageException;
import org.kubenetmigrate.executor.engine.Approvals;
import org.kubenetmigrate.executor.engine.FileRunLock;
import org.kubenetmigrate.executor.engine.GatePrompt;
import org.kubenetmigrate.executor.engine.Journal;
import org.kubenetmigrate.executor.engine.JournalException;
import org.kubenetmigrate.executor.engine.RunOutcome;
import org.kubenetmigrate.executor.engine.RunResult;
import org.kubenetmigrate.executor.engine.RunState;
import org.kubenetmigrate.executor.engine.RunStore;
import org.kubenetmigrate.executor.state.StateStore;
import org.kubenetmigrate.planner.input.InputException;

/**
 * Runs one claimed member with the single-cluster engine: materialises the member's run (frozen plan, journal and
 * backups from the shared state) in a private working directory, starts it ({@code apply}, under the member's run
 * id) or continues it ({@code resume}: steps done are skipped, an operation in flight is followed, never re-sent),
 * with every record mirrored into the shared state before the next action ({@link MemberMirror}) and every
 * mutating request sent only under a freshly confirmed lease ({@link LeaseGuardedOperations}).
 */
final class MemberRunner {
    /**
     * How the member's run ended, for the board.
     *
     * @param status the member's status now; null when it does not change (a rollback that was refused)
     * @param run the engine's outcome, when the engine ran
     */
    record Outcome(Board.Status status, String message, RunOutcome run) {
        Outcome(Board.Status status, String message) {
            this(status, message, null);
        }
    }

    private final RolloutFiles files;
    private final ExecutorEnvironment base;

    MemberRunner(RolloutFiles files, ExecutorEnvironment base) {
        this.files = files;
        this.base = base;
    }

    /**
     * @param takeover true when this worker took the member over from one that died: a run that had stopped (at a
     *                 gate, or failed) is then reported as it stands, never continued, since nobody asked for that —
     *                 unless a person did: see {@code retryFrom}
     * @param retryFrom the journal's length when {@code rollout retry} asked for the stopped run to continue, or
     *                  null: a taken-over member whose journal is still that long is a retry whose worker died before
     *                  its first record, so the retry begins now
     */
    Outcome run(RolloutDefinition.Member member, LeaseKeeper lease, Approvals approvals, boolean takeover,
                Long retryFrom)
            throws IOException {
        return execute(member, lease, approvals, takeover, retryFrom, false);
    }

    /** Rolls the member's run back (by hand, under its lease), as {@code rollback RUN_ID} does a local run. */
    Outcome rollback(RolloutDefinition.Member member, LeaseKeeper lease) throws IOException {
        return execute(member, lease, Approvals.NONE, false, null, true);
    }

    private Outcome execute(RolloutDefinition.Member member, LeaseKeeper lease, Approvals approvals, boolean takeover,
                            Long retryFrom, boolean rollback) throws IOException {
        StateStore store = files.store();
        Path work = Files.createTempDirectory("kubenet-migrate-" + member.key() + "-");
        try {
            byte[] plan = store.read(files.plan(member.key())).orElseThrow(() -> new IOException("the frozen plan "
                    + files.plan(member.key()) + " is missing from " + store.describe())).content();
            byte[] journal = store.read(files.journal(member.key())).map(StateStore.Versioned::content)
                    .orElse(new byte[0]);
            long auditLength = store.read(files.audit(member.key())).map(v -> (long) v.content().length).orElse(0L);
            RunStore local = new RunStore(work);
            Path runDir = local.runsDir().resolve(member.runId());
            Map<String, Long> backups = new HashMap<>();
            if (journal.length > 0) {
                Files.createDirectories(runDir);
                Files.write(runDir.resolve("plan.json"), plan);
                Files.write(runDir.resolve(Journal.FILE_NAME), journal);
                downloadBackups(member, runDir.resolve("backup"), backups);
                RunState state = RunState.replay(Journal.read(runDir.resolve(Journal.FILE_NAME)).records());
                if (state.phase() == RunState.Phase.FINISHED && !rollback) {
                    return new Outcome(Board.Status.COMPLETED, "run " + member.runId() + " completed");
                }
                boolean retryNotBegun = retryFrom != null && retryFrom == journal.length;
                if (takeover && state.phase() == RunState.Phase.STOPPED && !retryNotBegun) {
                    return fromStop(state.stopOutcome(), state.stopReason());
                }
            }
            MemberMirror mirror = new MemberMirror(files, member.key(), lease, runDir, journal.length, auditLength,
                    backups);
            ClusterOperationsProvider azure = clusterId -> new LeaseGuardedOperations(base.azure().open(clusterId),
                    lease);
            ExecutorEnvironment env = new ExecutorEnvironment(local, new FileRunLock(local.locksDir()), azure,
                    base.clock(), base.sleeper(), GatePrompt.NONE, base.listeners(), base.settings(), mirror,
                    base.kube());
            RunResult result;
            if (rollback) {
                if (journal.length == 0) {
                    return new Outcome(null, "run " + member.runId() + " has not started: there is nothing to roll"
                            + " back", RunOutcome.ROLLBACK_REFUSED);
                }
                result = new Rollback(env).run(member.runId());
                mirror.finish();
                return switch (result.outcome()) {
                    case ROLLED_BACK -> new Outcome(Board.Status.STOPPED, "rolled back: " + result.message(),
                            result.outcome());
                    case ROLLBACK_REFUSED -> new Outcome(null, result.message(), result.outcome());
                    default -> new Outcome(Board.Status.FAILED, "rollback " + fromResult(result).message(),
                            result.outcome());
                };
            }
            if (journal.length == 0) {
                Path planFile = work.resolve(member.key() + ".plan.json");
                Files.write(planFile, plan);
                result = new Apply(env).run(planFile, approvals, member.runId());
            } else {
                result = new Resume(env).run(member.runId(), approvals);
            }
            mirror.finish();
            return fromResult(result);
        } catch (InputException e) {
            return new Outcome(Board.Status.FAILED, "the frozen plan cannot be run: " + e.getMessage());
        } catch (UsageException | JournalException e) {
            return new Outcome(Board.Status.FAILED, e.getMessage());
        } catch (LiveAccessUnavailableException e) {
            return new Outcome(Board.Status.FAILED, e.getMessage());
        } catch (UncheckedIOException e) {
            if (lease.lost()) {
                throw new ClaimLostException(e.getMessage());
            }
            throw e.getCause();
        } finally {
            deleteQuietly(work);
        }
    }

    static Outcome fromResult(RunResult result) {
        return switch (result.outcome()) {
            case COMPLETED -> new Outcome(Board.Status.COMPLETED, result.message(), result.outcome());
            case STOPPED_AT_GATE -> new Outcome(Board.Status.PENDING, "gate before " + result.stepId()
                    + " waits for approval", result.outcome());
            default -> new Outcome(Board.Status.FAILED, result.outcome().name().toLowerCase(java.util.Locale.ROOT)
                    .replace('_', ' ') + (result.stepId() == null ? "" : " at " + result.stepId()) + ": "
                    + result.message(), result.outcome());
        };
    }

    private static Outcome fromStop(String outcome, String reason) {
        if (RunOutcome.STOPPED_AT_GATE.name().equals(outcome)) {
            return new Outcome(Board.Status.PENDING, reason);
        }
        return new Outcome(Board.Status.FAILED, Optional.ofNullable(reason).orElse("the run stopped"));
    }

    private void downloadBackups(RolloutDefinition.Member member, Path dir, Map<String, Long> present)
            throws IOException {
        String prefix = files.backup(member.key());
        for (String name : files.store().list(prefix)) {
            Optional<StateStore.Versioned> file = files.store().read(name);
            if (file.isEmpty()) {
                continue;
            }
            String relative = name.substring(prefix.length());
            Path target = dir.resolve(relative).normalize();
            if (!target.startsWith(dir)) {
                throw new IOException("refusing backup name " + name);
            }
            Files.createDirectories(target.getParent());
            Files.write(target, file.get().content());
            present.put(relative, MemberMirror.fingerprint(file.get().content()));
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A temporary directory; the OS cleans it eventually.
        }
    }
}
