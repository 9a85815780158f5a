package org.kubenetmigrate.executor.rollout;

/** A run by hand is refused because another run holds the member's lease or its cluster's lock (exit code 7). */
public final class HeldException extends Exception {
    private static final long serialVersionUID = 1L;

    public HeldException(String message) {
        super(message);
    }
}
