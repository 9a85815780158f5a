package org.kubenetmigrate.planner.input;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.kubenetmigrate.planner.cidr.IpFamily;
import org.kubenetmigrate.planner.cidr.IpPrefix;
import org.kubenetmigrate.planner.model.AgentPool;
import org.kubenetmigrate.planner.model.ArmId;
import org.kubenetmigrate.planner.model.ClusterIdentity;
import org.kubenetmigrate.planner.model.ManagedCluster;
import org.kubenetmigrate.planner.model.NetworkProfile;

/** Maps a {@code Microsoft.ContainerService/managedClusters} resource (AKS api-version 2025-09-01 field names). */
final class ManagedClusterReader {
    private static final Pattern MAX_SURGE = Pattern.compile("\\d{1,5}%?");

    private ManagedClusterReader() {
    }

    static ManagedCluster read(JsonFields resource) throws InputException {
        ArmId id = resource.requiredArmId("id");
        String name = resource.requiredString("name");
        // identity, tags, location and eTag sit beside "properties" in ARM; the az shape has everything at the top.
        JsonFields props = resource.propertiesOrSelf();
        NetworkProfile network = networkProfile(props.object("networkProfile"));
        List<AgentPool> pools = new ArrayList<>();
        for (JsonFields pool : props.objects("agentPoolProfiles")) {
            pools.add(agentPool(pool));
        }
        return new ManagedCluster(
                id,
                name,
                Resources.subscriptionId(resource, id),
                Resources.resourceGroup(resource, id),
                resource.string("location"),
                props.string("kubernetesVersion"),
                props.string("currentKubernetesVersion"),
                props.string("provisioningState"),
                props.object("powerState").string("code"),
                network,
                identity(resource.object("identity")),
                pools,
                props.object("apiServerAccessProfile").bool("enablePrivateCluster"),
                props.object("addonProfiles").object("ingressApplicationGateway").bool("enabled"),
                props.object("podIdentityProfile").bool("enabled"),
                props.string("nodeResourceGroup"),
                resource.string("eTag"),
                resource.stringMap("tags"),
                resource.source(),
                props.object("nodeDisruptionProfile").string("nodeDisruptionPolicy"));
    }

    private static NetworkProfile networkProfile(JsonFields np) throws InputException {
        String plugin = lower(np.requiredString("networkPlugin"));
        IpPrefix podCidr = np.prefix("podCidr");
        List<IpPrefix> podCidrs = np.prefixes("podCidrs");
        if (podCidr == null) {
            podCidr = podCidrs.stream().filter(p -> p.family() == IpFamily.IPV4).findFirst().orElse(null);
        }
        return new NetworkProfile(
                plugin,
                lower(np.string("networkPluginMode")),
                lower(np.string("networkPolicy")),
                lower(np.string("networkDataplane")),
                podCidr,
                podCidrs,
                np.prefix("serviceCidr"),
                np.prefixes("serviceCidrs"),
                np.address("dnsServiceIP"),
                np.string("outboundType"),
                np.strings("ipFamilies"));
    }

    private static ClusterIdentity identity(JsonFields identity) throws InputException {
        if (!identity.has("type") && !identity.has("userAssignedIdentities")) {
            return ClusterIdentity.NONE;
        }
        return new ClusterIdentity(identity.string("type"), identity.keys("userAssignedIdentities"));
    }

    private static AgentPool agentPool(JsonFields pool) throws InputException {
        Integer count = pool.integer("count");
        return new AgentPool(
                pool.string("name"),
                pool.string("mode"),
                pool.string("type"),
                pool.string("vmSize"),
                pool.string("osType"),
                count == null ? 0 : count,
                pool.bool("enableAutoScaling"),
                pool.integer("minCount"),
                pool.integer("maxCount"),
                maxSurge(pool.object("upgradeSettings")),
                pool.integer("maxPods"),
                pool.string("provisioningState"),
                pool.object("powerState").string("code"),
                pool.armId("vnetSubnetID"),
                pool.armId("podSubnetID"),
                pool.string("orchestratorVersion"));
    }

    /** maxSurge is a node count ("3") or a percentage ("33%"); sizing relies on that shape. */
    private static String maxSurge(JsonFields upgradeSettings) throws InputException {
        String value = upgradeSettings.text("maxSurge");
        if (value != null && !value.isBlank() && !MAX_SURGE.matcher(value.trim()).matches()) {
            throw upgradeSettings.error("maxSurge", "expected a node count or a percentage like \"33%\", found \"" + value + "\"");
        }
        return value;
    }

    private static String lower(String value) {
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }
}
