package org.kubenetmigrate.executor.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kubenetmigrate.planner.plan.ArmRequest;
import org.kubenetmigrate.planner.plan.Fingerprint;
import org.kubenetmigrate.planner.plan.Stage;
import org.kubenetmigrate.planner.plan.Step;
import org.kubenetmigrate.planner.plan.StepId;
import org.kubenetmigrate.planner.planfile.PlanDocument;
import org.kubenetmigrate.planner.text.AzCommand;

/**
 * A plan file written by the previous release, read as this release writes it, so that a run started with it still
 * resumes. That release is recognised by its fingerprint alone: it hashed exactly {@link #FINGERPRINT_PROPERTIES}
 * (fingerprint format 1, with the raw pool {@code count}, provisioning and power state), a list no other release
 * writes. It differs from today's plans in two ways, and only those are read differently; everything else still goes
 * through the {@link SafetyCatalogue} unchanged:
 * <ul>
 *   <li>its first cluster update carries the ETag the plan was made from in {@code If-Match}. That value, and only
 *   that value, is read as {@value ArmRequest#ETAG_OF_READ}: the executor sends the ETag of its own read just before
 *   the write, which is what protects the write; whether the cluster is still the planned one is the freshness
 *   guard's question, not the header's. Any other literal stays refused.</li>
 *   <li>it has no {@code settle-identity}: where it assigns an identity, the executor puts the catalogue's
 *   {@code settle-identity} right after {@code assign-identity}.</li>
 * </ul>
 */
public final class PreviousReleasePlan {
    private static final String POOL = "agentPoolProfiles[]";

    /** The properties the previous release hashed into a plan's fingerprint, in its order. */
    static final List<String> FINGERPRINT_PROPERTIES = List.of(
            "id",
            "properties.kubernetesVersion",
            "properties.currentKubernetesVersion",
            "properties.provisioningState",
            "properties.powerState.code",
            "properties.networkProfile.networkPlugin",
            "properties.networkProfile.networkPluginMode",
            "properties.networkProfile.networkPolicy",
            "properties.networkProfile.networkDataplane",
            "properties.networkProfile.podCidr",
            "properties.networkProfile.podCidrs",
            "properties.networkProfile.serviceCidr",
            "properties.networkProfile.serviceCidrs",
            "properties.networkProfile.dnsServiceIP",
            "properties.networkProfile.outboundType",
            "properties.networkProfile.ipFamilies",
            "identity.type",
            "identity.userAssignedIdentities",
            POOL + ".name",
            POOL + ".type",
            POOL + ".vmSize",
            POOL + ".count",
            POOL + ".enableAutoScaling",
            POOL + ".minCount",
            POOL + ".maxCount",
            POOL + ".upgradeSettings.maxSurge",
            POOL + ".maxPods",
            POOL + ".provisioningState",
            POOL + ".vnetSubnetID");

    private PreviousReleasePlan() {
    }

    /** True when the fingerprint is the previous release's (format 1), which this release cannot recompute. */
    public static boolean wrote(Fingerprint fingerprint) {
        return fingerprint.properties().equals(FINGERPRINT_PROPERTIES);
    }

    /** The plan as this release would read it; a plan of any other release is returned as it is. */
    static PlanDocument asCurrent(PlanDocument plan) {
        if (!wrote(plan.fingerprint())) {
            return plan;
        }
        String plannedEtag = plan.fingerprint().etag();
        boolean settles = plan.steps().stream().anyMatch(s -> StepId.SETTLE_IDENTITY.id().equals(s.id()));
        List<Stage> stages = new ArrayList<>();
        for (Stage stage : plan.stages()) {
            List<Step> steps = new ArrayList<>();
            for (Step step : stage.steps()) {
                steps.add(withEtagOfRead(step, plannedEtag));
                if (!settles && StepId.ASSIGN_IDENTITY.id().equals(step.id())) {
                    steps.add(settleIdentity());
                }
            }
            stages.add(new Stage(stage.id(), stage.title(), steps));
        }
        return new PlanDocument(plan.schemaVersion(), plan.clusterId(), plan.clusterName(), plan.resourceGroup(),
                plan.strategy(), plan.fingerprint(), plan.readiness(), plan.original(), plan.target(), stages);
    }

    /** The step with its own request's If-Match read as the ETag of the read when it is the planned ETag. */
    private static Step withEtagOfRead(Step step, String plannedEtag) {
        ArmRequest request = step.request();
        // The previous release wrote the planned ETag only there, as it was read, and only when the input had one.
        if (request == null || plannedEtag == null || !plannedEtag.equals(request.headers().get("If-Match"))) {
            return step;
        }
        Map<String, String> headers = new LinkedHashMap<>(request.headers());
        headers.put("If-Match", ArmRequest.ETAG_OF_READ);
        ArmRequest read = new ArmRequest(request.method(), request.path(), request.apiVersion(), headers,
                request.body(), request.bodyMode());
        return step.withRequest(read);
    }

    private static Step settleIdentity() {
        return Step.builder(StepId.SETTLE_IDENTITY, "Let the new identity take effect")
                .description("Added by the executor: the plan was made by the previous release, which had no such"
                        + " step. Read-only. The executor confirms, through ARM, that the identity assigned by"
                        + " assign-identity holds the network rights it needs on the node subnets and their route"
                        + " table, then waits the settle time (default 60 minutes after assign-identity finished;"
                        + " --identity-settle DURATION).")
                .azCli(AzCommand.az("role", "assignment", "list").placeholder("--assignee", "PRINCIPAL_ID")
                        .placeholder("--scope", "SUBNET_OR_ROUTE_TABLE_ID").flag("--include-inherited")
                        .arg("-o", "table"))
                .build();
    }
}
