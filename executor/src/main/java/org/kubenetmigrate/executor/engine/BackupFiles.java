package org.kubenetmigrate.executor.engine;

/** File names inside the run's backup directory. */
public final class BackupFiles {
    private BackupFiles() {
    }

    public static final String CLUSTER = "cluster.json";
    public static final String AGENT_POOLS = "agent-pools.json";
    public static final String ROUTE_TABLES = "route-tables";
}
