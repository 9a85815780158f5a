package org.kubenetmigrate.planner.plan;

import java.util.Objects;

/**
 * How to undo a step that succeeded, run in reverse order when a later step before the point of no return fails.
 *
 * @param description what undoing does, for a reader
 * @param request the ARM request that undoes it, or null when undoing is done by hand
 * @param azCli the equivalent az command, or null
 */
public record Compensation(String description, ArmRequest request, String azCli) {
    public Compensation {
        Objects.requireNonNull(description, "description");
    }
}
