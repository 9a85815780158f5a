package org.kubenetmigrate.planner.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.kubenetmigrate.planner.assessment.ClusterAssessment;
import org.kubenetmigrate.planner.model.AzureValue;
import org.kubenetmigrate.planner.model.InClusterCheck;
import org.kubenetmigrate.planner.model.InClusterState;
import org.kubenetmigrate.planner.model.InClusterView;
import org.kubenetmigrate.planner.model.ManagedCluster;
import org.kubenetmigrate.planner.model.MigrationOptions;
import org.kubenetmigrate.planner.model.NetworkPolicy;
import org.kubenetmigrate.planner.model.NetworkProfile;
import org.kubenetmigrate.planner.model.RouteTable;
import org.kubenetmigrate.planner.rules.Reimages;
import org.kubenetmigrate.planner.rules.Sources;
import org.kubenetmigrate.planner.sizing.ClusterSizing;
import org.kubenetmigrate.planner.sizing.PodCidrProblem;
import org.kubenetmigrate.planner.sizing.PodCidrSizing;
import org.kubenetmigrate.planner.text.AzCommand;

/**
 * The in-place kubenet → Azure CNI Overlay plan (https://learn.microsoft.com/azure/aks/update-azure-cni): precheck, backup,
 * make the cluster ready (user-assigned identity, network policy off), the one-way plugin update, watch the
 * reimage, then either the Cilium data plane or the original policy engine again, and validate.
 *
 * <p>Every step before {@code update-network-plugin} can be undone; that step is the point of no return and is
 * gated by an approval, as is every change before it.
 */
public final class OverlayPlanner {

    private OverlayPlanner() {
    }

    public static MigrationPlan plan(ClusterAssessment assessment, MigrationOptions options) {
        ManagedCluster cluster = assessment.cluster();
        NetworkProfile network = cluster.network();
        Fingerprint fingerprint = Fingerprints.of(cluster);
        ClusterSteps on = new ClusterSteps(cluster);
        Optional<AzureValue<NetworkPolicy>> engine = network.policyEngine();
        AzureValue<NetworkPolicy> finalEngine = options.ciliumDataplane() ? AzureValue.of(NetworkPolicy.CILIUM)
                : Reimages.restoresEngine(cluster, options) ? engine.orElse(null) : null;

        List<Step> prepare = new ArrayList<>();
        prepare.add(on.precheck(fingerprint, "(Overlay rules)"));
        prepare.add(on.backup(assessment));
        if (options.assignIdentity() != null && !cluster.identity().isUserAssigned()) {
            prepare.add(assignIdentity(cluster, options.assignIdentity(), on));
            prepare.add(settleIdentity(assessment, options.assignIdentity()));
        }
        removeIpMasqConfig(assessment, options).ifPresent(prepare::add);
        // Last in prepare: the policy enforcement gap should start as late as possible.
        engine.ifPresent(e -> prepare.add(disableNetworkPolicy(e, finalEngine, assessment.sizing(), on)));

        List<Stage> stages = new ArrayList<>();
        stages.add(new Stage("prepare", "Prepare", prepare));
        stages.add(new Stage("migrate", "Network plugin update — point of no return",
                List.of(updateNetworkPlugin(assessment, on))));
        stages.add(new Stage("rollout", "Node pool reimage", List.of(observeRollout(assessment.sizing(), on))));
        if (options.ciliumDataplane()) {
            stages.add(new Stage("dataplane", "Cilium data plane", List.of(enableCilium(engine, on))));
        } else if (Reimages.restoresEngine(cluster, options)) {
            stages.add(new Stage("network-policy", "Re-enable network policy",
                    List.of(restoreNetworkPolicy(engine.get(), on))));
        }
        stages.add(new Stage("validate", "Validate", List.of(validate(assessment, options, finalEngine, on))));

        return new MigrationPlan(assessment, fingerprint, PlanStrategy.IN_PLACE_OVERLAY, stages,
                notes(assessment, options));
    }

    static Step assignIdentity(ManagedCluster cluster, String identityId, ClusterSteps on) {
        String original = cluster.identity().type();
        boolean systemAssigned = "SystemAssigned".equalsIgnoreCase(original);
        Step.Builder step = Step.builder(StepId.ASSIGN_IDENTITY, "Assign the user-assigned identity " + lastSegment(identityId))
                .description("The kubenet route table can only be detached by a cluster with a user-assigned managed"
                        + " identity; system-assigned is not supported (" + Sources.UPDATE_AZURE_CNI + "). Switches the control plane identity from "
                        + cluster.identity().describe() + " to " + identityId + ". Grant that identity Network"
                        + " Contributor on the node subnet and its route table before this step."
                        + (systemAssigned ? "" : " Going back from a managed identity to a service principal is not"
                        + " an AKS update (UNCONFIRMED whether it is possible at all); treat this step as one-way."))
                .approval()
                .request(on.update(Bodies.object("identity", Bodies.object(
                        "type", "UserAssigned",
                        "userAssignedIdentities", Bodies.object(identityId, Bodies.object())))))
                .azCli(on.aksUpdate().flag("--enable-managed-identity").arg("--assign-identity", identityId));
        if (systemAssigned) {
            step.compensation(new Compensation("Switch the control plane back to its system-assigned identity",
                    on.update(Bodies.object("identity", Bodies.object(
                            "type", "SystemAssigned",
                            "userAssignedIdentities", null))),
                    on.aksUpdate().flag("--enable-managed-identity").render()));
        } else {
            step.oneWay();
        }
        return step.build();
    }

    /**
     * After a switch to a user-assigned identity the control plane may keep using the old one "for up to several
     * hours" and role assignments "may take up to 60 minutes" to apply: before any later change, the executor
     * confirms the new identity's rights on the node subnets and route tables and waits a settle time.
     */
    static Step settleIdentity(ClusterAssessment assessment, String identityId) {
        List<String> scopes = new ArrayList<>();
        assessment.network().nodeSubnets().keySet().forEach(id -> scopes.add("subnet " + id.name()));
        ClusterSteps.routeTableIds(assessment).forEach(id -> scopes.add("route table " + id.name()));
        return Step.builder(StepId.SETTLE_IDENTITY, "Let the identity " + lastSegment(identityId) + " take effect")
                .description("Read-only. Detaching the kubenet route table is done with the new identity's rights,"
                        + " but control-plane components keep using the old identity \"for up to several hours\""
                        + " until the next token refresh"
                        + " (https://learn.microsoft.com/azure/aks/user-assigned-managed-identity), and permissions"
                        + " granted to it \"may take up to 60 minutes\" to apply"
                        + " (https://learn.microsoft.com/azure/aks/configure-kubenet). The executor reads, through ARM, the role assignments of the identity's principal"
                        + " at the node subnet and route table scopes (inherited ones included) and the actions of"
                        + " their role definitions: it needs Microsoft.Network/virtualNetworks/subnets/join/action,"
                        + " .../subnets/read, .../subnets/write, Microsoft.Network/routeTables/read,"
                        + " .../routeTables/write and .../routeTables/join/action (Network Contributor has them) on "
                        + (scopes.isEmpty() ? "the node subnets and their route table" : String.join(", ", scopes))
                        + ". Then it waits the settle time (default 60 minutes after assign-identity finished;"
                        + " --identity-settle DURATION). A waiting run can be stopped and resumed; status shows when"
                        + " it may go on.")
                .azCli(AzCommand.az("role", "assignment", "list").placeholder("--assignee", "PRINCIPAL_ID")
                        .placeholder("--scope", "SUBNET_OR_ROUTE_TABLE_ID").flag("--include-inherited")
                        .arg("-o", "table"))
                .build();
    }

    /**
     * With {@code --remove-ip-masq-config}: back up and delete the custom ip-masq-agent ConfigMaps, which block the
     * migration. Left out when the in-cluster read found none; kept when nothing was read, since the executor
     * then looks at run time.
     */
    static Optional<Step> removeIpMasqConfig(ClusterAssessment assessment, MigrationOptions options) {
        if (!options.removeIpMasqConfig()) {
            return Optional.empty();
        }
        String found;
        if (assessment.inCluster() instanceof InClusterView.Collected collected) {
            List<String> custom = collected.state().ipMasqConfigMaps().stream()
                    .filter(c -> !c.reconciled()).map(InClusterState.IpMasqConfigMap::name).toList();
            boolean readFailed = !collected.state().gapsFor(InClusterCheck.IP_MASQ_AGENT_CONFIG).isEmpty();
            if (custom.isEmpty() && !readFailed) {
                return Optional.empty();
            }
            found = custom.isEmpty() ? "The ConfigMaps could not be read at planning time; the executor deletes the"
                    + " custom ones it finds." : "Found at planning time: " + custom.stream()
                    .map(n -> "kube-system/" + n).collect(Collectors.joining(", ")) + "; the executor re-reads them"
                    + " and deletes the custom ones it finds then.";
        } else {
            found = "The cluster was not read at planning time; the executor deletes the custom ones it finds.";
        }
        return Optional.of(Step.builder(StepId.REMOVE_IP_MASQ_CONFIG, "Back up and delete the custom ip-masq-agent ConfigMaps")
                .description("AKS rejects the Overlay migration while a custom ip-masq-agent configuration exists in"
                        + " kube-system (release notes 2025-01-30, " + Sources.release("2025-01-30") + "), and custom"
                        + " non-masquerade ranges break pod connectivity on Overlay. Every kube-system ConfigMap whose name contains"
                        + " ip-masq-agent, except AKS's own " + InClusterState.IpMasqConfigMap.RECONCILED_NAME
                        + ", is saved to the run directory (ip-masq-agent/NAME.yaml) and then deleted. " + found
                        + " By hand: kubectl -n kube-system get configmap NAME -o yaml > NAME.yaml && kubectl -n"
                        + " kube-system delete configmap NAME. Needs get, list and delete on configmaps in"
                        + " kube-system.")
                .approval()
                .changesCluster()
                .compensation(new Compensation("Re-create the ConfigMaps from the backup in the run directory"
                        + " (kubectl apply -f ip-masq-agent/NAME.yaml)", null, null))
                .build());
    }

    static Step disableNetworkPolicy(AzureValue<NetworkPolicy> engine, AzureValue<NetworkPolicy> finalEngine,
                                     ClusterSizing sizing, ClusterSteps on) {
        String until = finalEngine == null ? "a policy engine is enabled again, which this plan does not do"
                + " (dual-stack Overlay supports neither Calico nor Azure NPM; only Cilium can enforce policies there)"
                : (finalEngine.is(NetworkPolicy.CILIUM) ? "Cilium is enabled (enable-cilium) and every node has been reimaged"
                : engine + " is re-enabled after the rollout (restore-network-policy)");
        return Step.builder(StepId.DISABLE_NETWORK_POLICY, "Disable the " + engine + " network policy engine")
                .description("The Overlay update is rejected while a network policy engine is enabled ("
                        + Sources.UPDATE_AZURE_CNI + "; kubenet + Calico blocked since the release of 2023-11-28)."
                        + " The uninstall itself REIMAGES EVERY NODE (" + Sources.NODE_DISRUPTION_POLICY + " lists "
                        + engine + " → None as reimaging): a full drain and surge cycle like the plugin update, up"
                        + " to " + sizing.surgeNodes() + " surge nodes at once, so disruption budgets, surge quota"
                        + " and node subnet room matter here too. ENFORCEMENT GAP: NetworkPolicies are not enforced"
                        + " from here until " + until + ", i.e. across every reimage in between. The engine's CRDs"
                        + " and custom resources stay in the cluster (" + Sources.NETWORK_POLICIES + "). AKS rejects"
                        + " the uninstall below Kubernetes 1.30 (release notes 2026-05-29).")
                .approval()
                .request(on.update(Bodies.networkProfile("networkPolicy", "none")))
                .azCli(on.aksUpdate().arg("--network-policy", "none"))
                .compensation(new Compensation("Re-enable " + engine + " (networkPolicy " + engine + ")",
                        on.update(Bodies.networkProfile("networkPolicy", engine.text())),
                        on.aksUpdate().arg("--network-policy", engine.text()).render()))
                .build();
    }

    static Step updateNetworkPlugin(ClusterAssessment assessment, ClusterSteps on) {
        PodCidrSizing podCidr = assessment.sizing().podCidr();
        boolean changes = podCidr.changes();
        String cidrText = changes
                ? "The pod CIDR changes from " + text(podCidr.current()) + " to " + podCidr.proposed() + "."
                : "The pod CIDR stays " + text(podCidr.current()) + " (podCidr is not sent; the RP keeps it).";
        AzCommand overlay = on.aksUpdate().arg("--network-plugin", "azure").arg("--network-plugin-mode", "overlay");
        return Step.builder(StepId.UPDATE_NETWORK_PLUGIN, "Update the network plugin to Azure CNI Overlay")
                .description("ONE-WAY: an Overlay update cannot be undone and there is no path back to kubenet ("
                        + Sources.UPDATE_AZURE_CNI + ", https://github.com/Azure/AKS/issues/3720). Every node pool"
                        + " is reimaged at once; there is no per-pool control."
                        + " " + routeTableEffect(assessment) + " " + cidrText
                        + (changes ? " podCidrs is left as read, as az aks update does (whether the RP needs it"
                        + " consistent with podCidr is UNCONFIRMED)." : "")
                        + " Approve only after the steps before it succeeded; NSG rules must allow the "
                        + (changes ? "new " : "") + "pod CIDR (" + Sources.OVERLAY_CONCEPTS + ").")
                .pointOfNoReturn()
                .approval()
                .request(on.update(Bodies.networkProfile(
                        "networkPlugin", "azure",
                        "networkPluginMode", "overlay",
                        "podCidr", changes ? podCidr.proposed().toString() : Bodies.OMIT)))
                .azCli(changes ? overlay.arg("--pod-cidr", podCidr.proposed().toString()) : overlay)
                .build();
    }

    private static String routeTableEffect(ClusterAssessment assessment) {
        ManagedCluster cluster = assessment.cluster();
        List<RouteTable> tables = assessment.network().routeTables();
        if (tables.isEmpty()) {
            return assessment.network().managedVnet()
                    ? "The AKS-managed route table in node resource group " + cluster.nodeResourceGroup()
                    + " is deleted."
                    : "The node subnets' route table (managed: deleted; your own: its kubenet pod routes are removed)"
                    + " is not in the input.";
        }
        List<String> effects = new ArrayList<>();
        for (RouteTable table : tables) {
            boolean managed = cluster.nodeResourceGroup() != null
                    && cluster.nodeResourceGroup().equalsIgnoreCase(table.resourceGroup());
            boolean defaultRoute = table.routes().stream().anyMatch(r -> r.isDefaultRoute());
            effects.add(managed
                    ? "The AKS-managed route table " + table.name() + " is deleted."
                    : "The kubenet pod routes are removed from your route table " + table.name() + "."
                    + (defaultRoute ? " It also carries a 0.0.0.0/0 route: " + Sources.UPDATE_AZURE_CNI + " says"
                    + " only pod routes are deleted but also that the route table needs to be detached, so whether"
                    + " the egress route survives is UNCONFIRMED; validate checks it, and the backup has the table."
                    : ""));
        }
        return String.join(" ", effects);
    }

    static Step observeRollout(ClusterSizing sizing, ClusterSteps on) {
        String pools = sizing.pools().stream()
                .map(p -> p.pool() + " (max " + p.maxNodes() + ", surge " + p.surgeNodes() + ")")
                .collect(Collectors.joining(", "));
        return Step.builder(StepId.OBSERVE_ROLLOUT, "Watch the node pools reimage")
                .description("Read-only: poll the agent pools until every one reports provisioningState Succeeded;"
                        + " the rollout is the resource provider's, the executor only watches. Pools: " + pools
                        + "; up to " + sizing.maxNodes() + " nodes plus " + sizing.surgeNodes() + " surge nodes at"
                        + " once. Likely stall causes: PodDisruptionBudgets that block draining (UpgradeFailed ... would"
                        + " violate the pod's disruption budget), surge capacity or quota (SKUNotAvailable,"
                        + " AllocationFailed, OverconstrainedAllocationRequest), a full node subnet (SubnetIsFull)."
                        + " Provisioning state alone does not prove every node was reimaged (release notes"
                        + " 2024-08-05): check"
                        + " kubectl get nnc -A lists every node.")
                .request(ArmRequest.get(on.path() + "/agentPools", ApiVersions.AKS))
                .azCli(on.nodepoolList().arg("-o", "table"))
                .build();
    }

    static Step enableCilium(Optional<AzureValue<NetworkPolicy>> engine, ClusterSteps on) {
        String policies = engine.isPresent()
                ? "This ends the enforcement gap that began at disable-network-policy; Cilium enforces"
                + " NetworkPolicies only after every node is reimaged (" + Sources.UPDATE_AZURE_CNI + ")."
                : "The cluster had no policy engine, so its NetworkPolicy objects were not enforced; Cilium starts"
                + " enforcing them once every node is reimaged — review them first, they may block traffic.";
        return Step.builder(StepId.ENABLE_CILIUM, "Switch the data plane to Cilium")
                .description("A separate update after Overlay: IPAM and data plane cannot change in one operation"
                        + " (" + Sources.UPDATE_AZURE_CNI + "). networkPolicy cilium is sent too because the RP"
                        + " rejects the Cilium data plane without it (\"Cilium dataplane requires network policy"
                        + " cilium\", https://github.com/MicrosoftDocs/azure-aks-docs/issues/264). Every node is"
                        + " reimaged again (" + Sources.NODE_DISRUPTION_POLICY + "): disruption budgets, surge quota and"
                        + " node subnet room matter as for the plugin update. Cilium limits: " + Sources.CILIUM + ". Not supported with Windows pools; disable Node Auto-Provisioning first. " + policies
                        + " UNCONFIRMED whether it can be reverted; treat as one-way.")
                .oneWay()
                .approval()
                .request(on.update(Bodies.networkProfile("networkDataplane", "cilium", "networkPolicy", "cilium")))
                .azCli(on.aksUpdate().arg("--network-dataplane", "cilium").arg("--network-policy", "cilium"))
                .build();
    }

    static Step restoreNetworkPolicy(AzureValue<NetworkPolicy> engine, ClusterSteps on) {
        String caveat = switch (engine.kind()) {
            case CALICO -> " After it, check that the calico-system and tigera-operator pods were created; in some"
                    + " reports they were not (https://github.com/Azure/AKS/issues/3845).";
            case AZURE -> " Azure Network Policy Manager retires on 2028-09-30 on Linux (" + Sources.NETWORK_POLICIES + "); consider the Cilium"
                    + " data plane instead.";
            default -> "";
        };
        return Step.builder(StepId.RESTORE_NETWORK_POLICY, "Re-enable the " + engine + " network policy engine")
                .description("Re-installs " + engine + ", ending the enforcement gap that began at"
                        + " disable-network-policy. No approval gate: the sooner policies are enforced again, the"
                        + " better. The install REIMAGES EVERY NODE again (None → " + engine + " is reimaging, "
                        + Sources.NODE_DISRUPTION_POLICY + "): disruption budgets, surge quota and node subnet room"
                        + " matter as for the plugin update." + caveat)
                .request(on.update(Bodies.networkProfile("networkPolicy", engine.text())))
                .azCli(on.aksUpdate().arg("--network-policy", engine.text()))
                .build();
    }

    static Step validate(ClusterAssessment assessment, MigrationOptions options, AzureValue<NetworkPolicy> finalEngine,
                         ClusterSteps on) {
        PodCidrSizing podCidr = assessment.sizing().podCidr();
        String expectedCidr = podCidr.changes() ? podCidr.proposed().toString() : text(podCidr.current());
        List<String> checks = new ArrayList<>();
        checks.add("networkPlugin azure, networkPluginMode overlay");
        checks.add("podCidr " + expectedCidr);
        checks.add("networkPolicy " + (finalEngine == null ? "none" : finalEngine)
                + (options.ciliumDataplane() ? ", networkDataplane cilium" : ""));
        checks.add("the cluster and every agent pool provisioningState Succeeded");
        checks.add(assessment.network().managedVnet() ? "the AKS-managed route table deleted"
                : "kubenet pod routes gone from the node subnets' route table (a managed one deleted)");
        boolean hadDefaultRoute = assessment.network().routeTables().stream()
                .flatMap(t -> t.routes().stream()).anyMatch(r -> r.isDefaultRoute());
        if (hadDefaultRoute) {
            checks.add("the 0.0.0.0/0 route is still there (it was before)");
        }
        checks.add("kubectl get nnc -A lists every node");
        checks.add("inside the cluster: every node Ready with its spec.podCIDR(s) inside " + expectedCidr
                + ", a NodeNetworkConfig per node, kube-system pods Running and Ready, CoreDNS available"
                + " (optionally a probe: DNS and pod-to-pod traffic across two nodes)");
        return Step.builder(StepId.VALIDATE, "Validate the result")
                .description("Read-only: read the cluster, its agent pools and route tables and check: "
                        + String.join("; ", checks) + ".")
                .request(on.get())
                .azCli(on.aks("show").arg("--query", "networkProfile").arg("-o", "json"))
                .build();
    }

    static List<String> notes(ClusterAssessment assessment, MigrationOptions options) {
        ManagedCluster cluster = assessment.cluster();
        List<String> notes = new ArrayList<>();
        notes.add("Point of no return: update-network-plugin. Every step before it can be undone (compensations run"
                + " in reverse order); after it the only way is forward — there is no rollback to kubenet (" + Sources.UPDATE_AZURE_CNI + ").");
        notes.add("iac-drift: after apply, change the cluster's Terraform/Bicep to match (network_plugin \"azure\","
                + " network_plugin_mode \"overlay\""
                + (assessment.sizing().podCidr().changes() ? ", pod_cidr " + assessment.sizing().podCidr().proposed() : "")
                + (options.ciliumDataplane() ? ", network_data_plane/network_policy \"cilium\"" : "")
                + "). azurerm releases without hashicorp/terraform-provider-azurerm#30959 (before 4.66.0) plan a REPLACEMENT of the"
                + " cluster for this change (" + Sources.TERRAFORM_REPLACEMENT_ISSUE + "): run terraform plan and accept only an in-place update, else refresh"
                + " or re-import the state. plan --iac DIR adds the exact change to your code as a last step.");
        notes.add(podCidrNote(assessment.sizing().podCidr()));
        notes.add(inClusterNote(assessment.inCluster()));
        if (cluster.network().isDualStack() && cluster.network().policyEngine().isPresent()
                && !options.ciliumDataplane()) {
            notes.add("dual-stack: this plan does not re-enable " + cluster.network().policyEngine().get()
                    + " after the update, because dual-stack Overlay supports neither Calico nor Azure network"
                    + " policies (" + Sources.CONFIGURE_OVERLAY + "); re-plan with --dataplane cilium to keep policies"
                    + " enforced.");
        }
        if (!cluster.identity().isUserAssigned() && options.assignIdentity() == null) {
            notes.add("identity: the cluster uses " + cluster.identity().describe() + "; detaching the kubenet route"
                    + " table needs a user-assigned identity (" + Sources.UPDATE_AZURE_CNI + "). Re-plan with --assign-identity <identity id>.");
        }
        return notes;
    }

    static String inClusterNote(InClusterView view) {
        if (view instanceof InClusterView.Collected collected) {
            InClusterState state = collected.state();
            return "in-cluster: read from " + state.source() + " at " + state.collectedAt()
                    + (state.gaps().isEmpty() ? "." : "; " + state.gaps().size() + " reads failed (see unverified).");
        }
        if (view instanceof InClusterView.Unavailable unavailable) {
            return "in-cluster: could not read the cluster: " + unavailable.reason();
        }
        return "in-cluster: not checked (" + String.join(", ", InClusterCheck.ALL) + " need the Kubernetes API);"
                + " re-plan with --kubeconfig FILE [--context NAME] to run these read-only checks.";
    }

    static String podCidrNote(PodCidrSizing sizing) {
        String capacity = " (" + sizing.proposedCapacityNodes() + " nodes at one /24 each; " + sizing.requiredNodes()
                + " needed at once)";
        String why = switch (sizing.choice()) {
            case KEEP_CURRENT -> "pod CIDR: keep " + sizing.current() + capacity + ": it is valid and large enough,"
                    + " the least change.";
            case REQUESTED -> "pod CIDR: " + sizing.proposed() + capacity + " as requested with --pod-cidr"
                    + (sizing.current() == null ? "." : " (instead of " + sizing.current() + ").");
            case PROPOSED -> "pod CIDR: proposing " + sizing.proposed() + capacity + " because "
                    + (sizing.current() == null ? "the cluster reports none"
                    : "the current " + sizing.current() + " cannot be kept: " + problems(sizing.currentProblems()))
                    + ". It leaves room to grow, since an Overlay pod CIDR can later only be expanded (https://learn.microsoft.com/azure/aks/azure-cni-overlay-pod-expand).";
            case NONE -> "pod CIDR: no usable pod CIDR was found"
                    + (sizing.requestedProblems().stream().noneMatch(PodCidrProblem::forcesChange) ? ""
                    : "; the requested one cannot be used: " + problems(sizing.requestedProblems()))
                    + (sizing.currentProblems().stream().noneMatch(PodCidrProblem::forcesChange) ? ""
                    : "; the current " + sizing.current() + " cannot be kept: " + problems(sizing.currentProblems()))
                    + ". The update step keeps the current one, which is expected to fail; choose one with --pod-cidr.";
        };
        return sizing.complete() ? why : why + " Not every range it must avoid was known (the VNet was not in the"
                + " input): check it against your VNet, peerings and on-premises ranges.";
    }

    private static String problems(List<PodCidrProblem> problems) {
        return problems.stream().filter(PodCidrProblem::forcesChange).map(PodCidrProblem::detail).collect(Collectors.joining("; "));
    }

    private static String text(Object value) {
        return value == null ? "(unknown)" : value.toString();
    }

    private static String lastSegment(String id) {
        int slash = id.lastIndexOf('/');
        return slash < 0 || slash == id.length() - 1 ? id : id.substring(slash + 1);
    }
}
