package org.kubenetmigrate.planner.rules;

import java.util.Optional;
import org.kubenetmigrate.planner.model.SurroundingType;

/**
 * A check that could not run, and why.
 *
 * @param check the rule id
 * @param reason what was missing
 * @param couldBe the most severe finding the check could have produced; a BLOCKER or ACTION that could not be
 *                checked keeps the cluster from being READY
 * @param notInInput the type of data the input simply does not hold (no export of it, not a read that failed), when
 *                   that is why the check could not run; null otherwise
 */
public record Unverified(String check, String reason, Severity couldBe, SurroundingType notInInput) {

    public Unverified(String check, String reason, Severity couldBe) {
        this(check, reason, couldBe, null);
    }

    /** The data type whose absence from the input (not a refused read) left this check unrun. */
    public Optional<SurroundingType> missingType() {
        return Optional.ofNullable(notInInput);
    }
}
