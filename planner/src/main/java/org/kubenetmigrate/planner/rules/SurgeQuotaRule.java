package org.kubenetmigrate.planner.rules;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kubenetmigrate.planner.model.AgentPool;
import org.kubenetmigrate.planner.model.ComputeUsages;
import org.kubenetmigrate.planner.model.ManagedCluster;
import org.kubenetmigrate.planner.model.SurroundingType;
import org.kubenetmigrate.planner.sizing.PoolSizing;

/**
 * The update reimages every pool at once, each adding its surge nodes, and AKS's pre-upgrade validation checks that
 * there is quota for them: the regional vCPU quota of each VM family and the total regional vCPUs. The family and
 * vCPU count are derived from the size name (e.g. {@code Standard_D4s_v5} counts 4 vCPUs against
 * {@code standardDSv5Family}); a size whose family is not among the region's usages is unverified. How constrained
 * vCPU sizes ({@code Standard_E4-2s_v5}) count is not documented here; the larger number is used.
 */
public final class SurgeQuotaRule implements Rule {
    private static final Pattern SIZE = Pattern.compile(
            "(?i)^Standard_([A-Z]+)(\\d+)(?:-\\d+)?([a-z]*)((?:_(?!v\\d+$)[A-Za-z0-9]+)*)(?:_(v\\d+))?$");
    static final String TOTAL = "cores";

    @Override
    public String id() {
        return "surge-quota";
    }

    @Override
    public String reference() {
        return Sources.UPGRADE_OPTIONS;
    }

    @Override
    public String description() {
        return "Regional vCPU quota per VM family, and in total, for the surge nodes of all pools at once.";
    }

    @Override
    public Set<Severity> severities() {
        return EnumSet.of(Severity.WARNING);
    }

    @Override
    public RuleOutcome evaluate(ClusterContext context) {
        ManagedCluster cluster = context.cluster();
        Optional<ComputeUsages> usages = context.fleet().surroundings()
                .computeUsages(cluster.subscriptionId(), cluster.location());
        if (usages.isEmpty()) {
            String why = context.fleet().surroundings().gap(SurroundingType.COMPUTE_USAGES, cluster.subscriptionId())
                    .map(g -> g.describe())
                    .orElse("the input holds no compute usages of subscription " + cluster.subscriptionId() + " in "
                            + cluster.location() + "; add the output of `" + SurroundingType.COMPUTE_USAGES.export()
                            .replace("<region>", cluster.location()) + "` with its subscription and region as its id"
                            + " (docs/guide/input.md)");
            return RuleOutcome.unverified(unverified("surge quota: " + why, Severity.WARNING,
                    context.fleet().surroundings().ifNotInInput(SurroundingType.COMPUTE_USAGES,
                            cluster.subscriptionId())));
        }
        Map<String, Integer> surgeByPool = new LinkedHashMap<>();
        for (PoolSizing pool : context.sizing().pools()) {
            surgeByPool.merge(pool.pool(), pool.surgeNodes(), Integer::sum);
        }
        Map<String, Long> byFamily = new LinkedHashMap<>();
        long total = 0;
        List<String> unknown = new ArrayList<>();
        for (AgentPool pool : cluster.agentPools()) {
            int surge = surgeByPool.getOrDefault(pool.name(), 0);
            if (surge == 0) {
                continue;
            }
            Optional<VmSize> size = VmSize.parse(pool.vmSize());
            if (size.isEmpty() || usages.get().usage(size.get().family()).isEmpty()) {
                unknown.add("pool " + pool.name() + " (" + pool.vmSize() + ")");
                continue;
            }
            long vcpus = (long) surge * size.get().vcpus();
            byFamily.merge(size.get().family(), vcpus, Long::sum);
            total += vcpus;
        }
        List<String> short_ = new ArrayList<>();
        for (Map.Entry<String, Long> family : byFamily.entrySet()) {
            ComputeUsages.Usage usage = usages.get().usage(family.getKey()).orElseThrow();
            if (usage.free() < family.getValue()) {
                short_.add(describe(usage, family.getValue()));
            }
        }
        Optional<ComputeUsages.Usage> regional = usages.get().usage(TOTAL);
        if (regional.isPresent() && regional.get().free() < total) {
            short_.add(describe(regional.get(), total));
        }
        RuleOutcome outcome = unknown.isEmpty() ? RuleOutcome.pass()
                : RuleOutcome.unverified(unverified("surge quota of " + String.join(", ", unknown)
                        + ": the VM family of the size is not among the usages of " + cluster.location(), Severity.WARNING));
        if (short_.isEmpty()) {
            return outcome;
        }
        return outcome.plus(RuleOutcome.of(finding(Severity.WARNING, "the surge nodes of all pools at once need more"
                        + " vCPU quota in " + cluster.location() + " than is free: " + String.join("; ", short_),
                "Request a quota increase for the family before the update, or lower maxSurge on the pools (az aks"
                        + " nodepool update --max-surge); without quota the reimage fails or, on Kubernetes 1.35 and"
                        + " later, falls back to one surge node")));
    }

    private static String describe(ComputeUsages.Usage usage, long needed) {
        String name = usage.localizedName() == null ? usage.name() : usage.localizedName() + " (" + usage.name() + ")";
        return name + ": " + needed + " needed, " + usage.free() + " free (" + usage.currentValue() + " of "
                + usage.limit() + " in use)";
    }

    /** What a VM size name says: its quota family name and vCPU count. */
    record VmSize(String family, int vcpus) {
        static Optional<VmSize> parse(String size) {
            if (size == null) {
                return Optional.empty();
            }
            Matcher m = SIZE.matcher(size.trim());
            if (!m.matches()) {
                return Optional.empty();
            }
            String extras = m.group(4).replace("_", "");
            String version = m.group(5) == null ? "" : m.group(5).toLowerCase(java.util.Locale.ROOT);
            String family = "standard" + m.group(1).toUpperCase(java.util.Locale.ROOT)
                    + m.group(3).toUpperCase(java.util.Locale.ROOT) + extras.toUpperCase(java.util.Locale.ROOT)
                    + version + "Family";
            return Optional.of(new VmSize(family, Integer.parseInt(m.group(2))));
        }
    }
}
