package org.kubenetmigrate.planner.rules;

/**
 * A check that could not run, and why.
 *
 * @param check the rule id
 * @param reason what was missing
 * @param couldBe the most severe finding the check could have produced; a BLOCKER or ACTION that could not be
 *                checked keeps the cluster from being READY
 */
public record Unverified(String check, String reason, Severity couldBe) {
}
