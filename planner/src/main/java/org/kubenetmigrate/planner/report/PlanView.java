package org.kubenetmigrate.planner.report;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.kubenetmigrate.planner.assessment.TargetNetwork;
import org.kubenetmigrate.planner.plan.ArmRequest;
import org.kubenetmigrate.planner.plan.Fingerprint;
import org.kubenetmigrate.planner.plan.MigrationPlan;
import org.kubenetmigrate.planner.plan.PlanStrategy;
import org.kubenetmigrate.planner.plan.Step;
import org.kubenetmigrate.planner.rules.Finding;
import org.kubenetmigrate.planner.rules.Readiness;
import org.kubenetmigrate.planner.rules.Severity;
import org.kubenetmigrate.planner.sizing.ClusterSizing;
import org.kubenetmigrate.planner.sizing.PodCidrSizing;
import org.kubenetmigrate.planner.sizing.PodSubnetSizing;

/** What both renderers show, worded once: the two differ in layout only. */
final class PlanView {
    private PlanView() {
    }

    /** Replaces control characters (line breaks, escape sequences) so input text cannot forge output lines. */
    static String sanitize(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029';
            out.append(control ? ' ' : c);
        }
        return out.toString();
    }

    static List<Finding> blockers(MigrationPlan plan) {
        return plan.assessment().findings().stream().filter(f -> f.severity() == Severity.BLOCKER).toList();
    }

    /** Findings other than blockers, by severity in severity order; severities without findings are left out. */
    static Map<Severity, List<Finding>> otherFindings(MigrationPlan plan) {
        Map<Severity, List<Finding>> bySeverity = new EnumMap<>(Severity.class);
        for (Finding f : plan.assessment().findings()) {
            if (f.severity() != Severity.BLOCKER) {
                bySeverity.computeIfAbsent(f.severity(), s -> new ArrayList<>()).add(f);
            }
        }
        return bySeverity;
    }

    static String target(MigrationPlan plan) {
        TargetNetwork t = plan.assessment().target();
        if (t == null) {
            return "(none)";
        }
        return t.ipam() + (t.podCidr() == null ? "" : ", pod CIDR " + t.podCidr()) + ", network policy "
                + t.networkPolicy() + ", data plane " + t.dataplane();
    }

    static String fingerprint(Fingerprint f) {
        return f.propertiesHash() + " over " + f.properties().size() + " properties, "
                + (f.etag() == null ? "no etag" : "etag " + f.etag());
    }

    static String nodes(MigrationPlan plan) {
        ClusterSizing sizing = plan.assessment().sizing();
        return sizing.maxNodes() + " max + " + sizing.surgeNodes() + " surge = " + sizing.requiredNodes() + " nodes"
                + (plan.strategy() == PlanStrategy.IN_PLACE_OVERLAY
                ? " at once (all pools reimage together)" : "");
    }

    static String readinessHint(Readiness readiness) {
        return switch (readiness) {
            case BLOCKED -> " (do not apply until the blockers below are resolved)";
            case INCOMPLETE -> " (some checks could not run; verify them before apply)";
            default -> "";
        };
    }

    static String podCidr(PodCidrSizing p) {
        String current = p.current() == null ? "(none)" : p.current() + " (" + p.currentCapacityNodes() + " nodes)";
        String proposed = p.proposed() == null ? "(none found)" : p.proposed() + " (" + p.proposedCapacityNodes() + " nodes)";
        String choice = switch (p.choice()) {
            case KEEP_CURRENT -> "keep current";
            case REQUESTED -> "as requested";
            case PROPOSED -> "proposed";
            case NONE -> "no usable pod CIDR";
        };
        return current + " -> " + proposed + ", " + choice + "; " + p.requiredNodes() + " nodes need a /24 each";
    }

    static String podSubnet(PodSubnetSizing s) {
        return "node /" + s.nodeSubnet().prefixLength() + " (" + s.nodeSubnet().formula() + "), pod /"
                + s.dynamicPodSubnet().prefixLength() + " dynamic (" + s.dynamicPodSubnet().formula()
                + "), static block alternative /" + s.staticBlockPodSubnet().prefixLength() + " ("
                + s.staticBlockPodSubnet().formula() + ")"
                + (s.proposedNodeSubnet() == null ? "" : "; proposed node " + s.proposedNodeSubnet())
                + (s.proposedPodSubnet() == null ? "" : ", pod " + s.proposedPodSubnet())
                + (s.noRoomReason() == null ? "" : "; no room: " + s.noRoomReason());
    }

    static List<String> markers(Step step) {
        List<String> markers = new ArrayList<>();
        if (step.requiresApproval()) {
            markers.add("approval");
        }
        markers.add(step.reversible() ? "reversible" : "one-way");
        if (step.manual()) {
            markers.add("manual");
        }
        if (step.changesCluster()) {
            markers.add("changes the cluster");
        } else if (step.request() == null || !step.request().mutating()) {
            if (!step.manual()) {
                markers.add("read-only");
            }
        }
        return markers;
    }

    static String requestLine(ArmRequest request) {
        return request.method() + " " + request.target();
    }

    static String bodyLabel(ArmRequest request) {
        return ArmRequest.MERGE_INTO_CURRENT.equals(request.bodyMode())
                ? "changed fields (merged into the current resource, then PUT whole)"
                : "body";
    }

    static String summary(MigrationPlan plan) {
        List<Step> steps = plan.steps();
        long mutating = steps.stream().filter(Step::mutating).count();
        long approvals = steps.stream().filter(Step::requiresApproval).count();
        String ponr = plan.pointOfNoReturn()
                .map(p -> ", point of no return at step " + (steps.indexOf(p) + 1) + " (" + p.id() + ")")
                .orElse("");
        long inCluster = steps.stream().filter(Step::changesCluster).count();
        return steps.size() + " steps in " + plan.stages().size() + " stages, " + mutating + " change Azure, "
                + (inCluster == 0 ? "" : inCluster + " change objects in the cluster, ")
                + approvals + " need approval" + ponr + ".";
    }
}
