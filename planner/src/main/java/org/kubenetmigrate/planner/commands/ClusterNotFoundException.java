package org.kubenetmigrate.planner.commands;

/** The cluster the user named is not in the input, or the name is ambiguous. The message says which and why. */
public final class ClusterNotFoundException extends Exception {
    private static final long serialVersionUID = 1L;

    public ClusterNotFoundException(String message) {
        super(message);
    }
}
