package org.kubenetmigrate.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Runs the CLI in-process and captures what it printed. */
record CliRun(int exitCode, String out, String err) {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T12:00:00Z"), ZoneOffset.UTC);

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        // An empty environment: a developer's KUBECONFIG must not switch plan's in-cluster checks on in tests.
        int code = Main.run(CLOCK, java.util.Map.of(), new PrintWriter(out), new PrintWriter(err), args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** The first run id ({@code 20261201-120000-3fa2c1}) in a command's output, or null. */
    static String runIdIn(String text) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{8}-\\d{6}-[0-9a-f]{6})").matcher(text);
        return m.find() ? m.group(1) : null;
    }

    /** Runs against a given environment: in-memory Azure, virtual time, a prompt. */
    static CliRun with(CliEnvironment environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(environment, new PrintWriter(out), new PrintWriter(err), args);
        return new CliRun(code, out.toString(), err.toString());
    }
}
