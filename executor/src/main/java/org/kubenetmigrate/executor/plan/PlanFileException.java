package org.kubenetmigrate.executor.plan;

/**
 * A plan file the executor will not run: unreadable, not JSON, of another schema version or kind, or with a field
 * that is missing, wrong-typed or unknown to this executor. The message is one line,
 * {@code <file>: <JSON pointer>: <problem>}; the CLI prints it and exits 2.
 */
public final class PlanFileException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final String pointer;
    private final String problem;

    public PlanFileException(String file, String pointer, String problem) {
        super(file + ": " + (pointer.isEmpty() ? "" : pointer + ": ") + problem.replaceAll("\\s*\\R\\s*", " "));
        this.file = file;
        this.pointer = pointer;
        this.problem = problem;
    }

    public String file() {
        return file;
    }

    /** RFC 6901 pointer of the offending value; empty for the whole file. */
    public String pointer() {
        return pointer;
    }

    public String problem() {
        return problem;
    }
}
