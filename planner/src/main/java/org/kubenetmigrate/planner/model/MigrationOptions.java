package org.kubenetmigrate.planner.model;

import java.util.List;
import org.kubenetmigrate.planner.cidr.IpPrefix;

/**
 * What the user asked for, shared by readiness rules, sizing and planning.
 *
 * @param target the target IP address management
 * @param ciliumDataplane true to move to the Cilium data plane after Overlay, as a separate update
 * @param requestedPodCidr the pod CIDR the user chose, or null to let the planner keep or propose one
 * @param avoid ranges the pod CIDR must not overlap (on-premises, other peerings the input does not show)
 * @param assignIdentity a user-assigned identity resource id the plan may assign, or null
 * @param removeIpMasqConfig true when the plan may back up and delete custom ip-masq-agent ConfigMaps in kube-system
 */
public record MigrationOptions(
        TargetIpam target,
        boolean ciliumDataplane,
        IpPrefix requestedPodCidr,
        List<IpPrefix> avoid,
        String assignIdentity,
        boolean removeIpMasqConfig) {

    public static final MigrationOptions DEFAULTS = new MigrationOptions(TargetIpam.OVERLAY, false, null, List.of(), null);

    public MigrationOptions {
        avoid = List.copyOf(avoid);
    }

    /** The options without {@code removeIpMasqConfig}, as before it existed. */
    public MigrationOptions(TargetIpam target, boolean ciliumDataplane, IpPrefix requestedPodCidr, List<IpPrefix> avoid,
                            String assignIdentity) {
        this(target, ciliumDataplane, requestedPodCidr, avoid, assignIdentity, false);
    }

    public MigrationOptions withRemoveIpMasqConfig(boolean remove) {
        return new MigrationOptions(target, ciliumDataplane, requestedPodCidr, avoid, assignIdentity, remove);
    }
}
