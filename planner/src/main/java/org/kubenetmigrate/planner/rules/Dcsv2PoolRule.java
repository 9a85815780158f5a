package org.kubenetmigrate.planner.rules;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.kubenetmigrate.planner.model.AgentPool;
import org.kubenetmigrate.planner.text.AzCommand;

/** Azure CNI Overlay does not support DCsv2-series node pools (https://learn.microsoft.com/azure/aks/concepts-network-azure-cni-overlay). */
public final class Dcsv2PoolRule implements Rule {
    static final Pattern DCSV2 = Pattern.compile("^standard_dc\\d+s?_v2$", Pattern.CASE_INSENSITIVE);

    @Override
    public String id() {
        return "dcsv2-pool";
    }

    @Override
    public String reference() {
        return Sources.OVERLAY_CONCEPTS;
    }

    @Override
    public String description() {
        return "Node pools on DCsv2-series VM sizes, which Overlay does not support.";
    }

    @Override
    public Set<Severity> severities() {
        return EnumSet.of(Severity.BLOCKER);
    }

    @Override
    public RuleOutcome evaluate(ClusterContext context) {
        List<AgentPool> pools = context.cluster().agentPools().stream()
                .filter(p -> p.vmSize() != null && DCSV2.matcher(p.vmSize().trim()).matches())
                .toList();
        if (pools.isEmpty()) {
            return RuleOutcome.pass();
        }
        List<String> named = pools.stream().map(p -> p.name() + " (" + p.vmSize() + ")").toList();
        String rg = context.cluster().resourceGroup();
        String name = context.cluster().name();
        return RuleOutcome.of(finding(Severity.BLOCKER,
                "node pool(s) " + String.join(", ", named) + " use a DCsv2-series size, which Azure CNI Overlay"
                        + " does not support",
                "Replace each DCsv2 pool before the update: add a pool on another size ("
                        + AzCommand.nodepool("add", rg, name).placeholder("-n", "<new-pool>")
                        .placeholder("--node-vm-size", "<size>") + "), move the workloads (kubectl cordon and drain),"
                        + " then delete the old pool (" + AzCommand.nodepool("delete", rg, name)
                        .arg("-n", pools.get(0).name()) + ")"));
    }
}
