package org.kubenetmigrate.planner.rules;

import java.util.List;

/** Every readiness rule, in the order findings are listed for a reader. Adding a rule means one line here. */
public final class RuleCatalogue {
    private RuleCatalogue() {
    }

    public static List<Rule> all() {
        return List.of(
                new KubernetesVersionRule(),
                new NetworkPolicyRule(),
                new IpMasqAgentConfigRule(),
                new IdentityTypeRule(),
                new AvailabilitySetPoolRule(),
                new Dcsv2PoolRule(),
                new NameLengthRule(),
                new ProvisioningStateRule(),
                new NodeDisruptionPolicyRule(),
                new NodesNotReadyRule(),
                new PodCidrReservedRule(),
                new PodCidrOverlapRule(),
                new PodCidrCapacityRule(),
                new RouteTableSharedRule(),
                new RouteTableEgressRule(),
                new NodeSubnetSurgeRule(),
                new PdbBlocksDrainRule(),
                new PolicyEnforcementGapRule(),
                new IpBlockPodCidrRule(),
                new ServiceCidrOverlapRule(),
                new DualStackRule(),
                new AgicAddonRule(),
                new PodIdentityRule(),
                new PrivateClusterRule(),
                new SingleReplicaWorkloadsRule(),
                new MaxPodsRule(),
                new IacDriftRule(),
                new RetirementRule(),
                new PodSubnetSpaceRule(),
                new ResourceLockRule(),
                new NsgPodTrafficRule(),
                new PodIpConsumersRule(),
                new HubTransitRule(),
                new SurgeQuotaRule());
    }
}
