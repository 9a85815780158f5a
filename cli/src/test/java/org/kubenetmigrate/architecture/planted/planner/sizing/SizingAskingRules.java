package org.kubenetmigrate.architecture.planted.planner.sizing;

import org.kubenetmigrate.architecture.planted.planner.rules.RuleAskingSizing;

/** Planted: the other half of the package cycle. */
public final class SizingAskingRules {
    public int maxNodes() {
        return new RuleAskingSizing().hashCode();
    }
}
