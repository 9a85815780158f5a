package org.kubenetmigrate.planner.rules;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import org.kubenetmigrate.planner.model.TargetIpam;

/**
 * The targets of a rule that guards only the in-place Overlay update, {@link Rule#targets()}'s default: one shared,
 * unmodifiable set, since the assessor asks every rule for its targets for every cluster of a fleet.
 */
final class OverlayOnly {
    static final Set<TargetIpam> TARGETS = Collections.unmodifiableSet(EnumSet.of(TargetIpam.OVERLAY));

    private OverlayOnly() {
    }
}
