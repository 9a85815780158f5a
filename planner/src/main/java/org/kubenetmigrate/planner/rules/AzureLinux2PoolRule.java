package org.kubenetmigrate.planner.rules;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.kubenetmigrate.planner.model.AgentPool;
import org.kubenetmigrate.planner.model.KubernetesVersion;
import org.kubenetmigrate.planner.model.ManagedCluster;
import org.kubenetmigrate.planner.text.AzCommand;

/**
 * Azure Linux 2.0 pools: {@code osSKU} AzureLinux (or the older CBLMariner) means Azure Linux 2.0 on Kubernetes up to
 * 1.31 (https://learn.microsoft.com/azure/aks/upgrade-os-version, 2026-07-13; one of its tables says 1.27–1.31,
 * another 1.26–1.31, so every version below 1.32 counts). Its support ended on 30 November 2025 and "beginning March
 * 31, 2026, node images will be removed, and you'll be unable to scale your node pools" (retirement notice
 * https://github.com/MicrosoftDocs/azure-aks-docs/blob/main/articles/aks/includes/azure-linux-retirement.md,
 * 2026-06-24). The migration reimages every pool with surge nodes, which need a node image: a BLOCKER until the pool
 * moves to Azure Linux 3. Whether a reimage fails exactly like a scale is UNCONFIRMED; the conservative side is taken.
 */
public final class AzureLinux2PoolRule implements Rule {
    static final int LAST_AZURE_LINUX_2_MINOR = 31;

    @Override
    public String id() {
        return "azure-linux-2-pool";
    }

    @Override
    public String reference() {
        return Sources.AZURE_LINUX_RETIREMENT;
    }

    @Override
    public List<String> sources() {
        return List.of(Sources.AZURE_LINUX_RETIREMENT, Sources.UPGRADE_OS_VERSION, Sources.release("2026-01-04"));
    }

    @Override
    public String description() {
        return "Node pools on Azure Linux 2.0 (osSKU AzureLinux or CBLMariner below Kubernetes 1.32), whose node images"
                + " were removed on 31 March 2026, so the migration's reimage cannot get one.";
    }

    @Override
    public Set<Severity> severities() {
        return EnumSet.of(Severity.BLOCKER);
    }

    @Override
    public RuleOutcome evaluate(ClusterContext context) {
        ManagedCluster cluster = context.cluster();
        List<String> pools = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (AgentPool pool : cluster.agentPools()) {
            if (!isAzureLinux2Sku(pool.osSku())) {
                continue;
            }
            Optional<KubernetesVersion> version = PoolVersions.of(pool, cluster);
            if (version.isEmpty()) {
                unknown.add(pool.name());
            } else if (version.get().isBelow(1, LAST_AZURE_LINUX_2_MINOR + 1)) {
                pools.add(pool.name() + " (osSKU " + pool.osSku() + ", Kubernetes " + version.get() + ")");
            }
        }
        RuleOutcome outcome = RuleOutcome.pass();
        if (!pools.isEmpty()) {
            String first = cluster.agentPools().stream().filter(p -> isAzureLinux2Sku(p.osSku()))
                    .map(AgentPool::name).findFirst().orElse("<pool>");
            String removed = context.today().isBefore(java.time.LocalDate.of(2026, 3, 31))
                    ? "are removed from 31 March 2026" : "were removed on 31 March 2026";
            outcome = RuleOutcome.of(finding(Severity.BLOCKER,
                    "node pool(s) " + String.join(", ", pools) + " run Azure Linux 2.0, whose node images " + removed
                            + ": the migration reimages every pool with surge nodes and cannot get an image for them",
                    "Move each pool to Azure Linux 3 first: "
                            + AzCommand.nodepool("update", cluster.resourceGroup(), cluster.name()).arg("-n", first)
                            .arg("--os-sku", "AzureLinux3") + " (a node"
                            + " image upgrade of that pool), or upgrade the cluster to Kubernetes 1.32 or later, where"
                            + " AzureLinux means Azure Linux 3"));
        }
        if (!unknown.isEmpty()) {
            outcome = outcome.plus(RuleOutcome.unverified(unverified("node pool(s) " + String.join(", ", unknown)
                    + " use an Azure Linux osSKU but neither the pool nor the control plane version is readable, so"
                    + " whether it is Azure Linux 2.0 could not be told", Severity.BLOCKER)));
        }
        return outcome;
    }

    static boolean isAzureLinux2Sku(String osSku) {
        if (osSku == null) {
            return false;
        }
        String sku = osSku.toLowerCase(Locale.ROOT);
        return sku.equals("azurelinux") || sku.equals("cblmariner") || sku.equals("mariner");
    }
}
