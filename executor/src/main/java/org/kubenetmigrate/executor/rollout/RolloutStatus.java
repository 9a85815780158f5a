package org.kubenetmigrate.executor.rollout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.kubenetmigrate.executor.commands.UsageException;
import org.kubenetmigrate.executor.engine.Journal;
import org.kubenetmigrate.executor.engine.JournalException;
import org.kubenetmigrate.executor.engine.RunState;
import org.kubenetmigrate.executor.state.StateStore;

/** {@code rollout status NAME}: reads the definition, the board and the journals of started members; writes nothing. */
public final class RolloutStatus {
    private final RolloutFiles files;
    private final Clock clock;

    public RolloutStatus(RolloutFiles files, Clock clock) {
        this.files = files;
        this.clock = clock;
    }

    public RolloutReport run() throws IOException, UsageException {
        RolloutDefinition definition = files.readDefinition().orElseThrow(() -> new UsageException("no rollout "
                + files.name() + " in " + files.store().describe()));
        Board board = files.readBoard().orElseThrow(() -> new UsageException("rollout " + files.name() + " has no"
                + " board: its creation was interrupted; create it again under another name")).board();
        Schedule schedule = new Schedule(definition, board, clock.instant());
        List<RolloutReport.StageLine> stages = new ArrayList<>();
        List<RolloutReport.GateLine> gates = new ArrayList<>();
        List<RolloutReport.WaitLine> waits = new ArrayList<>();
        List<Strategy.Stage> all = definition.strategy().stages();
        for (int i = 0; i < all.size(); i++) {
            Strategy.Stage stage = all.get(i);
            Optional<String> blocked = schedule.blocked(i);
            List<RolloutReport.GroupLine> groups = new ArrayList<>();
            for (Strategy.Group group : stage.groups()) {
                List<RolloutReport.MemberLine> lines = new ArrayList<>();
                for (RolloutDefinition.Member m : definition.membersOf(stage.name())) {
                    if (m.group().equals(group.name())) {
                        lines.add(member(definition, board, schedule, stage, group, m, blocked));
                    }
                }
                groups.add(new RolloutReport.GroupLine(group.name(), lines));
            }
            String[] status = stageStatus(definition, board, stage, blocked);
            stages.add(new RolloutReport.StageLine(stage.name(), status[0], status[1], groups));
            for (Strategy.Gate gate : stage.beforeGates()) {
                gates.add(gate(board, gate, stage, "before", blocked.filter(b -> b.startsWith("gate " + gate.name()))
                        .isPresent()));
            }
            for (Strategy.Gate gate : stage.afterGates()) {
                boolean reached = schedule.stageEnded(stage) && !board.approvals().containsKey(gate.name());
                gates.add(gate(board, gate, stage, "after", reached));
            }
            if (!stage.afterStageWait().isZero()) {
                waits.add(afterStageWait(board, schedule, stage, i));
            }
        }
        RolloutReport.Counts counts = new RolloutReport.Counts(definition.members().size(),
                schedule.count(Board.Status.COMPLETED), schedule.count(Board.Status.FAILED),
                schedule.count(Board.Status.SKIPPED), schedule.count(Board.Status.STOPPED),
                schedule.count(Board.Status.RUNNING), schedule.count(Board.Status.PENDING),
                schedule.count(Board.Status.NOT_STARTED));
        Schedule.RolloutStatus overall = schedule.status();
        String reason = switch (overall) {
            case Failed -> "failure threshold reached: " + counts.failed() + " failed, "
                    + definition.strategy().maxAllowedFailures() + " allowed";
            case Stopped -> "stopped" + (board.stoppedBy() == null ? "" : " by " + board.stoppedBy());
            case Pending -> firstBlock(schedule, all.size());
            default -> null;
        };
        return new RolloutReport(definition.name(), overall.name(), reason, counts, stages, gates, waits,
                definition.notInRollout());
    }

    private RolloutReport.WaitLine afterStageWait(Board board, Schedule schedule, Strategy.Stage stage, int index) {
        Board.Approval skipped = board.approvals().get(Schedule.afterStageWaitSkip(stage.name()));
        java.time.Instant until = schedule.afterStageWaitEnds(index);
        String status = skipped != null ? "Skipped" : until == null ? "NotStarted"
                : clock.instant().isBefore(until) ? "Running" : "Completed";
        return new RolloutReport.WaitLine(stage.name(), stage.afterStageWait(), status, until,
                skipped == null ? null : skipped.by(), skipped == null ? null : skipped.at());
    }

    private static String firstBlock(Schedule schedule, int stages) {
        for (int i = 0; i < stages; i++) {
            Optional<String> blocked = schedule.blocked(i);
            if (blocked.isPresent() && !blocked.get().startsWith("waiting for stage")) {
                return blocked.get();
            }
        }
        return "members wait for approval of their own gates";
    }

    private static RolloutReport.GateLine gate(Board board, Strategy.Gate gate, Strategy.Stage stage, String position,
                                               boolean reached) {
        Board.Approval approval = board.approvals().get(gate.name());
        String status = approval != null ? "Completed" : reached ? "Pending" : "NotStarted";
        return new RolloutReport.GateLine(gate.name(), stage.name(), position, status,
                approval == null ? null : approval.by(), approval == null ? null : approval.at());
    }

    private static String[] stageStatus(RolloutDefinition definition, Board board, Strategy.Stage stage,
                                        Optional<String> blocked) {
        List<RolloutDefinition.Member> members = definition.membersOf(stage.name());
        List<Board.Status> statuses = members.stream().map(m -> board.member(m.key()).status()).toList();
        if (!members.isEmpty() && statuses.stream().allMatch(Board.Status::ended)) {
            if (statuses.stream().allMatch(s -> s == Board.Status.SKIPPED)) {
                return new String[] {"Skipped", null};
            }
            if (statuses.stream().allMatch(s -> s == Board.Status.COMPLETED)) {
                return new String[] {"Completed", null};
            }
            return new String[] {"CompletedWithFailures", count(statuses, Board.Status.COMPLETED) + " completed, "
                    + count(statuses, Board.Status.FAILED) + " failed, " + count(statuses, Board.Status.SKIPPED)
                    + " skipped, " + count(statuses, Board.Status.STOPPED) + " stopped"};
        }
        if (statuses.contains(Board.Status.RUNNING)) {
            return new String[] {"Running", null};
        }
        boolean started = statuses.stream().anyMatch(s -> s != Board.Status.NOT_STARTED && s != Board.Status.SKIPPED);
        if (blocked.isPresent()) {
            if (blocked.get().startsWith("waiting for stage") && !started) {
                return new String[] {"NotStarted", blocked.get()};
            }
            if (board.stopped()) {
                return new String[] {"Stopped", blocked.get()};
            }
            return new String[] {"Pending", blocked.get()};
        }
        if (statuses.contains(Board.Status.PENDING)) {
            return new String[] {"Pending", "members wait for approval of their own gates"};
        }
        return new String[] {started ? "Running" : "NotStarted", null};
    }

    private static long count(List<Board.Status> statuses, Board.Status status) {
        return statuses.stream().filter(s -> s == status).count();
    }

    private RolloutReport.MemberLine member(RolloutDefinition definition, Board board, Schedule schedule,
                                            Strategy.Stage stage, Strategy.Group group, RolloutDefinition.Member m,
                                            Optional<String> blocked) throws IOException {
        Board.MemberState state = board.member(m.key());
        String status = state.status().label();
        String reason = state.message();
        if (state.status() == Board.Status.NOT_STARTED) {
            if (state.held(clock.instant()) && !board.stopped()) {
                status = "Pending";
            } else if (board.stopped()) {
                status = "Stopped";
                reason = "the rollout was stopped before it started";
            } else if (blocked.isEmpty()) {
                reason = schedule.concurrency(stage, group).orElse(null);
                if (reason != null) {
                    status = "Pending";
                }
            }
        }
        String step = state.status() == Board.Status.NOT_STARTED || state.status() == Board.Status.SKIPPED
                ? null : currentStep(m);
        return new RolloutReport.MemberLine(m.clusterName(), m.clusterId(), m.key(), status, reason, m.runId(), step,
                state.worker(), state.attempts());
    }

    /** The first step of the member's run that has not succeeded, with its state, from the shared journal. */
    private String currentStep(RolloutDefinition.Member m) throws IOException {
        Optional<StateStore.Versioned> journal = files.store().read(files.journal(m.key()));
        if (journal.isEmpty() || journal.get().content().length == 0) {
            return null;
        }
        Path temp = Files.createTempFile("kubenet-migrate-journal-", ".jsonl");
        try {
            Files.write(temp, journal.get().content());
            RunState state = RunState.replay(Journal.read(temp).records());
            if (state.phase() == RunState.Phase.FINISHED) {
                return "finished";
            }
            for (var record : state.records()) {
                if (record.stepId() != null && state.step(record.stepId()).status() != RunState.StepStatus.SUCCEEDED) {
                    RunState.StepProgress p = state.step(record.stepId());
                    return record.stepId() + " (" + (p.gatePending() ? "waiting for approval" : p.status().name()
                            .toLowerCase(java.util.Locale.ROOT).replace('_', '-')) + ")";
                }
            }
            return null;
        } catch (JournalException e) {
            return "journal unreadable: " + e.getMessage();
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
