package org.kubenetmigrate.cli;

import java.net.URI;
import java.util.List;
import org.kubenetmigrate.planner.inventory.AzureTarget;
import picocli.CommandLine.Option;

/**
 * How to sign in to Azure: every command that talks to Azure has these, and only those. Nothing here touches Azure:
 * the session is built only when a command actually reads or writes live, so --help, --version and offline runs stay
 * fast.
 */
final class SignInOptions {
    @Option(names = "--tenant", paramLabel = "ID", description = "Entra ID tenant to sign in to. Default: AZURE_TENANT_ID.")
    String tenant;

    @Option(names = "--cloud", paramLabel = "AzureCloud|AzureChinaCloud|AzureUSGovernment",
            description = "The Azure cloud. Default: AZURE_CLOUD, else AzureCloud.")
    String cloud;

    @Option(names = "--arm-endpoint", paramLabel = "URL",
            description = "Custom Resource Manager endpoint (private or sovereign). Default: AZURE_RESOURCE_MANAGER_ENDPOINT,"
                    + " else the cloud's.")
    URI armEndpoint;

    @Option(names = "--authority-host", paramLabel = "URL",
            description = "Custom Entra ID authority host. Default: AZURE_AUTHORITY_HOST, else the cloud's.")
    URI authorityHost;

    boolean given() {
        return tenant != null || cloud != null || armEndpoint != null || authorityHost != null;
    }

    AzureTarget target() throws CliException {
        String cloudName = first(cloud, setting("AZURE_CLOUD"));
        if (cloudName != null && !List.of("azurecloud", "azurechinacloud", "azureusgovernment")
                .contains(cloudName.toLowerCase(java.util.Locale.ROOT))) {
            throw new CliException.BadInput("--cloud: unknown cloud '" + cloudName
                    + "' (expected AzureCloud, AzureChinaCloud or AzureUSGovernment)");
        }
        return new AzureTarget(cloudName,
                uri(armEndpoint, "AZURE_RESOURCE_MANAGER_ENDPOINT", "--arm-endpoint"),
                uri(authorityHost, "AZURE_AUTHORITY_HOST", "--authority-host"),
                first(tenant, setting("AZURE_TENANT_ID")));
    }

    private static URI uri(URI given, String variable, String option) throws CliException {
        URI value = given;
        if (value == null && setting(variable) != null) {
            value = URI.create(setting(variable));
        }
        if (value != null && !"https".equalsIgnoreCase(value.getScheme())) {
            throw new CliException.BadInput(option + ": '" + value + "' must be an https:// URL"
                    + " (bearer tokens are only ever sent over TLS)");
        }
        return value;
    }

    /** A setting from a system property or the environment, the way the Azure SDK reads them. */
    static String setting(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            value = System.getenv(name);
        }
        return value == null || value.isBlank() ? null : value;
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }
}
