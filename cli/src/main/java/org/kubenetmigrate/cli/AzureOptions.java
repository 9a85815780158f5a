package org.kubenetmigrate.cli;

import java.util.ArrayList;
import java.util.List;
import org.kubenetmigrate.planner.inventory.AzureTarget;
import org.kubenetmigrate.planner.inventory.Scope;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Sign-in and scope for a live read (report, plan, inventory). Commands that change one cluster (apply, resume,
 * rollback) take {@link SignInOptions} alone: their plan names the cluster, so a scope would be refused anyway.
 */
final class AzureOptions {
    @Mixin
    SignInOptions signIn;

    @Option(names = "--subscription", paramLabel = "ID",
            description = "Subscription to read (repeatable). Default: every subscription the identity can see.")
    List<String> subscriptions = new ArrayList<>();

    @Option(names = "--management-group", paramLabel = "ID",
            description = "Read every subscription under this management group (through Resource Graph).")
    String managementGroup;

    boolean given() {
        return !subscriptions.isEmpty() || managementGroup != null || signIn.given();
    }

    AzureTarget target() throws CliException {
        return signIn.target();
    }

    Scope scope() throws CliException {
        if (!subscriptions.isEmpty() && managementGroup != null) {
            throw new CliException.BadInput("give --subscription or --management-group, not both");
        }
        return new Scope(subscriptions, managementGroup);
    }
}
