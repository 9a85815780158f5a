package org.kubenetmigrate.executor.render;

import java.io.PrintWriter;
import java.util.Locale;
import org.kubenetmigrate.executor.engine.EngineEvent;
import org.kubenetmigrate.executor.engine.EngineListener;

/**
 * The run as a person reads it on a terminal: one line per step, the gates spelled out, requests and progress
 * indented. Written as an {@link EngineEvent.Visitor}, so a new event type does not compile until it says how it
 * looks here.
 */
public final class TerminalRenderer implements EngineListener {
    private final PrintWriter out;
    private final Lines lines = new Lines();

    public TerminalRenderer(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void on(EngineEvent event) {
        event.accept(lines);
        out.flush();
    }

    /** Prints one event; returns nothing (a visitor needs a type). */
    private final class Lines implements EngineEvent.Visitor<Void> {
        @Override
        public Void visit(EngineEvent.RunStarted e) {
            out.println((e.resumed() ? e.session() + " run " : "Run ") + e.runId()
                    + " on cluster " + e.clusterName() + " (plan " + e.planId().substring(7, 19) + ", " + e.steps()
                    + " steps) by " + e.who());
            return null;
        }

        @Override
        public Void visit(EngineEvent.StepStarted e) {
            out.println("[" + e.index() + "/" + e.total() + "] " + e.stepId() + ": "
                    + e.title() + (e.attempt() > 1 ? " (attempt " + e.attempt() + ")" : ""));
            return null;
        }

        @Override
        public Void visit(EngineEvent.StepSucceeded e) {
            out.println("    ok: " + e.summary());
            return null;
        }

        @Override
        public Void visit(EngineEvent.StepFailed e) {
            return failed(e.problem(), e.remediation());
        }

        @Override
        public Void visit(EngineEvent.GatePending e) {
            out.println();
            out.println("GATE before " + e.stepId() + " (stage " + e.stageId() + ")"
                    + (e.pointOfNoReturn() ? " — POINT OF NO RETURN" : ""));
            out.println("    " + e.title());
            out.println("    what happens: " + e.description());
            if (e.request() != null) {
                out.println("    request: " + e.request());
            }
            out.println("    " + e.undo());
            return null;
        }

        @Override
        public Void visit(EngineEvent.GateApproved e) {
            out.println("gate before " + e.stepId() + ": approved by " + e.by() + " (" + e.how() + ")");
            return null;
        }

        @Override
        public Void visit(EngineEvent.GateDeclined e) {
            out.println("    declined by " + e.by());
            return null;
        }

        @Override
        public Void visit(EngineEvent.RequestSent e) {
            out.println("    sent " + e.method() + " " + e.url()
                    + (e.ifMatch() == null ? "" : " If-Match: " + e.ifMatch())
                    + (e.operation() == null ? "" : "; following " + e.operation()));
            return null;
        }

        @Override
        public Void visit(EngineEvent.RequestFailed e) {
            out.println("    " + e.method() + " " + e.purpose() + " request: " + e.result()
                    + (e.code() == null ? "" : " " + e.code()) + ": " + e.error()
                    + (e.requestId() == null ? "" : " (request id " + e.requestId() + ")"));
            return null;
        }

        @Override
        public Void visit(EngineEvent.RequestFinished e) {
            out.println("    " + e.method() + " " + e.purpose() + " request: "
                    + e.result() + (e.errorCode() == null ? "" : " " + e.errorCode())
                    + (e.errorMessage() == null ? "" : ": " + e.errorMessage())
                    + (e.requestId() == null ? "" : " (request id " + e.requestId() + ")"));
            return null;
        }

        @Override
        public Void visit(EngineEvent.Progress e) {
            out.println("    ... " + e.message());
            return null;
        }

        @Override
        public Void visit(EngineEvent.OperatorAccepted e) {
            out.println("    accepted with " + e.flag() + ": " + e.accepted());
            return null;
        }

        @Override
        public Void visit(EngineEvent.Notice e) {
            return note(e.message());
        }

        @Override
        public Void visit(EngineEvent.RollbackStarted e) {
            out.println("Rolling back run " + e.runId() + " (" + e.who() + ")");
            return null;
        }

        @Override
        public Void visit(EngineEvent.CompensationStarted e) {
            out.println("undo " + e.stepId() + ": " + e.description());
            return null;
        }

        @Override
        public Void visit(EngineEvent.CompensationSucceeded e) {
            out.println("    ok" + (e.alreadyDone() ? " (already undone; nothing sent)" : ""));
            return null;
        }

        @Override
        public Void visit(EngineEvent.CompensationFailed e) {
            return failed(e.problem(), e.remediation());
        }

        @Override
        public Void visit(EngineEvent.RunStopped e) {
            out.println();
            out.println("Stopped (" + e.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' ') + "): "
                    + e.reason());
            e.remediation().lines().forEach(l -> out.println("  - " + l));
            return null;
        }

        @Override
        public Void visit(EngineEvent.RunFinished e) {
            out.println();
            out.println(e.message());
            return null;
        }

        @Override
        public Void visit(EngineEvent.LockReleased e) {
            return note(e.reason());
        }

        private Void failed(String problem, String remediation) {
            out.println("    FAILED: " + problem);
            remediation.lines().forEach(l -> out.println("      - " + l));
            return null;
        }

        private Void note(String message) {
            out.println("    note: " + message);
            return null;
        }
    }
}
