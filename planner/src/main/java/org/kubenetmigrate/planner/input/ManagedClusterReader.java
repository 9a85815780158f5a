package org.kubenetmigrate.planner.input;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.kubenetmigrate.planner.cidr.IpFamily;
import org.kubenetmigrate.planner.cidr.IpPrefix;
import org.kubenetmigrate.planner.model.AgentPool;
import org.kubenetmigrate.planner.model.ArmId;
import org.kubenetmigrate.planner.model.AzureValue;
import org.kubenetmigrate.planner.model.ClusterIdentity;
import org.kubenetmigrate.planner.model.Dataplane;
import org.kubenetmigrate.planner.model.ManagedCluster;
import org.kubenetmigrate.planner.model.NetworkPlugin;
import org.kubenetmigrate.planner.model.NetworkPluginMode;
import org.kubenetmigrate.planner.model.NetworkPolicy;
import org.kubenetmigrate.planner.model.NetworkProfile;
import org.kubenetmigrate.planner.model.ProvisioningState;

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
                ProvisioningState.parse(props.string("provisioningState")),
                props.object("powerState").string("code"),
                network,
                identity(resource.object("identity"), props.object("servicePrincipalProfile").string("clientId")),
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
        AzureValue<NetworkPlugin> plugin = NetworkPlugin.parse(np.requiredString("networkPlugin"));
        IpPrefix podCidr = np.prefix("podCidr");
        List<IpPrefix> podCidrs = np.prefixes("podCidrs");
        if (podCidr == null) {
            podCidr = podCidrs.stream().filter(p -> p.family() == IpFamily.IPV4).findFirst().orElse(null);
        }
        return new NetworkProfile(
                plugin,
                NetworkPluginMode.parse(np.string("networkPluginMode")),
                NetworkPolicy.parse(np.string("networkPolicy")),
                Dataplane.parse(np.string("networkDataplane")),
                podCidr,
                podCidrs,
                np.prefix("serviceCidr"),
                np.prefixes("serviceCidrs"),
                np.address("dnsServiceIP"),
                np.string("outboundType"),
                np.strings("ipFamilies"));
    }

    private static ClusterIdentity identity(JsonFields identity, String servicePrincipalClientId)
            throws InputException {
        if (!identity.has("type") && !identity.has("userAssignedIdentities")) {
            return new ClusterIdentity(null, java.util.List.of(), servicePrincipalClientId);
        }
        return new ClusterIdentity(identity.string("type"), identity.keys("userAssignedIdentities"),
                servicePrincipalClientId);
    }

    private static AgentPool agentPool(JsonFields pool) throws InputException {
        Integer count = pool.count("count", 0);
        Integer minCount = pool.count("minCount", 0);
        Integer maxCount = pool.count("maxCount", 0);
        if (minCount != null && maxCount != null && minCount > maxCount) {
            throw pool.error("minCount", "minCount " + minCount + " is above maxCount " + maxCount);
        }
        return new AgentPool(
                pool.string("name"),
                pool.string("mode"),
                pool.string("type"),
                pool.string("vmSize"),
                pool.string("osType"),
                count == null ? 0 : count,
                pool.bool("enableAutoScaling"),
                minCount,
                maxCount,
                maxSurge(pool.object("upgradeSettings")),
                pool.count("maxPods", 1),
                ProvisioningState.parse(pool.string("provisioningState")),
                pool.object("powerState").string("code"),
                pool.armId("vnetSubnetID"),
                pool.armId("podSubnetID"),
                pool.string("orchestratorVersion"),
                pool.string("osSKU"));
    }

    /** maxSurge is a node count ("3") or a percentage ("33%"); sizing relies on that shape. */
    private static String maxSurge(JsonFields upgradeSettings) throws InputException {
        String value = upgradeSettings.text("maxSurge");
        if (value != null && !value.isBlank() && !MAX_SURGE.matcher(value.trim()).matches()) {
            throw upgradeSettings.error("maxSurge", "expected a node count or a percentage like \"33%\", found \"" + value + "\"");
        }
        return value;
    }
}
