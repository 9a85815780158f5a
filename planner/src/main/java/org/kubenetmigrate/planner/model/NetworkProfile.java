package org.kubenetmigrate.planner.model;

import java.util.List;
import java.util.Optional;
import org.kubenetmigrate.planner.cidr.IpFamily;
import org.kubenetmigrate.planner.cidr.IpPrefix;

/**
 * A managed cluster's {@code properties.networkProfile} (AKS api-version 2025-09-01). Azure's enums
 * ({@code plugin}, {@code pluginMode}, {@code policy}, {@code dataplane}) are typed, matched ignoring case, an unknown
 * value kept as sent; absent values are {@code null}. {@code podCidr} is the IPv4 pod range (from {@code podCidr}, else the IPv4 entry
 * of {@code podCidrs}); {@code podCidrs} keeps every family.
 */
public record NetworkProfile(
        AzureValue<NetworkPlugin> plugin,
        AzureValue<NetworkPluginMode> pluginMode,
        AzureValue<NetworkPolicy> policy,
        AzureValue<Dataplane> dataplane,
        IpPrefix podCidr,
        List<IpPrefix> podCidrs,
        IpPrefix serviceCidr,
        List<IpPrefix> serviceCidrs,
        String dnsServiceIp,
        String outboundType,
        List<String> ipFamilies) {

    public NetworkProfile {
        podCidrs = List.copyOf(podCidrs);
        serviceCidrs = List.copyOf(serviceCidrs);
        ipFamilies = List.copyOf(ipFamilies);
    }

    public boolean isKubenet() {
        return AzureValue.is(plugin, NetworkPlugin.KUBENET);
    }

    /**
     * A network policy engine that must be removed before the plugin update ({@code calico} or {@code azure}; an
     * unknown value counts as an engine).
     */
    public Optional<AzureValue<NetworkPolicy>> policyEngine() {
        return policy == null || policy.is(NetworkPolicy.NONE) ? Optional.empty() : Optional.of(policy);
    }

    /** The data plane; Azure's default when the profile names none. */
    public AzureValue<Dataplane> dataplaneOrDefault() {
        return dataplane == null ? AzureValue.of(Dataplane.AZURE) : dataplane;
    }

    public boolean isDualStack() {
        return ipFamilies.stream().anyMatch(f -> f.equalsIgnoreCase("IPv6"))
                || podCidrs.stream().anyMatch(p -> p.family() == IpFamily.IPV6);
    }

    /** Every service range (the single {@code serviceCidr} plus {@code serviceCidrs}), IPv4 first. */
    public List<IpPrefix> allServiceCidrs() {
        if (serviceCidrs.isEmpty() && serviceCidr != null) {
            return List.of(serviceCidr);
        }
        return serviceCidrs;
    }
}
