package org.kubenetmigrate.planner.sizing;

import java.util.List;
import org.kubenetmigrate.planner.model.AgentPool;

/**
 * Max nodes and surge nodes. All pools reimage at once during the Overlay update (https://learn.microsoft.com/azure/aks/update-azure-cni), so their surges add up.
 */
public final class NodeCounts {
    private NodeCounts() {
    }

    public static List<PoolSizing> perPool(List<AgentPool> pools) {
        return pools.stream().map(NodeCounts::pool).toList();
    }

    public static PoolSizing pool(AgentPool pool) {
        int max = pool.maxNodes();
        String setting = pool.maxSurge() == null ? "" : pool.maxSurge().trim();
        if (setting.isEmpty()) {
            int byPercent = ceilPercent(max, AzureLimits.DEFAULT_SURGE_PERCENT);
            int surge = Math.max(AzureLimits.DEFAULT_SURGE_NODES, byPercent);
            return new PoolSizing(pool.name(), max, surge, "maxSurge unset: larger of 1 node and 10% of " + max);
        }
        if (setting.endsWith("%")) {
            int percent = parseNonNegative(setting.substring(0, setting.length() - 1), pool);
            return new PoolSizing(pool.name(), max, ceilPercent(max, percent), "maxSurge " + setting + " of " + max);
        }
        return new PoolSizing(pool.name(), max, parseNonNegative(setting, pool), "maxSurge " + setting);
    }

    public static int maxNodes(List<PoolSizing> pools) {
        return pools.stream().mapToInt(PoolSizing::maxNodes).sum();
    }

    public static int surgeNodes(List<PoolSizing> pools) {
        return pools.stream().mapToInt(PoolSizing::surgeNodes).sum();
    }

    static int ceilPercent(int nodes, int percent) {
        return (int) ((nodes * (long) percent + 99) / 100);
    }

    private static int parseNonNegative(String text, AgentPool pool) {
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // fall through to the error below
        }
        throw new IllegalArgumentException("pool " + pool.name() + " has an invalid maxSurge '" + pool.maxSurge() + "'");
    }
}
