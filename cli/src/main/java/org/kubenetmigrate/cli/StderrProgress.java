package org.kubenetmigrate.cli;

import java.io.PrintWriter;
import org.kubenetmigrate.planner.inventory.InventoryProgress;

/**
 * Progress of a live read on stderr: a redrawn bar on a terminal, plain lines otherwise (a log file or CI output
 * should not fill with carriage returns). stdout is never touched.
 */
final class StderrProgress implements InventoryProgress {
    private static final int WIDTH = 30;
    private final PrintWriter err;
    private final boolean terminal;
    private String phase = "";
    private long total = -1;
    private long done;
    private boolean barShown;

    StderrProgress(PrintWriter err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    /** A bar only when stderr is the process's own and a console is attached. */
    static StderrProgress forProcess(PrintWriter err, boolean ownStderr) {
        return new StderrProgress(err, ownStderr && System.console() != null);
    }

    @Override
    public synchronized void phase(String name, long expected) {
        endBar();
        phase = name;
        total = expected;
        done = 0;
        if (terminal) {
            draw();
        } else {
            err.println("reading " + name + " ...");
            err.flush();
        }
    }

    @Override
    public synchronized void advance(long amount) {
        done = total > 0 ? amount : done + amount;
        if (terminal) {
            draw();
        }
    }

    @Override
    public synchronized void note(String message) {
        endBar();
        err.println("note: " + message);
        err.flush();
    }

    @Override
    public synchronized void finish() {
        endBar();
        if (!terminal && !phase.isEmpty()) {
            err.println("read " + phase + ": done");
            err.flush();
        }
        phase = "";
    }

    private void draw() {
        String text;
        if (total > 0) {
            int filled = (int) Math.min(WIDTH, done * WIDTH / total);
            text = "[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + done + "/" + total + " " + phase;
        } else {
            text = phase + (done > 0 ? ": " + done + " rows" : " ...");
        }
        err.print("\r" + text + "\u001b[K");
        err.flush();
        barShown = true;
    }

    private void endBar() {
        if (barShown) {
            err.println();
            barShown = false;
        }
    }
}
