package org.kubenetmigrate.executor.rollout;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What may happen now, decided from the definition, one board and the time — a pure function, so every worker that
 * read the same board decides the same, and the board's compare-and-swap makes sure only one decision is written.
 *
 * <p>Rules: stages run strictly in order (a stage opens once every member of the earlier ones ended, their
 * after-stage waits passed and their after-gates and its own before-gates were approved); members in flight
 * ({@code Running}, or {@code Pending} at their own gate) count against the stage's and their group's
 * {@code maxConcurrency}; more failed members than {@code maxAllowedFailures}, or a stop, start nothing new.
 */
public final class Schedule {
    private final RolloutDefinition definition;
    private final Board board;
    private final Instant now;

    public Schedule(RolloutDefinition definition, Board board, Instant now) {
        this.definition = definition;
        this.board = board;
        this.now = now;
    }

    /** The rollout's status (Fleet's names, with {@code CompletedWithFailures} for an honest end). */
    public enum RolloutStatus { NotStarted, Running, Pending, Completed, CompletedWithFailures, Failed, Stopped }

    public static String memberGate(String key) {
        return "member:" + key;
    }

    /** Where {@code rollout skip --after-stage-wait STAGE} records who ended the stage's wait early, and when. */
    public static String afterStageWaitSkip(String stage) {
        return "after-stage-wait:" + stage;
    }

    /** When the wait after stage {@code index} ends (or ended); null while the stage has not ended. */
    public Instant afterStageWaitEnds(int index) {
        Strategy.Stage stage = definition.strategy().stages().get(index);
        return stageEnded(stage) ? stageEndedAt(index).plus(stage.afterStageWait()) : null;
    }

    public int count(Board.Status status) {
        return (int) definition.members().stream().filter(m -> board.member(m.key()).status() == status).count();
    }

    public boolean failureThresholdReached() {
        return count(Board.Status.FAILED) > definition.strategy().maxAllowedFailures();
    }

    /** Running or waiting at its own gate: it has started changing its cluster and has not ended. */
    boolean inFlight(RolloutDefinition.Member m) {
        Board.Status s = board.member(m.key()).status();
        return s == Board.Status.RUNNING || s == Board.Status.PENDING;
    }

    public boolean stageEnded(Strategy.Stage stage) {
        return definition.membersOf(stage.name()).stream().allMatch(m -> board.member(m.key()).status().ended());
    }

    /** When the stage's last member ended (the stage before it, for a stage without members). */
    Instant stageEndedAt(int index) {
        Strategy.Stage stage = definition.strategy().stages().get(index);
        Instant latest = index == 0 ? Instant.EPOCH : stageEndedAt(index - 1);
        for (RolloutDefinition.Member m : definition.membersOf(stage.name())) {
            Instant since = board.member(m.key()).since();
            if (since != null && since.isAfter(latest)) {
                latest = since;
            }
        }
        return latest;
    }

    /** Why stage {@code index} cannot start members now; empty when it can. */
    public Optional<String> blocked(int index) {
        if (board.stopped()) {
            return Optional.of("the rollout was stopped" + (board.stoppedBy() == null ? "" : " by " + board.stoppedBy()));
        }
        if (failureThresholdReached()) {
            return Optional.of("failure threshold reached: " + count(Board.Status.FAILED) + " failed, "
                    + definition.strategy().maxAllowedFailures() + " allowed");
        }
        List<Strategy.Stage> stages = definition.strategy().stages();
        for (int j = 0; j < index; j++) {
            Strategy.Stage earlier = stages.get(j);
            if (!stageEnded(earlier)) {
                return Optional.of("waiting for stage " + earlier.name() + " to end");
            }
            for (Strategy.Gate gate : earlier.afterGates()) {
                if (!board.approvals().containsKey(gate.name())) {
                    return Optional.of("gate " + gate.name() + " (after stage " + earlier.name() + ") waits for approval");
                }
            }
            Instant opens = stageEndedAt(j).plus(earlier.afterStageWait());
            if (now.isBefore(opens) && !board.approvals().containsKey(afterStageWaitSkip(earlier.name()))) {
                return Optional.of("after-stage wait of " + earlier.name() + " until " + opens);
            }
        }
        for (Strategy.Gate gate : stages.get(index).beforeGates()) {
            if (!board.approvals().containsKey(gate.name())) {
                return Optional.of("gate " + gate.name() + " waits for approval");
            }
        }
        return Optional.empty();
    }

    /** True when a person approved this very member (which also starts it outside its maintenance windows). */
    public boolean explicitlyApproved(RolloutDefinition.Member m) {
        return board.approvals().containsKey(memberGate(m.key()));
    }

    /** True when the member's own gates are passed for it by an approval on the board. */
    public boolean memberApproved(RolloutDefinition.Member m) {
        if (board.approvals().containsKey(memberGate(m.key()))) {
            return true;
        }
        Strategy.Stage stage = definition.strategy().stage(m.stage()).orElseThrow();
        return definition.strategy().memberApproval() == Strategy.MemberApproval.stage
                && !stage.beforeGates().isEmpty()
                && stage.beforeGates().stream().allMatch(g -> board.approvals().containsKey(g.name()));
    }

    /** Why an open stage cannot start {@code m} now (a concurrency ceiling); empty when it can. */
    Optional<String> concurrency(Strategy.Stage stage, Strategy.Group group) {
        List<RolloutDefinition.Member> members = definition.membersOf(stage.name());
        long stageInFlight = members.stream().filter(this::inFlight).count();
        if (stage.maxConcurrency() != null && stageInFlight >= stage.maxConcurrency()) {
            return Optional.of("concurrency: " + stageInFlight + " of " + stage.maxConcurrency() + " in flight in stage "
                    + stage.name());
        }
        long groupInFlight = members.stream().filter(m -> m.group().equals(group.name())).filter(this::inFlight).count();
        if (groupInFlight >= group.maxConcurrency()) {
            return Optional.of("concurrency: " + groupInFlight + " of " + group.maxConcurrency() + " in flight in group "
                    + group.name());
        }
        return Optional.empty();
    }

    /**
     * The member a worker should start (or continue) next: first a member waiting at its own gate that was
     * approved since (it is in flight already), then the first not-started member, in stage, group and file
     * order, whose stage is open and whose stage and group have room.
     */
    public Optional<RolloutDefinition.Member> next() {
        List<Strategy.Stage> stages = definition.strategy().stages();
        for (int i = 0; i < stages.size(); i++) {
            Strategy.Stage stage = stages.get(i);
            if (blocked(i).isPresent()) {
                continue;
            }
            for (RolloutDefinition.Member m : definition.membersOf(stage.name())) {
                Board.MemberState state = board.member(m.key());
                if (state.status() == Board.Status.PENDING && (state.holdOver(now)
                        || memberApproved(m) && !state.held(now) || explicitlyApproved(m))) {
                    return Optional.of(m);
                }
            }
            for (Strategy.Group group : stage.groups()) {
                if (concurrency(stage, group).isPresent()) {
                    continue;
                }
                for (RolloutDefinition.Member m : definition.membersOf(stage.name())) {
                    if (m.group().equals(group.name()) && board.member(m.key()).status() == Board.Status.NOT_STARTED
                            && (!board.member(m.key()).held(now) || explicitlyApproved(m))) {
                        return Optional.of(m);
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** Members shown as Running whose worker may be gone (a worker checks their leases). */
    public List<RolloutDefinition.Member> running() {
        List<RolloutDefinition.Member> running = new ArrayList<>();
        for (RolloutDefinition.Member m : definition.members()) {
            if (board.member(m.key()).status() == Board.Status.RUNNING) {
                running.add(m);
            }
        }
        return running;
    }

    public RolloutStatus status() {
        boolean anyRunning = count(Board.Status.RUNNING) > 0;
        boolean anyStarted = definition.members().stream().anyMatch(m -> board.member(m.key()).status()
                != Board.Status.NOT_STARTED && board.member(m.key()).status() != Board.Status.SKIPPED
                || board.member(m.key()).status() == Board.Status.SKIPPED && board.member(m.key()).worker() != null);
        if (board.stopped() && !anyRunning) {
            return RolloutStatus.Stopped;
        }
        if (failureThresholdReached() && !anyRunning) {
            return RolloutStatus.Failed;
        }
        boolean allEnded = definition.members().stream().allMatch(m -> board.member(m.key()).status().ended());
        if (allEnded) {
            return definition.members().stream().allMatch(m -> board.member(m.key()).status() == Board.Status.COMPLETED)
                    ? RolloutStatus.Completed : RolloutStatus.CompletedWithFailures;
        }
        if (anyRunning) {
            return RolloutStatus.Running;
        }
        if (next().isPresent()) {
            return anyStarted ? RolloutStatus.Running : RolloutStatus.NotStarted;
        }
        return RolloutStatus.Pending;
    }

    /** Nothing more will happen without a person: the rollout ended (completed, failed or stopped). */
    public boolean ended() {
        RolloutStatus s = status();
        return s == RolloutStatus.Completed || s == RolloutStatus.CompletedWithFailures || s == RolloutStatus.Failed
                || s == RolloutStatus.Stopped;
    }
}
