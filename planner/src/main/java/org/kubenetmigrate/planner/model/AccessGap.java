package org.kubenetmigrate.planner.model;

import java.util.Optional;

/**
 * A read that a live inventory could not make: the resource (or a scope holding it: a resource group, a
 * subscription), why, and the action the identity lacks when Azure named one (403). Checks that need a resource
 * under {@code scope} report this reason as unverified instead of "not in the input".
 *
 * @param scope the resource id, or the id of a resource group or subscription covering every resource under it
 * @param reason what went wrong, e.g. "403 AuthorizationFailed"
 * @param missingAction the RBAC action the identity lacks, e.g. {@code Microsoft.Network/routeTables/read}; null
 *                      when the failure was not a permission gap
 */
public record AccessGap(ArmId scope, String reason, String missingAction) {

    /** True when {@code id} is the scope or lies under it (ARM ids compare case-insensitively, by segment). */
    public boolean covers(ArmId id) {
        return scope.value().endsWith("/") ? id.key().startsWith(scope.key()) : id.isOrIsUnder(scope);
    }

    public Optional<String> action() {
        return Optional.ofNullable(missingAction);
    }

    /** The reason as a phrase for an unverified check: what could not be read and why, with the missing action. */
    public String describe(String what) {
        StringBuilder text = new StringBuilder(what).append(" could not be read: ").append(reason);
        if (missingAction != null) {
            text.append(" (the identity lacks ").append(missingAction).append(')');
        }
        return text.toString();
    }
}
