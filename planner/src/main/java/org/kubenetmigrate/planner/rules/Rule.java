package org.kubenetmigrate.planner.rules;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.kubenetmigrate.planner.model.TargetIpam;

/**
 * A readiness rule: one class per rule id, registered in {@link RuleCatalogue}. Rules are pure functions of the
 * {@link ClusterContext}; they never do I/O. A rule that lacks the data it needs returns an {@link Unverified}
 * entry rather than passing.
 */
public interface Rule {

    /** The stable rule id, as printed in reports and used in waivers. */
    String id();

    /** The main source the rule rests on, a URL a reader can open; every finding carries it. */
    String reference();

    /** Every source the rule rests on, main one first; for the rule reference. */
    default List<String> sources() {
        return List.of(reference());
    }

    /**
     * What the rule checks, in one sentence, for the rule reference ({@code docs/reference/rules.md}). Every rule in
     * the catalogue must have one; a test says which does not.
     */
    default String description() {
        return null;
    }

    /** Every severity this rule can give, most severe first; for the rule reference. */
    default Set<Severity> severities() {
        return EnumSet.noneOf(Severity.class);
    }

    /**
     * The targets this rule concerns. Most rules guard the in-place Overlay update and say nothing about a new Pod
     * Subnet cluster, so that is the default; rules about both (or only the new cluster) say so.
     */
    default Set<TargetIpam> targets() {
        return OverlayOnly.TARGETS;
    }

    /**
     * True for rules that judge what is read inside the cluster through the Kubernetes API; they run only when
     * in-cluster checks were asked for, so a report without them must not claim to have checked them.
     */
    default boolean readsInsideTheCluster() {
        return false;
    }

    /** Only called for kubenet clusters; the assessor skips the rules for clusters already off kubenet. */
    RuleOutcome evaluate(ClusterContext context);

    default Finding finding(Severity severity, String message, String remediation) {
        return new Finding(id(), severity, message, remediation, reference());
    }

    default Unverified unverified(String reason, Severity couldBe) {
        return new Unverified(id(), reason, couldBe);
    }

    /**
     * Unverified because the input holds no data of {@code type} where it is needed; null {@code notInInput} when
     * a read failed instead, or the data is there but does not settle the check.
     */
    default Unverified unverified(String reason, Severity couldBe, org.kubenetmigrate.planner.model.SurroundingType notInInput) {
        return new Unverified(id(), reason, couldBe, notInInput);
    }
}
