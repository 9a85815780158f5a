package org.kubenetmigrate.planner.inventory;

/**
 * A live read that cannot produce a snapshot at all: sign-in failed, the scope is empty or unreadable, the cluster
 * to plan for cannot be read. The message is one line for the user and never carries a token or secret.
 */
public final class InventoryException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why the read failed, so the CLI can pick an exit code. */
    public enum Kind {
        /** No credential worked (the user must sign in or give --from). */
        SIGN_IN,
        /** The named cluster does not exist in scope, or the name is ambiguous. */
        NOT_FOUND,
        /** Azure refused or failed. */
        AZURE
    }

    private final Kind kind;

    public InventoryException(Kind kind, String message, Throwable cause) {
        super(message.replaceAll("\\s*\\R\\s*", " "), cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
