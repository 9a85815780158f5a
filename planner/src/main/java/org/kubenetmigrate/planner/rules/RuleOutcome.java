package org.kubenetmigrate.planner.rules;

import java.util.ArrayList;
import java.util.List;

/** What one rule produced for one cluster: findings, or the reasons it could not check. */
public record RuleOutcome(List<Finding> findings, List<Unverified> unverified) {

    private static final RuleOutcome PASS = new RuleOutcome(List.of(), List.of());

    public RuleOutcome {
        findings = List.copyOf(findings);
        unverified = List.copyOf(unverified);
    }

    public static RuleOutcome pass() {
        return PASS;
    }

    public static RuleOutcome of(Finding finding) {
        return new RuleOutcome(List.of(finding), List.of());
    }

    public static RuleOutcome unverified(Unverified unverified) {
        return new RuleOutcome(List.of(), List.of(unverified));
    }

    public RuleOutcome plus(RuleOutcome other) {
        List<Finding> f = new ArrayList<>(findings);
        f.addAll(other.findings);
        List<Unverified> u = new ArrayList<>(unverified);
        u.addAll(other.unverified);
        return new RuleOutcome(f, u);
    }
}
