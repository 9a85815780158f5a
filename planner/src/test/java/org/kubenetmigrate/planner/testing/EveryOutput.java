package org.kubenetmigrate.planner.testing;

import java.util.List;
import org.kubenetmigrate.planner.cidr.IpPrefix;
import org.kubenetmigrate.planner.model.InClusterCheck;
import org.kubenetmigrate.planner.model.InClusterView;
import org.kubenetmigrate.planner.model.MigrationOptions;
import org.kubenetmigrate.planner.model.TargetIpam;

/**
 * The option sets and in-cluster reads under which every rule and every plan step has something to say, for tests
 * that judge all the text the tool prints.
 */
public final class EveryOutput {
    private EveryOutput() {
    }

    /** The defaults, Cilium with an identity switch, a new pod CIDR, and Pod Subnet. */
    public static List<MigrationOptions> options() {
        MigrationOptions base = MigrationOptions.DEFAULTS;
        String identity = "/subscriptions/00000000-0000-0000-0000-00000000a001/resourceGroups/rg-id/providers/"
                + "Microsoft.ManagedIdentity/userAssignedIdentities/id-aks";
        return List.of(base,
                new MigrationOptions(TargetIpam.OVERLAY, true, null, List.of(), identity, true),
                new MigrationOptions(TargetIpam.OVERLAY, false, IpPrefix.parse("100.64.0.0/16"), List.of(), null),
                new MigrationOptions(TargetIpam.POD_SUBNET, false, null, List.of(), null));
    }

    /** Not requested, unavailable, and a read that makes every in-cluster rule speak. */
    public static List<InClusterView> views() {
        InClusterFixtures busy = InClusterFixtures.healthy()
                .ipMasqConfigMap("azure-ip-masq-agent-config")
                .pdb("payments", "api", 0, 3, "Deployment api")
                .networkPolicy("payments", "allow-pods", InClusterFixtures.ingress("10.244.0.0/16"),
                        InClusterFixtures.egress("0.0.0.0/0"))
                .calico("crd.projectcalico.org", "NetworkPolicy", 2)
                .node("aks-nodepool1-9", false, "Ready=False (KubeletNotReady)", "10.244.9.0/24")
                .singleReplica("Deployment", "payments", "batch")
                .hostNetworkPolicy("monitoring", "node-exporter", "node-exporter-abcde")
                .gap(InClusterCheck.CILIUM_LIMITS, "forbidden: list pods in namespace monitoring");
        return List.of(InClusterView.notRequested(), InClusterView.unavailable("cannot reach the API server"),
                busy.view());
    }
}
