package org.kubenetmigrate.executor.state;

/**
 * A conditional write found the state other than expected (someone else wrote first, or the lease is gone).
 * Nothing was written by the refused call.
 */
public final class ConditionFailedException extends Exception {
    private static final long serialVersionUID = 1L;

    public ConditionFailedException(String message) {
        super(message);
    }
}
