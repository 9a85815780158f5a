package org.kubenetmigrate.planner.sizing;

import java.util.List;
import org.kubenetmigrate.planner.cidr.IpPrefix;

/**
 * The Overlay pod CIDR decision for one cluster.
 *
 * @param current the cluster's IPv4 pod CIDR today (null if Azure's JSON did not carry one)
 * @param currentCapacityNodes how many nodes {@code current} can hold at one /24 each
 * @param currentProblems why {@code current} cannot be kept (empty when it can)
 * @param proposed the pod CIDR the plan will use: the current one when it can be kept, the requested one when
 *                 the user chose one and it is valid, else a proposal; null when none could be found
 * @param proposedCapacityNodes how many nodes {@code proposed} can hold
 * @param choice how {@code proposed} was chosen
 * @param requestedProblems why the requested pod CIDR cannot be used (empty when none was requested or it is fine)
 * @param requiredNodes max nodes plus surge nodes: the /24 blocks the Overlay update needs at once
 * @param complete false when ranges the choice must avoid were not known (e.g. the VNet was not in the input)
 */
public record PodCidrSizing(
        IpPrefix current,
        long currentCapacityNodes,
        List<PodCidrProblem> currentProblems,
        IpPrefix proposed,
        long proposedCapacityNodes,
        Choice choice,
        List<PodCidrProblem> requestedProblems,
        int requiredNodes,
        boolean complete) {

    public PodCidrSizing {
        currentProblems = List.copyOf(currentProblems);
        requestedProblems = List.copyOf(requestedProblems);
    }

    public enum Choice {
        /** Keep the current pod CIDR: the least change. */
        KEEP_CURRENT,
        /** Use the one the user passed with --pod-cidr. */
        REQUESTED,
        /** The planner proposed one. */
        PROPOSED,
        /** Nothing usable was found. */
        NONE
    }

    /** True when the plan changes the pod CIDR. */
    public boolean changes() {
        return proposed != null && !proposed.equals(current);
    }
}
