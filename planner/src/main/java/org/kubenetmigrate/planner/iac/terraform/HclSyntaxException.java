package org.kubenetmigrate.planner.iac.terraform;

/** HCL that does not parse; {@code line} is 1-based. */
public final class HclSyntaxException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int line;

    HclSyntaxException(int line, String problem) {
        super(problem);
        this.line = line;
    }

    public int line() {
        return line;
    }
}
