package org.kubenetmigrate.planner.planfile;

import java.util.List;
import java.util.Objects;
import org.kubenetmigrate.planner.model.AzureValue;
import org.kubenetmigrate.planner.model.Dataplane;
import org.kubenetmigrate.planner.model.NetworkPolicy;
import org.kubenetmigrate.planner.plan.Fingerprint;
import org.kubenetmigrate.planner.plan.Stage;
import org.kubenetmigrate.planner.plan.Step;

/**
 * A plan file as {@link PlanCodec} reads it: the planner's own {@link Stage}/{@link Step}/{@code ArmRequest}
 * records plus the cluster facts the file records. Decoding checks types and required fields only; what the
 * executor accepts to run is its own decision.
 *
 * @param schemaVersion the file's {@code schemaVersion}
 * @param clusterId the managed cluster's ARM id
 * @param clusterName the cluster's name
 * @param resourceGroup the cluster's resource group
 * @param strategy the plan's strategy, e.g. {@code in-place-overlay}
 * @param fingerprint what the plan saw of the cluster
 * @param readiness the readiness verdict when the plan was made, or null
 * @param original the cluster's network as planned from
 * @param target the network the plan ends with
 * @param stages the stages in order
 */
public record PlanDocument(int schemaVersion, String clusterId, String clusterName, String resourceGroup,
                           String strategy, Fingerprint fingerprint, String readiness, Network original,
                           Network target, List<Stage> stages) {

    public PlanDocument {
        Objects.requireNonNull(clusterId, "clusterId");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(original, "original");
        Objects.requireNonNull(target, "target");
        stages = List.copyOf(stages);
    }

    /** Network settings compared with live state; null members mean "none" or unknown. */
    public record Network(String podCidr, AzureValue<NetworkPolicy> networkPolicy, AzureValue<Dataplane> dataplane) {

        /** The policy engine in effect, or null when none ({@code none} or absent). */
        public AzureValue<NetworkPolicy> policyEngine() {
            return networkPolicy == null || networkPolicy.is(NetworkPolicy.NONE) ? null : networkPolicy;
        }

        /** True when the network is (or ends) on the Cilium data plane. */
        public boolean cilium() {
            return AzureValue.is(dataplane, Dataplane.CILIUM);
        }
    }

    public List<Step> steps() {
        return stages.stream().flatMap(s -> s.steps().stream()).toList();
    }
}
