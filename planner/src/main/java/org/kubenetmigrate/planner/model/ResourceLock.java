package org.kubenetmigrate.planner.model;

import java.util.Locale;

/**
 * A management lock ({@code Microsoft.Authorization/locks}). A lock applies to its scope and everything under it:
 * one on a subscription or resource group covers every resource there, one on a resource covers its children.
 *
 * @param scope what the lock is on: the part of its id before {@code /providers/Microsoft.Authorization/locks/}
 * @param level {@code CanNotDelete} or {@code ReadOnly}, as Azure spells it
 */
public record ResourceLock(ArmId id, String name, ArmId scope, String level, String notes, SourceRef source) {

    private static final String MARKER = "/providers/microsoft.authorization/locks/";

    /** The scope a lock id names, or null when the id is not a lock id. */
    public static ArmId scopeOf(ArmId lockId) {
        int at = lockId.key().lastIndexOf(MARKER);
        return at <= 0 ? null : ArmId.of(lockId.value().substring(0, at));
    }

    /** True when this lock applies to {@code target}: the lock sits on it or on a scope above it. */
    public boolean covers(ArmId target) {
        return target.isOrIsUnder(scope);
    }

    /** True when the lock sits on {@code container} or on something inside it, e.g. on a route in a route table. */
    public boolean within(ArmId container) {
        return scope.isOrIsUnder(container);
    }

    public boolean readOnly() {
        return level != null && level.toLowerCase(Locale.ROOT).replace("_", "").equals("readonly");
    }
}
