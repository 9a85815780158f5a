package org.kubenetmigrate.architecture.planted.planner.rules;

import org.kubenetmigrate.architecture.planted.planner.input.PlantedReader;

/** Planted: a rule that reads its input itself instead of being given the model. */
public final class RuleReadingTheInput {
    public boolean applies() {
        return new PlantedReader().read().isEmpty();
    }
}
