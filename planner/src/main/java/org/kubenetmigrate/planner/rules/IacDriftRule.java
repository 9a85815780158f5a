package org.kubenetmigrate.planner.rules;

import java.util.EnumSet;
import java.util.Set;
import org.kubenetmigrate.planner.model.ManagedCluster;
import org.kubenetmigrate.planner.model.TargetIpam;
import org.kubenetmigrate.planner.sizing.PodCidrSizing;

/**
 * After the update, infrastructure code still describes kubenet: Terraform azurerm before PR #30959 plans a
 * replacement when network_plugin changes (issue #31683). The provider's CHANGELOG-v4.md lists #30959 under 4.66.0
 * (26 March 2026), the first release with the in-place path.
 */
public final class IacDriftRule implements Rule {

    @Override
    public String id() {
        return "iac-drift";
    }

    @Override
    public String reference() {
        return Sources.TERRAFORM_REPLACEMENT_ISSUE;
    }

    /** Applies to the in-place update and to a new Pod Subnet cluster alike. */
    @Override
    public Set<TargetIpam> targets() {
        return EnumSet.allOf(TargetIpam.class);
    }

    @Override
    public RuleOutcome evaluate(ClusterContext context) {
        ManagedCluster cluster = context.cluster();
        PodCidrSizing pod = context.sizing().podCidr();
        String podCidr = pod.proposed() == null ? "<pod-cidr>" : pod.proposed().toString();
        String podCidrChange = pod.changes()
                ? "; the pod CIDR also changes (" + pod.current() + " to " + podCidr + "), and even after #30959 azurerm"
                        + " forces a new cluster when a non-empty pod_cidr changes"
                : "";
        return RuleOutcome.of(finding(Severity.INFO,
                "the update changes the network profile outside your infrastructure code: Terraform azurerm releases"
                        + " without PR #30959 (before 4.66.0, per the provider's CHANGELOG) plan a REPLACEMENT of the"
                        + " cluster when network_plugin changes from kubenet" + podCidrChange,
                "Right after the update set network_plugin = \"azure\", network_plugin_mode = \"overlay\" and pod_cidr"
                        + " = \"" + podCidr + "\" in Terraform (networkPlugin, networkPluginMode, podCidr in"
                        + " Bicep/ARM) for cluster " + cluster.name() + ", and check that terraform plan shows an"
                        + " in-place update, never a replacement, before the next apply; with a provider that still"
                        + " plans a replacement, refresh or re-import the state instead of applying (see "
                        + Sources.TERRAFORM_UPGRADE_PATH_PR + "). 'kubenet-migrate iac' (or plan --iac) writes"
                        + " this change to your Terraform, Bicep or ARM code as a diff"));
    }
}
