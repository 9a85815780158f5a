package org.kubenetmigrate.executor.engine;

/** The cluster is locked by another run; the message names the holder. */
public final class LockHeldException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient LockHolder holder;

    public LockHeldException(LockHolder holder, String message) {
        super(message);
        this.holder = holder;
    }

    /** The holder, or null when the lock could not be read. */
    public LockHolder holder() {
        return holder;
    }
}
