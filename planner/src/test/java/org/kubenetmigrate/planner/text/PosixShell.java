package org.kubenetmigrate.planner.text;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What a POSIX shell makes of a pasted command line: {@code /bin/sh} itself splits it into words, so the tests judge
 * the quoting by the shell the reader uses, not by a second implementation of its rules.
 */
final class PosixShell {
    private PosixShell() {
    }

    /** The words {@code sh} passes to the command, or an exception carrying the shell's complaint. */
    static List<String> words(String commandLine) throws IOException, InterruptedException {
        // The line becomes the positional parameters; printf prints each, NUL-terminated.
        Process sh = new ProcessBuilder("sh", "-c", "set -- " + commandLine + "\nprintf '%s\\0' \"$@\"")
                .redirectErrorStream(false).start();
        byte[] out = sh.getInputStream().readAllBytes();
        String err = new String(sh.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!sh.waitFor(10, TimeUnit.SECONDS) || sh.exitValue() != 0 || !err.isEmpty()) {
            throw new IllegalArgumentException("sh cannot parse: " + commandLine + " (" + err.strip() + ")");
        }
        List<String> words = new ArrayList<>();
        String text = new String(out, StandardCharsets.UTF_8);
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\0') {
                words.add(text.substring(start, i));
                start = i + 1;
            }
        }
        return words;
    }

    /**
     * The az commands in a text (a remediation, a step's command line, a message): each runs from {@code az} to the
     * first unquoted shell operator ({@code ; & | < > ( )}) or the end of the line, so a command inside prose or
     * joined with {@code &&} or a redirect is cut where a shell would cut it.
     */
    static List<String> azCommands(String text) {
        List<String> commands = new ArrayList<>();
        int from = 0;
        while (true) {
            int at = text.indexOf("az ", from);
            if (at < 0) {
                return commands;
            }
            if (at > 0 && !isBoundary(text.charAt(at - 1))) {
                from = at + 3;
                continue;
            }
            int end = endOfCommand(text, at);
            commands.add(text.substring(at, end).strip());
            from = end;
        }
    }

    private static boolean isBoundary(char c) {
        return c == ' ' || c == '(' || c == '\n' || c == '`' || c == ';' || c == '&' || c == ':' || c == '\'';
    }

    private static int endOfCommand(String text, int from) {
        char quote = 0;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (quote == '"' && c == '\\') {
                    i++;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '\\') {
                i++;
            } else if (";&|<>()`\n".indexOf(c) >= 0) {
                return i;
            }
        }
        return text.length();
    }
}
