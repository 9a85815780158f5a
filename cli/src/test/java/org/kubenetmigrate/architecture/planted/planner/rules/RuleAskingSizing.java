package org.kubenetmigrate.architecture.planted.planner.rules;

import org.kubenetmigrate.architecture.planted.planner.sizing.SizingAskingRules;

/** Planted: one half of a package cycle (rules -> sizing -> rules). */
public final class RuleAskingSizing {
    public int nodes(SizingAskingRules sizing) {
        return sizing.maxNodes();
    }
}
