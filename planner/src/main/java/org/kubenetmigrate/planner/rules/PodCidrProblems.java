package org.kubenetmigrate.planner.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.kubenetmigrate.planner.model.MigrationOptions;
import org.kubenetmigrate.planner.sizing.PodCidrPlanner;
import org.kubenetmigrate.planner.sizing.PodCidrProblem;
import org.kubenetmigrate.planner.sizing.PodCidrSizing;

/** Message fragments shared by the three pod CIDR rules, so they describe the sizing's decision the same way. */
final class PodCidrProblems {
    private PodCidrProblems() {
    }

    static List<PodCidrProblem> ofKind(List<PodCidrProblem> problems, PodCidrProblem.Kind kind) {
        // A loop, not a stream: three rules ask this for every cluster, and the list is nearly always empty.
        List<PodCidrProblem> ofKind = null;
        for (PodCidrProblem problem : problems) {
            if (problem.kind() == kind) {
                if (ofKind == null) {
                    ofKind = new ArrayList<>();
                }
                ofKind.add(problem);
            }
        }
        return ofKind == null ? List.of() : List.copyOf(ofKind);
    }

    /** The problems' details joined, e.g. "overlaps reserved range 172.30.0.0/16; overlaps reserved range ...". */
    static String details(List<PodCidrProblem> problems) {
        return problems.stream().map(PodCidrProblem::detail).collect(Collectors.joining("; "));
    }

    /** Where the plan moves the pods, with how that range was chosen. Only for a non-null {@code proposed}. */
    static String target(PodCidrSizing pod) {
        String how = pod.choice() == PodCidrSizing.Choice.REQUESTED
                ? "given with --pod-cidr"
                : "proposed by the planner, holds " + pod.proposedCapacityNodes() + " nodes";
        String caveat = pod.complete() ? ""
                : "; chosen without the virtual network's ranges, which are not in the input";
        return pod.proposed() + " (" + how + caveat + ")";
    }

    /** Why the plan has no pod CIDR to move to ({@code proposed} is null). */
    static String noTarget(PodCidrSizing pod, MigrationOptions options) {
        if (options.requestedPodCidr() != null) {
            return "the requested pod CIDR " + options.requestedPodCidr() + " cannot be used either ("
                    + details(pod.requestedProblems().stream().filter(PodCidrProblem::forcesChange).toList()) + ")";
        }
        return "no free range of /" + PodCidrPlanner.minimumLengthFor(pod.requiredNodes()) + " or larger was found"
                + " clear of the virtual network, peerings, service CIDR, --avoid and reserved ranges";
    }

    /** The shortest prefix length a pod CIDR for this cluster may have. */
    static int minimumLength(PodCidrSizing pod) {
        return PodCidrPlanner.minimumLengthFor(pod.requiredNodes());
    }
}
