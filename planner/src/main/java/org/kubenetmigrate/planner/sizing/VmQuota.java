package org.kubenetmigrate.planner.sizing;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one node of a VM size counts against the regional vCPU quota: the quota family, as Azure names it in the
 * compute usage list ({@code name.value} of {@code Microsoft.Compute/locations/usages}, the same name as the
 * {@code family} of the size in the Resource SKUs list, {@code az vm list-skus}), and its vCPUs.
 *
 * <p>The mapping is a table of size-name patterns, checked in order. Azure's family names mostly follow the size
 * name (series, feature letters, version: {@code Standard_D4ads_v5} → {@code standardDADSv5Family}), but not for
 * every series ({@code Standard_NC4as_T4_v3} → {@code standardNCASv3_T4Family}; B-series sizes share
 * {@code standardBSFamily}; the number in {@code Standard_D13_v2} is not its vCPU count). Only the series listed
 * here are mapped; any other size is unknown, and the quota check reports it as not checked rather than guess.
 * Azure compares family names without regard to case ({@code StandardNCASv3_T4Family} in the SKU list,
 * {@code standardNCASv3_T4Family} in the usages); so does {@link org.kubenetmigrate.planner.model.ComputeUsages}.
 */
public record VmQuota(String family, int vcpus) {

    /** vCPUs of the memory-optimised D/DS (v1 and v2) sizes 11 to 15, whose number is not the vCPU count. */
    private static final Map<Integer, Integer> DV2_MEMORY_VCPUS = Map.of(11, 2, 12, 4, 13, 8, 14, 16, 15, 20);

    private static final List<Row> ROWS = List.of(
            // Families Azure names apart from the size pattern.
            fixed("Standard_NC(\\d+)as_T4_v3", "standardNCASv3_T4Family"),
            fixed("Standard_NC(\\d+)s_v3", "standardNCSv3Family"),
            fixed("Standard_NC(\\d+)ads_A100_v4", "standardNCADSA100v4Family"),
            fixed("Standard_NC(\\d+)ads_H100_v5", "standardNCadsH100v5Family"),
            fixed("Standard_NV(\\d+)ads_A10_v5", "standardNVADSA10v5Family"),
            fixed("Standard_ND(\\d+)asr_v4", "standardNDASv4_A100Family"),
            fixed("Standard_ND(\\d+)amsr_A100_v4", "standardNDAMSv4_A100Family"),
            fixed("Standard_B(\\d+)(?:ls|s|ms)", "standardBSFamily"),
            fixed("Standard_A(\\d+)(?:m)?_v2", "standardAv2Family"),
            new Row(Pattern.compile("Standard_(D|DS)(1[1-5])(?:-\\d+)?(_v2)?"),
                    m -> new VmQuota("standard" + m.group(1) + (m.group(3) == null ? "" : "v2") + "Family",
                            DV2_MEMORY_VCPUS.get(Integer.parseInt(m.group(2))))),
            // The regular pattern: series, vCPUs, an optional constrained count, feature letters, version.
            new Row(Pattern.compile("Standard_(D|DS|DC|E|F|L)(\\d+)(?:-\\d+)?([a-z]*)(?:_v(\\d+))?"),
                    m -> new VmQuota("standard" + m.group(1) + m.group(3).toUpperCase(Locale.ROOT)
                            + (m.group(4) == null ? "" : "v" + m.group(4)) + "Family", Integer.parseInt(m.group(2)))));

    /**
     * The quota family and vCPUs of {@code size}; empty for a size outside the table. A constrained-vCPU size
     * ({@code Standard_E4-2s_v5}) counts its full vCPUs (4): how Azure counts those against quota is not documented
     * where this tool could read it, and the larger number is the conservative side.
     */
    public static Optional<VmQuota> of(String size) {
        if (size == null) {
            return Optional.empty();
        }
        String name = size.trim();
        for (Row row : ROWS) {
            Matcher m = row.pattern().matcher(name);
            if (m.matches()) {
                return Optional.of(row.quota().apply(m));
            }
        }
        return Optional.empty();
    }

    private static Row fixed(String pattern, String family) {
        return new Row(Pattern.compile(pattern), m -> new VmQuota(family, Integer.parseInt(m.group(1))));
    }

    private record Row(Pattern pattern, Function<Matcher, VmQuota> quota) {
    }
}
