package org.kubenetmigrate.planner.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A network security group with its own rules, Azure's default rules and what it is associated with.
 *
 * @param securityRules the rules someone added (priority 100–4096)
 * @param defaultSecurityRules Azure's default rules (priority 65000 and up); when the input omits them, the
 *                             documented defaults are used, see {@link SecurityRule#azureDefaults()}
 * @param subnetIds subnets it is associated with
 * @param networkInterfaceIds network interfaces it is associated with
 */
public record NetworkSecurityGroup(ArmId id, String name, String subscriptionId, String resourceGroup,
                                   List<SecurityRule> securityRules, List<SecurityRule> defaultSecurityRules,
                                   List<ArmId> subnetIds, List<ArmId> networkInterfaceIds, SourceRef source) {

    public NetworkSecurityGroup {
        securityRules = List.copyOf(securityRules);
        defaultSecurityRules = List.copyOf(defaultSecurityRules);
        subnetIds = List.copyOf(subnetIds);
        networkInterfaceIds = List.copyOf(networkInterfaceIds);
    }

    /** Every rule of one direction in the order Azure evaluates them: lowest priority number first, defaults last. */
    public List<SecurityRule> evaluationOrder(SecurityRule.Direction direction) {
        List<SecurityRule> rules = new ArrayList<>();
        securityRules.stream().filter(r -> r.direction() == direction).forEach(rules::add);
        List<SecurityRule> defaults = defaultSecurityRules.isEmpty() ? SecurityRule.azureDefaults() : defaultSecurityRules;
        defaults.stream().filter(r -> r.direction() == direction).forEach(rules::add);
        rules.sort(Comparator.comparingInt(SecurityRule::priority));
        return rules;
    }
}
