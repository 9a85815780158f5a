package org.kubenetmigrate.planner.input;

import org.kubenetmigrate.planner.model.Fleet;
import org.kubenetmigrate.planner.model.InputMetadata;

/** A fleet read from files, with what the reports say about its origin and age. */
public record FleetInput(Fleet fleet, InputMetadata metadata) {
}
