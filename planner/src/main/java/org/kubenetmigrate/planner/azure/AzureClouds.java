package org.kubenetmigrate.planner.azure;

import com.azure.core.management.AzureEnvironment;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.kubenetmigrate.planner.inventory.AzureTarget;

/** The clouds by the names {@code az cloud list} uses, and the endpoints a target resolves to. */
final class AzureClouds {
    static final List<String> NAMES = List.of("AzureCloud", "AzureChinaCloud", "AzureUSGovernment");

    private AzureClouds() {
    }

    static AzureEnvironment environment(String cloud) {
        return switch (cloud.toLowerCase(java.util.Locale.ROOT)) {
            case "azurecloud", "azure", "azurepubliccloud" -> AzureEnvironment.AZURE;
            case "azurechinacloud", "azurechina" -> AzureEnvironment.AZURE_CHINA;
            case "azureusgovernment", "azureusgovernmentcloud" -> AzureEnvironment.AZURE_US_GOVERNMENT;
            default -> throw new IllegalArgumentException("unknown cloud '" + cloud + "': expected one of " + NAMES);
        };
    }

    /** The cloud's endpoints with the target's overrides applied. */
    static AzureEnvironment environment(AzureTarget target) {
        AzureEnvironment base = environment(target.cloud());
        if (target.armEndpoint() == null) {
            return base;
        }
        Map<String, String> endpoints = new HashMap<>(base.getEndpoints());
        endpoints.put("resourceManagerEndpointUrl", withSlash(target.armEndpoint()));
        return new AzureEnvironment(endpoints);
    }

    /** Where to get tokens: the override, else the cloud's Entra ID endpoint. */
    static String authorityHost(AzureTarget target) {
        return target.authorityHost() != null ? withSlash(target.authorityHost())
                : environment(target.cloud()).getActiveDirectoryEndpoint();
    }

    /** Instance discovery asks the public cloud about the authority; only the clouds' own hosts are known to it. */
    static boolean isWellKnownAuthority(String authorityHost) {
        return NAMES.stream().map(n -> environment(n).getActiveDirectoryEndpoint())
                .anyMatch(h -> withSlash(URI.create(h)).equalsIgnoreCase(withSlash(URI.create(authorityHost))));
    }

    /** The token scope for Resource Manager: the cloud's management endpoint plus {@code /.default}. */
    static String armScope(AzureEnvironment environment) {
        return environment.getManagementEndpoint() + "/.default";
    }

    static String withSlash(URI uri) {
        String text = uri.toString();
        return text.endsWith("/") ? text : text + "/";
    }
}
