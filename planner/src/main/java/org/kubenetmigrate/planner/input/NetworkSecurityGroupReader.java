package org.kubenetmigrate.planner.input;

import java.util.ArrayList;
import java.util.List;
import org.kubenetmigrate.planner.model.ArmId;
import org.kubenetmigrate.planner.model.NetworkSecurityGroup;
import org.kubenetmigrate.planner.model.SecurityRule;

/**
 * Maps a {@code Microsoft.Network/networkSecurityGroups} resource (Network api-version 2025-03-01 field names):
 * {@code securityRules}, {@code defaultSecurityRules}, {@code subnets} and {@code networkInterfaces}, nested under
 * {@code properties} in ARM and Resource Graph, flattened by az.
 */
final class NetworkSecurityGroupReader {
    private NetworkSecurityGroupReader() {
    }

    static NetworkSecurityGroup read(JsonFields resource) throws InputException {
        ArmId id = resource.requiredArmId("id");
        JsonFields props = resource.propertiesOrSelf();
        List<SecurityRule> rules = new ArrayList<>();
        for (JsonFields rule : props.objects("securityRules")) {
            rules.add(rule(rule));
        }
        List<SecurityRule> defaults = new ArrayList<>();
        for (JsonFields rule : props.objects("defaultSecurityRules")) {
            defaults.add(rule(rule));
        }
        List<ArmId> subnets = new ArrayList<>();
        for (JsonFields subnet : props.objects("subnets")) {
            subnets.add(subnet.requiredArmId("id"));
        }
        List<ArmId> nics = new ArrayList<>();
        for (JsonFields nic : props.objects("networkInterfaces")) {
            nics.add(nic.requiredArmId("id"));
        }
        String name = resource.string("name");
        return new NetworkSecurityGroup(id, name == null ? id.name() : name, Resources.subscriptionId(resource, id),
                Resources.resourceGroup(resource, id), rules, defaults, subnets, nics, resource.source());
    }

    private static SecurityRule rule(JsonFields rule) throws InputException {
        JsonFields props = rule.propertiesOrSelf();
        Integer priority = props.integer("priority");
        if (priority == null) {
            throw props.error("priority", "a security rule needs a priority");
        }
        boolean asgs = !props.objects("sourceApplicationSecurityGroups").isEmpty()
                || !props.objects("destinationApplicationSecurityGroups").isEmpty();
        return new SecurityRule(rule.string("name"), priority,
                SecurityRule.Direction.parse(props.requiredString("direction")),
                SecurityRule.Access.parse(props.requiredString("access")),
                props.string("protocol"),
                either(props, "sourceAddressPrefix", "sourceAddressPrefixes"),
                either(props, "destinationAddressPrefix", "destinationAddressPrefixes"),
                either(props, "destinationPortRange", "destinationPortRanges"),
                asgs);
    }

    /** Azure sets either the single field or the plural one; the other is absent, null or empty. */
    private static List<String> either(JsonFields props, String single, String plural) throws InputException {
        List<String> values = new ArrayList<>();
        String one = props.text(single);
        if (one != null && !one.isBlank()) {
            values.add(one.trim());
        }
        for (String value : props.strings(plural)) {
            if (!value.isBlank() && !values.contains(value.trim())) {
                values.add(value.trim());
            }
        }
        return values;
    }
}
