package org.kubenetmigrate.planner.rules;

import java.util.List;
import org.kubenetmigrate.planner.model.InClusterState;
import org.kubenetmigrate.planner.model.InClusterView;

/**
 * What the rules that look inside the cluster share: silence when in-cluster checks were not requested (the
 * default fleet report must not turn every cluster INCOMPLETE), {@code unverified} when they were requested but
 * the data could not be read, and the judgement otherwise, plus an {@code unverified} entry for every read that
 * failed.
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
            return RuleOutcome.pass();
        }
        RuleOutcome outcome = judge(context, collected.state());
        for (InClusterState.AccessGap gap : collected.state().gapsFor(id())) {
            outcome = outcome.plus(RuleOutcome.unverified(unverified(gap.reason(), couldBe(context))));
        }
        return outcome;
    }

    /** "a, b, c and 4 more": long lists stay readable in a table cell. */
    static String listed(List<String> items, int max) {
        if (items.size() <= max) {
            return String.join(", ", items);
        }
        return String.join(", ", items.subList(0, max)) + " and " + (items.size() - max) + " more";
    }
}
