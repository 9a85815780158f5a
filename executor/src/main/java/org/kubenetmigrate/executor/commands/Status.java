package org.kubenetmigrate.executor.commands;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.kubenetmigrate.executor.engine.Journal;
import org.kubenetmigrate.executor.engine.JournalException;
import org.kubenetmigrate.executor.engine.LockHolder;
import org.kubenetmigrate.executor.engine.Redaction;
import org.kubenetmigrate.executor.engine.Run;
import org.kubenetmigrate.executor.engine.RunState;
import org.kubenetmigrate.executor.engine.RunStore;
import org.kubenetmigrate.executor.steps.SettleIdentityFile;
import org.kubenetmigrate.planner.input.InputException;
import org.kubenetmigrate.planner.plan.Step;
import org.kubenetmigrate.planner.plan.StepId;

/**
 * {@code status [RUN_ID]}: reads journals (never writes, never needs Azure) and says where each run is: steps done,
 * in flight, waiting for approval, failed.
 */
public final class Status {
    private final ExecutorEnvironment env;

    public Status(ExecutorEnvironment env) {
        this.env = env;
    }

    public StatusReport run(String runId) throws UsageException, IOException, JournalException, InputException {
        if (runId == null) {
            List<StatusReport.RunLine> lines = new ArrayList<>();
            for (String id : env.store().listIds()) {
                try {
                    lines.add(line(open(id)));
                } catch (InputException | JournalException e) {
                    lines.add(new StatusReport.RunLine(id, null, null, "unreadable: " + e.getMessage(), null, null,
                            null, null, null, null));
                }
            }
            return new StatusReport(lines, null);
        }
        Loaded loaded = open(runId);
        return new StatusReport(List.of(line(loaded)), detail(loaded));
    }

    private record Loaded(Run run, RunState state, Journal.Content journal) {
    }

    private Loaded open(String runId) throws UsageException, IOException, JournalException, InputException {
        Run run;
        try {
            run = env.store().open(runId, Sessions.planReader());
        } catch (RunStore.RunNotFoundException e) {
            throw new UsageException(e.getMessage());
        }
        Journal.Content content = java.nio.file.Files.exists(run.journalFile()) ? Journal.read(run.journalFile())
                : new Journal.Content(List.of(), Optional.empty(), 0, false);
        return new Loaded(run, RunState.replay(content.records()), content);
    }

    private StatusReport.RunLine line(Loaded loaded) throws IOException {
        RunState state = loaded.state();
        Optional<LockHolder> holder = env.lock().holder(loaded.run().plan().clusterId());
        String at = null;
        String atStatus = null;
        for (Step step : loaded.run().plan().steps()) {
            String status = stepStatus(state.step(step.id()), step);
            if (!status.equals("succeeded")) {
                at = step.id();
                atStatus = status;
                break;
            }
        }
        String phase = switch (state.phase()) {
            case NOT_STARTED -> "not-started";
            case ACTIVE -> "active (or its process died)";
            case STOPPED -> "stopped";
            case FINISHED -> "finished";
            case ROLLED_BACK -> "rolled-back";
        };
        return new StatusReport.RunLine(loaded.run().id(), loaded.run().plan().clusterId(),
                loaded.run().plan().clusterName(), phase, state.phase() == RunState.Phase.FINISHED ? null : at,
                state.phase() == RunState.Phase.FINISHED ? null : atStatus, state.startedAt(), state.startedBy(),
                state.updatedAt(), holder.map(LockHolder::describe).orElse(null));
    }

    private static StatusReport.RunDetail detail(Loaded loaded) {
        RunState state = loaded.state();
        List<StatusReport.StepLine> steps = new ArrayList<>();
        for (Step step : loaded.run().plan().steps()) {
            RunState.StepProgress p = state.step(step.id());
            String request = null;
            if (!p.requests().isEmpty()) {
                RunState.SentRequest r = p.requests().get(p.requests().size() - 1);
                request = r.purpose() + " " + r.method() + " " + r.url() + (r.ifMatch() == null ? "" : " If-Match: "
                        + r.ifMatch()) + (r.operationUrl() == null ? "" : " operation "
                        + Redaction.withoutQuery(r.operationUrl())) + " -> " + (r.result() == null ? "running"
                        : r.result());
            }
            steps.add(new StatusReport.StepLine(step.id(), loaded.run().plan().stageOf(step.id()).map(s -> s.id())
                    .orElse(null), step.title(), stepStatus(p, step), step.requiresApproval(), step.pointOfNoReturn(),
                    step.reversible(), p.attempts(), p.approved() ? p.approvedBy() + " (" + p.approvedHow() + ")" : null,
                    request, p.problem(), p.remediation()));
        }
        return new StatusReport.RunDetail(loaded.run().id(), loaded.run().plan().planId(), loaded.run().planFile()
                .toString(), steps, state.stopReason(), state.stopRemediation(),
                loaded.journal().tornTail().orElse(null), loaded.journal().records().size(),
                state.succeeded(StepId.SETTLE_IDENTITY.id()) ? null
                        : SettleIdentityFile.notBefore(loaded.run().dir()).orElse(null));
    }

    static String stepStatus(RunState.StepProgress p, Step step) {
        return switch (p.compensation()) {
            case SUCCEEDED -> "compensated";
            case FAILED -> "compensation-failed";
            case IN_FLIGHT -> "compensating";
            case NONE -> switch (p.status()) {
                case SUCCEEDED -> "succeeded";
                case FAILED -> "failed";
                case IN_FLIGHT -> "in-flight";
                case PENDING -> p.gatePending() ? "waiting-for-approval" : "pending";
            };
        };
    }
}
