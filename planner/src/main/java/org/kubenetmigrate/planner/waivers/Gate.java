package org.kubenetmigrate.planner.waivers;

import org.kubenetmigrate.planner.assessment.ClusterAssessment;
import org.kubenetmigrate.planner.assessment.FleetAssessment;
import org.kubenetmigrate.planner.model.InputMetadata;
import org.kubenetmigrate.planner.rules.Finding;
import org.kubenetmigrate.planner.rules.Severity;
import org.kubenetmigrate.planner.rules.Unverified;

/** The {@code --fail-on} gate. Pure. */
public final class Gate {
    private Gate() {
    }

    /**
     * True when any cluster has a finding at or above {@code failOn}, or a check that could not run but could have
     * produced one (a CI gate must not pass on missing data), that no waiver in force covers; or when the input is
     * known to lack part of the fleet (a saved page of a longer listing, no managed cluster at all): that is a check
     * that could not run for the whole fleet, and no waiver covers it.
     */
    public static boolean met(FleetAssessment fleet, WaiverReview waivers, Severity failOn, InputMetadata input) {
        return failOn != null && (input.incomplete() || met(fleet, waivers, failOn));
    }

    /** As above, for input known to be complete. */
    public static boolean met(FleetAssessment fleet, WaiverReview waivers, Severity failOn) {
        if (failOn == null) {
            return false;
        }
        for (ClusterAssessment c : fleet.clusters()) {
            if (countsAgainst(c, waivers, failOn)) {
                return true;
            }
        }
        return false;
    }

    /** True when this cluster alone would meet the gate. */
    public static boolean countsAgainst(ClusterAssessment c, WaiverReview waivers, Severity failOn) {
        for (Finding f : c.findings()) {
            if (f.severity().atLeast(failOn) && !waivers.of(c, f).waived()) {
                return true;
            }
        }
        for (Unverified u : c.unverified()) {
            if (u.couldBe().atLeast(failOn) && !waivers.of(c, u).waived()) {
                return true;
            }
        }
        return false;
    }
}
