package org.kubenetmigrate.architecture.planted.planner.model;

import java.util.List;

/** Not a violation: the control that shows the rules do not flag everything in a package. */
public record CleanModel(List<String> names) {
}
