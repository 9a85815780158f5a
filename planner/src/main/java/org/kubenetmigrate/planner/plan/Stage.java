package org.kubenetmigrate.planner.plan;

import java.util.List;
import java.util.Objects;

/** A named group of steps, run in order. */
public record Stage(String id, String title, List<Step> steps) {
    public Stage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        steps = List.copyOf(steps);
    }
}
