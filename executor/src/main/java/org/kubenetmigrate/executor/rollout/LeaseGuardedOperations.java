package org.kubenetmigrate.executor.rollout;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import org.kubenetmigrate.executor.azure.AzureException;
import org.kubenetmigrate.executor.azure.ClusterOperations;
import org.kubenetmigrate.executor.azure.ObservedAgentPool;
import org.kubenetmigrate.executor.azure.ObservedCluster;
import org.kubenetmigrate.executor.azure.OperationHandle;
import org.kubenetmigrate.executor.azure.OperationStatus;
import org.kubenetmigrate.executor.azure.RawResource;

/**
 * Azure for a claimed member: reads pass through; a mutating request is sent only after the member's lease was
 * renewed a moment before, so that no other worker can have taken the member over (and be about to send the same
 * request) while this one sends it.
 */
final class LeaseGuardedOperations implements ClusterOperations {
    private final ClusterOperations azure;
    private final LeaseKeeper lease;

    LeaseGuardedOperations(ClusterOperations azure, LeaseKeeper lease) {
        this.azure = azure;
        this.lease = lease;
    }

    @Override
    public ObservedCluster getCluster(String clusterId) throws AzureException {
        return azure.getCluster(clusterId);
    }

    @Override
    public List<ObservedAgentPool> getAgentPools(String clusterId) throws AzureException {
        return azure.getAgentPools(clusterId);
    }

    @Override
    public Optional<RawResource> get(String path, String apiVersion) throws AzureException {
        return azure.get(path, apiVersion);
    }

    @Override
    public Optional<RawResource> list(String path, String apiVersion, String filter) throws AzureException {
        return azure.list(path, apiVersion, filter);
    }

    @Override
    public OperationHandle beginPut(String path, String apiVersion, String ifMatchEtag, JsonNode fullBody)
            throws AzureException {
        lease.confirm();
        return azure.beginPut(path, apiVersion, ifMatchEtag, fullBody);
    }

    @Override
    public OperationStatus pollOperation(OperationHandle operation) throws AzureException {
        return azure.pollOperation(operation);
    }

    @Override
    public Optional<String> principalName() {
        return azure.principalName();
    }
}
