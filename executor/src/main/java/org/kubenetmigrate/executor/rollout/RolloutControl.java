package org.kubenetmigrate.executor.rollout;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.kubenetmigrate.executor.commands.UsageException;

/**
 * What people do to a rollout, each one compare-and-swap on the board: {@code approve} a strategy gate or a
 * member's own gates, {@code stop} (nothing new starts; runs already going finish their current operation and
 * stop at their end — nothing in Azure is aborted), {@code skip} members, {@code retry} a failed member with the
 * same frozen plan (its run resumes from where it stopped).
 */
public final class RolloutControl {
    private final RolloutFiles files;
    private final Clock clock;

    public RolloutControl(RolloutFiles files, Clock clock) {
        this.files = files;
        this.clock = clock;
    }

    private RolloutDefinition definition() throws IOException, UsageException {
        return files.readDefinition().orElseThrow(() -> new UsageException("no rollout " + files.name() + " in "
                + files.store().describe()));
    }

    /** Approves a strategy gate by name. */
    public String approveGate(String gate, String by) throws IOException, UsageException {
        RolloutDefinition definition = definition();
        if (!definition.strategy().gateNames().contains(gate)) {
            throw new UsageException("--gate " + gate + ": rollout " + files.name() + " has no such gate (gates: "
                    + (definition.strategy().gateNames().isEmpty() ? "none"
                    : String.join(", ", definition.strategy().gateNames())) + "); a member's own gates are approved"
                    + " with --member CLUSTER");
        }
        return approve(gate, by, "gate " + gate);
    }

    /** Approves a member's own gates (its point of no return among them). */
    public String approveMember(String cluster, String by) throws IOException, UsageException {
        RolloutDefinition.Member member = member(definition(), cluster);
        return approve(Schedule.memberGate(member.key()), by, "the gates of member " + member.clusterName());
    }

    private String approve(String gate, String by, String what) throws IOException {
        boolean[] already = new boolean[1];
        files.update(board -> {
            already[0] = board.approvals().containsKey(gate);
            return already[0] ? null : board.withApproval(gate, new Board.Approval(by, clock.instant()));
        });
        return already[0] ? what + " was approved already" : what + " approved by " + by;
    }

    public String stop(String by) throws IOException, UsageException {
        definition();
        files.update(board -> board.stopped() ? null : board.withStopped(by));
        return "rollout " + files.name() + " stopped: no new member starts; members running now finish their current"
                + " run (nothing in Azure is aborted)";
    }

    /** Skips the members in scope that have not started, wait at a gate, or failed; running ones are reported. */
    public String skip(String cluster, String group, String stage, String by) throws IOException, UsageException {
        RolloutDefinition definition = definition();
        Predicate<RolloutDefinition.Member> scope;
        String what;
        if (cluster != null) {
            RolloutDefinition.Member m = member(definition, cluster);
            scope = x -> x.key().equals(m.key());
            what = "member " + m.clusterName();
        } else if (group != null) {
            if (definition.strategy().stages().stream().flatMap(s -> s.groups().stream()).noneMatch(g -> g.name().equals(group))) {
                throw new UsageException("--group " + group + ": no such group in rollout " + files.name());
            }
            scope = x -> x.group().equals(group);
            what = "group " + group;
        } else {
            if (definition.strategy().stage(stage).isEmpty()) {
                throw new UsageException("--stage " + stage + ": no such stage in rollout " + files.name());
            }
            scope = x -> x.stage().equals(stage);
            what = "stage " + stage;
        }
        List<String> skipped = new ArrayList<>();
        List<String> running = new ArrayList<>();
        files.update(board -> {
            skipped.clear();
            running.clear();
            Board next = board;
            for (RolloutDefinition.Member m : definition.members()) {
                if (!scope.test(m)) {
                    continue;
                }
                Board.MemberState state = board.member(m.key());
                switch (state.status()) {
                    case NOT_STARTED, PENDING, FAILED -> {
                        next = next.withMember(m.key(), state.with(Board.Status.SKIPPED, state.worker(), clock.instant(),
                                "skipped by " + by));
                        skipped.add(m.clusterName());
                    }
                    case RUNNING -> running.add(m.clusterName());
                    default -> { }
                }
            }
            return skipped.isEmpty() ? null : next;
        });
        return what + ": skipped " + skipped.size() + (skipped.isEmpty() ? "" : " (" + String.join(", ", skipped) + ")")
                + (running.isEmpty() ? "" : "; running now, not skipped: " + String.join(", ", running));
    }

    /**
     * Ends a stage's after-stage wait early (Fleet Manager's skip of an {@code AfterStageWait}), before or while it
     * runs; recorded on the board with who and when. The next stage still waits for everything else: the stage's
     * members to end and every gate.
     */
    public String skipAfterStageWait(String stage, String by) throws IOException, UsageException {
        RolloutDefinition definition = definition();
        List<Strategy.Stage> stages = definition.strategy().stages();
        int index = -1;
        for (int i = 0; i < stages.size(); i++) {
            if (stages.get(i).name().equals(stage)) {
                index = i;
            }
        }
        if (index < 0) {
            throw new UsageException("--after-stage-wait " + stage + ": no such stage in rollout " + files.name());
        }
        if (stages.get(index).afterStageWait().isZero()) {
            throw new UsageException("--after-stage-wait " + stage + ": stage " + stage + " has no afterStageWait in"
                    + " the strategy; nothing to skip");
        }
        int at = index;
        String key = Schedule.afterStageWaitSkip(stage);
        String[] outcome = new String[1];
        files.update(board -> {
            if (board.approvals().containsKey(key)) {
                Board.Approval earlier = board.approvals().get(key);
                outcome[0] = "the wait after stage " + stage + " was skipped already, by " + earlier.by() + " at "
                        + earlier.at();
                return null;
            }
            Instant ends = new Schedule(definition, board, clock.instant()).afterStageWaitEnds(at);
            if (ends != null && !clock.instant().isBefore(ends)) {
                outcome[0] = "the wait after stage " + stage + " is over already (it ended at " + ends + ")";
                return null;
            }
            outcome[0] = "the wait after stage " + stage + " skipped by " + by + (ends == null
                    ? " (the stage has not ended; the next stage starts as soon as it has and its gates are approved)"
                    : " (it would have lasted until " + ends + ")");
            return board.withApproval(key, new Board.Approval(by, clock.instant()));
        });
        return outcome[0];
    }

    /** Sends a failed (or stopped) member back to NotStarted; a worker resumes its run with the same frozen plan. */
    public String retry(String cluster, String by) throws IOException, UsageException {
        RolloutDefinition.Member m = member(definition(), cluster);
        // Nobody appends to an ended member's journal, so its length now marks where the retry begins.
        long journalLength = files.store().read(files.journal(m.key())).map(v -> (long) v.content().length).orElse(0L);
        Optional<Board> written = files.update(board -> {
            Board.MemberState state = board.member(m.key());
            if (state.status() != Board.Status.FAILED && state.status() != Board.Status.STOPPED) {
                return null;
            }
            return board.withMember(m.key(), state.retried(clock.instant(), "retry requested by " + by,
                    journalLength));
        });
        if (written.isEmpty()) {
            throw new UsageException("member " + m.clusterName() + " has not failed (it is "
                    + files.readBoard().orElseThrow().board().member(m.key()).status().label() + "); only a Failed or"
                    + " Stopped member is retried");
        }
        return "member " + m.clusterName() + " will be retried by the next worker (run " + m.runId() + " resumes with"
                + " the same plan)";
    }

    private RolloutDefinition.Member member(RolloutDefinition definition, String cluster) throws UsageException {
        RolloutDefinition.Member m = definition.member(cluster).orElseThrow(() -> new UsageException("--member "
                + cluster + ": not a member of rollout " + files.name()));
        if (m.skipped() && m.planId() == null) {
            throw new UsageException("member " + m.clusterName() + " was skipped when the rollout was created ("
                    + m.skipReason() + "); it has no plan to run");
        }
        return m;
    }
}
