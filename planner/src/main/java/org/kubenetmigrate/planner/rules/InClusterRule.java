package org.kubenetmigrate.planner.rules;

import java.util.List;
import org.kubenetmigrate.planner.model.InClusterState;
import org.kubenetmigrate.planner.model.InClusterView;

/**
 * What the rules that look inside the cluster share: when in-cluster checks were not requested, silence for the
 * checks that can at most warn, and {@code unverified} for those that could find what Azure rejects (see
 * {@link #couldBeWhenNotRun}); {@code unverified} when they were requested but the data could not be read; and
 * the judgement otherwise, plus an {@code unverified} entry for every read that failed.
 */
abstract class InClusterRule implements Rule {

    @Override
    public final boolean readsInsideTheCluster() {
        return true;
    }

    /**
     * Whether the rule concerns this cluster and plan at all, before looking inside (e.g. the ipBlock check only
     * matters when the plan changes the pod CIDR). A rule that does not apply is not reported as unverified either.
     */
    boolean applies(ClusterContext context) {
        return true;
    }

    /** The most severe finding the rule could produce, for {@code unverified} entries. */
    abstract Severity couldBe(ClusterContext context);

    /**
     * The most severe finding to report as {@code unverified} when in-cluster checks were not run at all, or null to
     * stay silent then. Only checks whose finding Azure itself enforces (the update is rejected) are worth turning
     * an ARM-only report INCOMPLETE for; the others warn about disruption and say nothing without data.
     */
    Severity couldBeWhenNotRun(ClusterContext context) {
        return null;
    }

    /** Why the check could not run when nobody asked for in-cluster checks; names how to run them. */
    static String notRunReason(String what) {
        return "in-cluster checks were not run, and only a read inside the cluster shows " + what + NOT_RUN_HINT;
    }

    /** How to run in-cluster checks, appended to every not-run reason so a reader sees it beside the gap. */
    static final String NOT_RUN_HINT = " (run with --in-cluster: with --kubeconfig FILE, or reading Azure live"
            + " without --from so that access goes through ARM)";

    /** Judges what was read; lists may be empty where a read failed (the gaps are reported by the caller). */
    abstract RuleOutcome judge(ClusterContext context, InClusterState state);

    @Override
    public final RuleOutcome evaluate(ClusterContext context) {
        if (!applies(context)) {
            return RuleOutcome.pass();
        }
        InClusterView view = context.inCluster();
        if (view instanceof InClusterView.Unavailable unavailable) {
            return RuleOutcome.unverified(unverified(unavailable.reason(), couldBe(context)));
        }
        if (!(view instanceof InClusterView.Collected collected)) {
            Severity notRun = couldBeWhenNotRun(context);
            return notRun == null ? RuleOutcome.pass() : RuleOutcome.unverified(unverified(notRunReason(), notRun));
        }
        RuleOutcome outcome = judge(context, collected.state());
        for (InClusterState.AccessGap gap : collected.state().gapsFor(id())) {
            outcome = outcome.plus(RuleOutcome.unverified(unverified(gap.reason(), couldBe(context))));
        }
        return outcome;
    }

    /** The reason given when in-cluster checks were not run, for rules that report it (see couldBeWhenNotRun). */
    String notRunReason() {
        return notRunReason("what this check looks for");
    }

    /** "a, b, c and 4 more": long lists stay readable in a table cell. */
    static String listed(List<String> items, int max) {
        if (items.size() <= max) {
            return String.join(", ", items);
        }
        return String.join(", ", items.subList(0, max)) + " and " + (items.size() - max) + " more";
    }
}
