package org.kubenetmigrate.planner.rules;

import java.util.List;

/** Every readiness rule, in the order findings are listed for a reader. Adding a rule means one line here. */
public final class RuleCatalogue {
    private RuleCatalogue() {
    }

    public static List<Rule> all() {
        return List.of(
                new InputConflictRule(),
                new KubernetesVersionRule(),
                new NetworkPolicyRule(),
                new IpMasqAgentConfigRule(),
                new IdentityTypeRule(),
                new AvailabilitySetPoolRule(),
                new AzureLinux2PoolRule(),
                new Dcsv2PoolRule(),
                new NameLengthRule(),
                new ProvisioningStateRule(),
                new NodeDisruptionPolicyRule(),
                new StoppedPoolRule(),
                new PoolVersionSkewRule(),
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
                new CiliumLimitsRule(),
                new AgicAddonRule(),
                new PodIdentityRule(),
                new ServicePrincipalAcrRule(),
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
