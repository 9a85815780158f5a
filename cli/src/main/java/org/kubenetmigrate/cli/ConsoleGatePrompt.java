package org.kubenetmigrate.cli;

import java.io.Console;
import java.io.PrintWriter;
import java.util.Locale;
import org.kubenetmigrate.executor.engine.GatePrompt;

/**
 * Asks at a gate on the terminal (the console, not stdout, so that {@code --output json} stays clean): shows the step,
 * what happens and whether it can be undone, and approves only on "yes" — Terraform's rule, so that a stray Enter
 * never passes a gate. Without a console it is not interactive and the run stops at the gate.
 */
final class ConsoleGatePrompt implements GatePrompt {
    private final Console console;

    private ConsoleGatePrompt(Console console) {
        this.console = console;
    }

    static GatePrompt ofSystemConsole() {
        Console console = System.console();
        return console == null ? GatePrompt.NONE : new ConsoleGatePrompt(console);
    }

    @Override
    public boolean interactive() {
        return true;
    }

    @Override
    public boolean approve(GateRequest request) {
        PrintWriter w = console.writer();
        w.println();
        w.println((request.pointOfNoReturn() ? "POINT OF NO RETURN — " : "") + "approve " + request.stepId() + "?");
        w.println("  " + request.title());
        w.println("  " + request.description());
        if (request.request() != null) {
            w.println("  sends: " + request.request());
        }
        w.println("  " + request.undo());
        w.flush();
        String answer = console.readLine("Only 'yes' approves: ");
        return answer != null && answer.trim().toLowerCase(Locale.ROOT).equals("yes");
    }
}
