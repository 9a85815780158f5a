package org.kubenetmigrate.planner.input;

/**
 * Input that cannot be turned into a fleet: unreadable files, broken JSON, wrong-typed or missing fields and invalid
 * CIDRs. The message is one line, {@code <file>: <pointer>: <problem>}, because the CLI prints it as is and exits 2;
 * the pointer (RFC 6901, from the file's root) lets a user jump straight to the offending value.
 */
public final class InputException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final String pointer;
    private final String problem;

    public InputException(String file, String pointer, String problem) {
        this(file, pointer, problem, null);
    }

    public InputException(String file, String pointer, String problem, Throwable cause) {
        super(format(file, pointer, problem), cause);
        this.file = file == null ? "" : file;
        this.pointer = pointer == null ? "" : pointer;
        this.problem = problem;
    }

    /** The file (or path given on the command line) the problem was found in; empty when there is none. */
    public String file() {
        return file;
    }

    /** The JSON pointer of the offending value; empty when the problem concerns the whole file. */
    public String pointer() {
        return pointer;
    }

    public String problem() {
        return problem;
    }

    private static String format(String file, String pointer, String problem) {
        StringBuilder sb = new StringBuilder();
        if (file != null && !file.isEmpty()) {
            sb.append(file).append(": ");
        }
        if (pointer != null && !pointer.isEmpty()) {
            sb.append(pointer).append(": ");
        }
        // Keep the promise of one line even if a problem text (e.g. from an IOException) carries a line break.
        return sb.append(problem.replaceAll("\\s*\\R\\s*", " ")).toString();
    }
}
