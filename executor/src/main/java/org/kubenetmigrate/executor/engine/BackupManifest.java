package org.kubenetmigrate.executor.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.kubenetmigrate.planner.report.OutputFiles;

/**
 * What the backup step saved, written last (atomically) so that its presence means the backup is complete.
 *
 * @param takenAt when (ISO-8601 instant)
 * @param clusterEtag the cluster's ETag at the backup
 * @param podCidr the pod CIDR before the migration
 * @param nodeResourceGroup the node resource group (where an AKS-managed route table lives)
 * @param clusterFile the cluster's JSON, relative to the backup directory
 * @param agentPoolsFile the agent pools' JSON
 * @param routeTables each route table of the node subnets
 */
public record BackupManifest(String takenAt, String clusterEtag, String podCidr, String nodeResourceGroup,
                             String clusterFile, String agentPoolsFile, List<RouteTableCopy> routeTables) {

    public static final String FILE = "manifest.json";
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT);

    public BackupManifest {
        routeTables = List.copyOf(routeTables);
    }

    /**
     * A saved route table.
     *
     * @param managed true when AKS created it (it lives in the node resource group); the update deletes it
     * @param defaultRoute the 0.0.0.0/0 route it had, or null
     * @param kubenetRoutes how many of its routes lay inside the pod CIDR (the kubenet pod routes)
     */
    public record RouteTableCopy(String id, String name, String file, boolean managed, Route defaultRoute,
                                 int kubenetRoutes) {
    }

    public record Route(String name, String addressPrefix, String nextHopType, String nextHopIpAddress) {
    }

    public void write(Path backupDir) throws IOException {
        OutputFiles.writeAtomically(backupDir.resolve(FILE), MAPPER.writeValueAsString(this) + "\n");
    }

    public static Optional<BackupManifest> read(Path backupDir) throws IOException {
        Path file = backupDir.resolve(FILE);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        return Optional.of(MAPPER.readValue(file.toFile(), BackupManifest.class));
    }
}
