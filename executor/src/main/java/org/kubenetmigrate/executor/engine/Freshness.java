package org.kubenetmigrate.executor.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.kubenetmigrate.executor.azure.ObservedCluster;
import org.kubenetmigrate.executor.plan.ExecutablePlan;
import org.kubenetmigrate.executor.plan.PreviousReleasePlan;
import org.kubenetmigrate.planner.model.ManagedCluster;
import org.kubenetmigrate.planner.plan.Fingerprint;
import org.kubenetmigrate.planner.plan.Fingerprints;
import org.kubenetmigrate.planner.text.AzCommand;

/**
 * The stale-plan guard (Terraform's "saved plan is stale"): the executor only changes a cluster that is still the
 * one the plan was made from. Before the first change the live cluster must match the plan's fingerprint (the hash
 * of the properties the plan depends on, computed by the planner's own {@link Fingerprints}; not the ETag, which
 * every write changes, the autoscaler's included, and which protects each write through its If-Match); before
 * a later change — up to the point of no return — it must match the run's backup with the run's own completed
 * changes applied, so that the run's changes are expected and anybody else's are not.
 */
public final class Freshness {
    private Freshness() {
    }

    /** Refuses when the live cluster is not the one the plan was made from. */
    public static void checkAgainstPlan(ExecutablePlan plan, ObservedCluster live) throws StepStop {
        Fingerprint planned = plan.fingerprint();
        // A plan of the previous release hashed other properties (fingerprint format 1: the raw pool count the
        // autoscaler moves, provisioning and power state), which this release does not recompute. Rather than
        // guess that the cluster is unchanged, no first change is made from such a plan: a run that has made none
        // loses nothing by re-planning. A run that has made changes is never judged by this fingerprint: up to the
        // point of no return it is held to its own backup with its own changes applied (checkAgainstExpected, the
        // same check as for any run), and after the point of no return it only goes forward or is reconciled.
        if (PreviousReleasePlan.wrote(planned)) {
            throw StepStop.stale("plan " + plan.shortId() + " was made by the previous release, whose fingerprint"
                            + " this version cannot check against cluster " + plan.clusterName(),
                    "Make a new plan from the live cluster with this version and apply that.",
                    "Nothing was sent for this step.");
        }
        Fingerprint now = Fingerprints.of(LiveModel.cluster(live));
        List<String> changes = new ArrayList<>();
        if (!now.propertiesHash().equals(planned.propertiesHash())) {
            changes.add("properties the plan depends on changed (" + planned.propertiesHash().substring(0, 19)
                    + "… now " + now.propertiesHash().substring(0, 19) + "…)");
        }
        if (!changes.isEmpty()) {
            throw stale(plan, "plan " + plan.shortId() + " is stale: cluster " + plan.clusterName()
                    + " changed since the plan was made: " + String.join("; ", changes));
        }
    }

    /**
     * Refuses when the live cluster differs from {@code expected} (the backup with the run's completed changes
     * applied) in a property the plan depends on.
     */
    public static void checkAgainstExpected(ExecutablePlan plan, JsonNode expected, ObservedCluster live)
            throws StepStop {
        ManagedCluster want = LiveModel.cluster(LiveModel.normalized(expected), "expected state");
        ManagedCluster have = LiveModel.cluster(LiveModel.normalized(live.json()), "live GET " + live.id());
        String wantText = Fingerprints.canonicalText(want);
        String haveText = Fingerprints.canonicalText(have);
        if (wantText.equals(haveText)) {
            return;
        }
        Set<String> wantLines = new LinkedHashSet<>(wantText.lines().toList());
        List<String> differences = new ArrayList<>();
        for (String line : haveText.lines().toList()) {
            if (!wantLines.contains(line)) {
                differences.add(line);
            }
        }
        List<String> shown = differences.subList(0, Math.min(5, differences.size()));
        throw stale(plan, "cluster " + plan.clusterName() + " changed during the run, outside it: now "
                + String.join(", ", shown) + (differences.size() > shown.size() ? ", …" : ""));
    }

    private static StepStop stale(ExecutablePlan plan, String problem) {
        return StepStop.stale(problem,
                "Find out who changed the cluster (" + AzCommand.az("monitor", "activity-log", "list")
                        .arg("--resource-id", plan.clusterId()).arg("--offset", "1d") + "), then make a new plan from the live cluster and apply that.",
                "Nothing was sent for this step.");
    }
}
