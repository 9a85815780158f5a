package org.kubenetmigrate.planner.input;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.kubenetmigrate.planner.model.AddressHolder;
import org.kubenetmigrate.planner.model.ArmId;

/**
 * Maps what load balancers, Application Gateways and Azure Firewalls hold as addresses (Network api-version
 * 2025-03-01 field names; under {@code properties} in ARM and Resource Graph, flattened by az):
 * <ul>
 *   <li>load balancer: {@code backendAddressPools[].properties.loadBalancerBackendAddresses[].properties.ipAddress}
 *       (IP-based backend pools; NIC-based pools name NIC ip configurations, not addresses);</li>
 *   <li>Application Gateway: {@code backendAddressPools[].properties.backendAddresses[].ipAddress};</li>
 *   <li>Azure Firewall (classic rules): {@code networkRuleCollections[].properties.rules[].destinationAddresses[]}
 *       and {@code natRuleCollections[].properties.rules[].translatedAddress}. Rules kept in a Firewall Policy are
 *       separate resources and are not read.</li>
 * </ul>
 */
final class AddressHolderReader {
    private AddressHolderReader() {
    }

    static AddressHolder read(JsonFields resource, AddressHolder.Kind kind) throws InputException {
        ArmId id = resource.requiredArmId("id");
        JsonFields props = resource.propertiesOrSelf();
        List<AddressHolder.Entry> entries = new ArrayList<>();
        Set<ArmId> networks = new LinkedHashSet<>();
        switch (kind) {
            case LOAD_BALANCER -> {
                subnetNetworks(props, "frontendIPConfigurations", networks);
                for (JsonFields pool : props.objects("backendAddressPools")) {
                    String place = "backend pool " + name(pool);
                    for (JsonFields address : pool.propertiesOrSelf().objects("loadBalancerBackendAddresses")) {
                        JsonFields fields = address.propertiesOrSelf();
                        add(entries, place, fields.text("ipAddress"));
                        ArmId vnet = fields.object("virtualNetwork").armId("id");
                        if (vnet != null) {
                            networks.add(vnet);
                        }
                    }
                }
            }
            case APPLICATION_GATEWAY -> {
                subnetNetworks(props, "gatewayIPConfigurations", networks);
                for (JsonFields pool : props.objects("backendAddressPools")) {
                    String place = "backend pool " + name(pool);
                    for (JsonFields address : pool.propertiesOrSelf().objects("backendAddresses")) {
                        add(entries, place, address.text("ipAddress"));
                    }
                }
            }
            case FIREWALL -> {
                subnetNetworks(props, "ipConfigurations", networks);
                for (JsonFields collection : props.objects("networkRuleCollections")) {
                    for (JsonFields rule : collection.propertiesOrSelf().objects("rules")) {
                        String place = "network rule " + name(collection) + "/" + name(rule);
                        for (String address : rule.propertiesOrSelf().strings("destinationAddresses")) {
                            add(entries, place, address);
                        }
                    }
                }
                for (JsonFields collection : props.objects("natRuleCollections")) {
                    for (JsonFields rule : collection.propertiesOrSelf().objects("rules")) {
                        add(entries, "NAT rule " + name(collection) + "/" + name(rule),
                                rule.propertiesOrSelf().text("translatedAddress"));
                    }
                }
            }
            default -> throw new IllegalStateException("unknown kind " + kind);
        }
        String name = resource.string("name");
        return new AddressHolder(id, kind, name == null ? id.name() : name, List.copyOf(networks), entries,
                resource.source());
    }

    /** The virtual networks of the subnets that {@code key}'s ip configurations sit in. */
    private static void subnetNetworks(JsonFields props, String key, Set<ArmId> networks) throws InputException {
        for (JsonFields config : props.objects(key)) {
            ArmId subnet = config.propertiesOrSelf().object("subnet").armId("id");
            if (subnet != null) {
                subnet.parentVirtualNetwork().ifPresent(networks::add);
            }
        }
    }

    private static String name(JsonFields item) throws InputException {
        String name = item.string("name");
        return name == null ? "(unnamed)" : name;
    }

    private static void add(List<AddressHolder.Entry> entries, String place, String address) {
        if (address != null && !address.isBlank()) {
            entries.add(new AddressHolder.Entry(place, address.trim()));
        }
    }
}
