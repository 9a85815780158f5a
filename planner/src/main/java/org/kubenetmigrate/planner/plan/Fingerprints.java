package org.kubenetmigrate.planner.plan;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.kubenetmigrate.planner.cidr.IpPrefix;
import org.kubenetmigrate.planner.model.AgentPool;
import org.kubenetmigrate.planner.model.ArmId;
import org.kubenetmigrate.planner.model.AzureValue;
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
 * <p>Every property is here because a step or a rule reads it ({@link #WHY}). Transient state (provisioning and
 * power state) is not: {@code precheck} checks it on the live cluster. Under autoscaling a pool counts with the node
 * count sizing uses ({@code maxCount}, or {@code count} when above it), not the raw {@code count} the autoscaler
 * moves all day, so an autoscaler move inside the planned range never makes a plan stale. The cluster's ETag is not
 * part of the decision either: it changes with every write, the autoscaler's included.
 */
public final class Fingerprints {
    /** Bumped when the canonical text changes, so that an old plan never matches by accident. */
    static final String FORMAT = "kubenet-migrate-fingerprint/2";

    private static final String POOL = "agentPoolProfiles[]";
    private static final String NP = "properties.networkProfile.";

    /** Why each property is in the fingerprint: the steps and rules (by id) that read it. */
    public static final Map<String, String> WHY = whyMap(
            "id", "every step (precheck to validate): the requests target this cluster",
            "properties.kubernetesVersion", "rule kubernetes-version (1.27+, 1.30+ to uninstall a policy engine)",
            "properties.currentKubernetesVersion", "rule kubernetes-version (the lower of requested and running)",
            NP + "networkPlugin", "step update-network-plugin (kubenet to azure); the plan exists only for kubenet",
            NP + "networkPluginMode", "step update-network-plugin (overlay)",
            NP + "networkPolicy", "steps disable-network-policy and restore-network-policy; rule network-policy",
            NP + "networkDataplane", "step enable-cilium; rule dual-stack",
            NP + "podCidr", "step update-network-plugin (podCidr); rules pod-cidr-capacity, pod-cidr-reserved",
            NP + "podCidrs", "rule dual-stack; step update-network-plugin leaves podCidrs as read",
            NP + "serviceCidr", "rules pod-cidr-overlap and service-cidr-overlap",
            NP + "serviceCidrs", "rules pod-cidr-overlap and service-cidr-overlap",
            NP + "dnsServiceIP", "rule service-cidr-overlap",
            NP + "outboundType", "rules route-table-egress and dual-stack",
            NP + "ipFamilies", "rule dual-stack",
            "identity.type", "step assign-identity; rule identity-type",
            "identity.userAssignedIdentities", "steps assign-identity and settle-identity; rule identity-type",
            POOL + ".name", "step observe-rollout (pools by name); sizing per pool",
            POOL + ".type", "rule availability-set-pool",
            POOL + ".vmSize", "rule dcsv2-pool",
            POOL + ".nodesForSizing", "rules pod-cidr-capacity and node-subnet-surge (maxCount, or count above it)",
            POOL + ".upgradeSettings.maxSurge", "rule node-subnet-surge (surge nodes)",
            POOL + ".maxPods", "rule max-pods",
            POOL + ".vnetSubnetID", "rules pod-cidr-overlap, route-table-shared; step settle-identity (scopes)");

    /** The properties hashed, in the order of the canonical text; per-pool properties once each. */
    public static final List<String> PROPERTIES = List.copyOf(WHY.keySet());

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
        NetworkProfile network = cluster.network();
        String np = "properties.networkProfile.";
        line(out, np + "networkPlugin", quote(network == null ? null : AzureValue.text(network.plugin())));
        line(out, np + "networkPluginMode", quote(network == null ? null : AzureValue.text(network.pluginMode())));
        line(out, np + "networkPolicy", quote(network == null ? null : AzureValue.text(network.policy())));
        line(out, np + "networkDataplane", quote(network == null ? null : AzureValue.text(network.dataplane())));
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
            line(out, p + "nodesForSizing", Integer.toString(pool.maxNodes()));
            line(out, p + "upgradeSettings.maxSurge", quote(pool.maxSurge()));
            line(out, p + "maxPods", String.valueOf(pool.maxPods()));
            line(out, p + "vnetSubnetID", quote(key(pool.vnetSubnetId())));
        }
        return out.toString();
    }

    private static Map<String, String> whyMap(String... namesAndReasons) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndReasons.length; i += 2) {
            map.put(namesAndReasons[i], namesAndReasons[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
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
