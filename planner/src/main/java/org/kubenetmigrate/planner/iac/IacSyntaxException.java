package org.kubenetmigrate.planner.iac;

/** A file that does not parse, or code that names the cluster ambiguously: one line, file, line, problem. */
public final class IacSyntaxException extends Exception {
    private static final long serialVersionUID = 1L;

    public IacSyntaxException(String file, int line, String problem) {
        super(file + (line > 0 ? ":" + line : "") + ": " + problem.replaceAll("\\s*\\R\\s*", " "));
    }
}
