package org.kubenetmigrate.executor.render;

import java.io.PrintWriter;
import org.kubenetmigrate.executor.engine.EngineEvent;
import org.kubenetmigrate.executor.engine.EngineListener;

/** The run as a person reads it on a terminal: one line per step, the gates spelled out, requests and progress indented. */
public final class TerminalRenderer implements EngineListener {
    private final PrintWriter out;

    public TerminalRenderer(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void on(EngineEvent event) {
        if (event instanceof EngineEvent.RunStarted e) {
            out.println((e.resumed() ? e.session() + " run " : "Run ") + e.runId()
                    + " on cluster " + e.clusterName() + " (plan " + e.planId().substring(7, 19) + ", " + e.steps()
                    + " steps) by " + e.who());
        } else if (event instanceof EngineEvent.StepStarted e) {
            out.println("[" + e.index() + "/" + e.total() + "] " + e.stepId() + ": "
                    + e.title() + (e.attempt() > 1 ? " (attempt " + e.attempt() + ")" : ""));
        } else if (event instanceof EngineEvent.StepSucceeded e) {
            out.println("    ok: " + e.summary());
        } else if (event instanceof EngineEvent.StepFailed e) {
            out.println("    FAILED: " + e.problem());
            e.remediation().lines().forEach(l -> out.println("      - " + l));
        } else if (event instanceof EngineEvent.GatePending e) {
            out.println();
            out.println("GATE before " + e.stepId() + " (stage " + e.stageId() + ")"
                    + (e.pointOfNoReturn() ? " — POINT OF NO RETURN" : ""));
            out.println("    " + e.title());
            out.println("    what happens: " + e.description());
            if (e.request() != null) {
                out.println("    request: " + e.request());
            }
            out.println("    " + e.undo());
        } else if (event instanceof EngineEvent.GateApproved e) {
            out.println("gate before " + e.stepId() + ": approved by " + e.by() + " (" + e.how() + ")");
        } else if (event instanceof EngineEvent.GateDeclined e) {
            out.println("    declined by " + e.by());
        } else if (event instanceof EngineEvent.RequestSent e) {
            out.println("    sent " + e.method() + " " + e.url()
                    + (e.ifMatch() == null ? "" : " If-Match: " + e.ifMatch())
                    + (e.operation() == null ? "" : "; following " + e.operation()));
        } else if (event instanceof EngineEvent.RequestFailed e) {
            out.println("    " + e.method() + " " + e.purpose() + " request: " + e.result()
                    + (e.code() == null ? "" : " " + e.code()) + ": " + e.error()
                    + (e.requestId() == null ? "" : " (request id " + e.requestId() + ")"));
        } else if (event instanceof EngineEvent.RollbackStarted e) {
            out.println("Rolling back run " + e.runId() + " (" + e.who() + ")");
        } else if (event instanceof EngineEvent.LockReleased e) {
            out.println("    note: " + e.reason());
        } else if (event instanceof EngineEvent.RequestFinished e) {
            out.println("    " + e.method() + " " + e.purpose() + " request: "
                    + e.result() + (e.errorCode() == null ? "" : " " + e.errorCode())
                    + (e.errorMessage() == null ? "" : ": " + e.errorMessage())
                    + (e.requestId() == null ? "" : " (request id " + e.requestId() + ")"));
        } else if (event instanceof EngineEvent.Progress e) {
            out.println("    ... " + e.message());
        } else if (event instanceof EngineEvent.OperatorAccepted e) {
            out.println("    accepted with " + e.flag() + ": " + e.accepted());
        } else if (event instanceof EngineEvent.Notice e) {
            out.println("    note: " + e.message());
        } else if (event instanceof EngineEvent.CompensationStarted e) {
            out.println("undo " + e.stepId() + ": " + e.description());
        } else if (event instanceof EngineEvent.CompensationSucceeded e) {
            out.println("    ok" + (e.alreadyDone() ? " (already undone;"
                    + " nothing sent)" : ""));
        } else if (event instanceof EngineEvent.CompensationFailed e) {
            out.println("    FAILED: " + e.problem());
            e.remediation().lines().forEach(l -> out.println("      - " + l));
        } else if (event instanceof EngineEvent.RunStopped e) {
            out.println();
            out.println("Stopped (" + e.outcome().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                    + "): " + e.reason());
            e.remediation().lines().forEach(l -> out.println("  - " + l));
        } else if (event instanceof EngineEvent.RunFinished e) {
            out.println();
            out.println(e.message());
        }
        out.flush();
    }
}
