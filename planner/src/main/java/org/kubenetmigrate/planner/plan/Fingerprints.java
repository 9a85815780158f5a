package org.kubenetmigrate.planner.plan;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.kubenetmigrate.planner.cidr.IpPrefix;
import org.kubenetmigrate.planner.model.AgentPool;
import org.kubenetmigrate.planner.model.ArmId;
import org.kubenetmigrate.planner.model.ClusterIdentity;
import org.kubenetmigrate.planner.model.ManagedCluster;
import org.kubenetmigrate.planner.model.NetworkProfile;

/**
 * Computes a cluster's {@link Fingerprint}: SHA-256 over a canonical text of the properties a plan depends on.
 *
 * <p>The text is order-stable: one {@code name=value} line per property in a fixed order, pools sorted by name,
 * user-assigned identity ids sorted, values quoted so that {@code null} and {@code ""} differ. ARM ids are
 * lower-cased because ARM compares them case-insensitively and does not always return the same spelling; other
 * values are taken as the model holds them (network profile enums are lower-cased on input already).
 *
 * <p>A pool's {@code count} is part of it, so an autoscaler move makes a plan stale; that is deliberate, since
 * sizing depends on it (a pool above its {@code maxCount} counts at {@code count}).
 */
public final class Fingerprints {
    /** Bumped when the canonical text changes, so that an old plan never matches by accident. */
    static final String FORMAT = "kubenet-migrate-fingerprint/1";

    private static final String POOL = "agentPoolProfiles[]";

    /** The properties hashed, in the order of the canonical text; per-pool properties once each. */
    public static final List<String> PROPERTIES = List.of(
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

    private Fingerprints() {
    }

    public static Fingerprint of(ManagedCluster cluster) {
        return new Fingerprint(cluster.etag(), "sha256:" + sha256(canonicalText(cluster)), PROPERTIES);
    }

    /** The text that is hashed; exposed so that a stale-plan message can show what differs. */
    public static String canonicalText(ManagedCluster cluster) {
        StringBuilder out = new StringBuilder(1024);
        out.append(FORMAT).append('\n');
        line(out, "id", quote(cluster.id() == null ? null : cluster.id().key()));
        line(out, "properties.kubernetesVersion", quote(cluster.kubernetesVersion()));
        line(out, "properties.currentKubernetesVersion", quote(cluster.currentKubernetesVersion()));
        line(out, "properties.provisioningState", quote(cluster.provisioningState()));
        line(out, "properties.powerState.code", quote(cluster.powerState()));
        NetworkProfile network = cluster.network();
        String np = "properties.networkProfile.";
        line(out, np + "networkPlugin", quote(network == null ? null : network.plugin()));
        line(out, np + "networkPluginMode", quote(network == null ? null : network.pluginMode()));
        line(out, np + "networkPolicy", quote(network == null ? null : network.policy()));
        line(out, np + "networkDataplane", quote(network == null ? null : network.dataplane()));
        line(out, np + "podCidr", quote(network == null ? null : text(network.podCidr())));
        line(out, np + "podCidrs", network == null ? "null" : prefixes(network.podCidrs()));
        line(out, np + "serviceCidr", quote(network == null ? null : text(network.serviceCidr())));
        line(out, np + "serviceCidrs", network == null ? "null" : prefixes(network.serviceCidrs()));
        line(out, np + "dnsServiceIP", quote(network == null ? null : network.dnsServiceIp()));
        line(out, np + "outboundType", quote(network == null ? null : network.outboundType()));
        line(out, np + "ipFamilies", network == null ? "null" : strings(network.ipFamilies()));
        ClusterIdentity identity = cluster.identity() == null ? ClusterIdentity.NONE : cluster.identity();
        line(out, "identity.type", quote(identity.type()));
        line(out, "identity.userAssignedIdentities", strings(identity.userAssignedIdentityIds().stream()
                .map(id -> id == null ? null : id.toLowerCase(Locale.ROOT))
                .sorted(Comparator.nullsFirst(Comparator.naturalOrder()))
                .toList()));
        List<AgentPool> pools = cluster.agentPools().stream()
                .sorted(Comparator.comparing(AgentPool::name, Comparator.nullsFirst(Comparator.naturalOrder())))
                .toList();
        for (AgentPool pool : pools) {
            String p = "agentPoolProfiles[" + quote(pool.name()) + "].";
            line(out, p + "name", quote(pool.name()));
            line(out, p + "type", quote(pool.type()));
            line(out, p + "vmSize", quote(pool.vmSize()));
            line(out, p + "count", Integer.toString(pool.count()));
            line(out, p + "enableAutoScaling", Boolean.toString(pool.autoscaling()));
            line(out, p + "minCount", String.valueOf(pool.minCount()));
            line(out, p + "maxCount", String.valueOf(pool.maxCount()));
            line(out, p + "upgradeSettings.maxSurge", quote(pool.maxSurge()));
            line(out, p + "maxPods", String.valueOf(pool.maxPods()));
            line(out, p + "provisioningState", quote(pool.provisioningState()));
            line(out, p + "vnetSubnetID", quote(key(pool.vnetSubnetId())));
        }
        return out.toString();
    }

    private static void line(StringBuilder out, String name, String value) {
        out.append(name).append('=').append(value).append('\n');
    }

    private static String key(ArmId id) {
        return id == null ? null : id.key();
    }

    private static String text(IpPrefix prefix) {
        return prefix == null ? null : prefix.toString();
    }

    private static String prefixes(List<IpPrefix> prefixes) {
        return strings(prefixes.stream().map(Fingerprints::text).toList());
    }

    private static String strings(List<String> values) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) {
            out.append(i == 0 ? "" : ",").append(quote(values.get(i)));
        }
        return out.append(']').toString();
    }

    /** JSON-style quoting, so that values cannot run into the next line or the next list item. */
    static String quote(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-256 (MessageDigest javadoc).
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
