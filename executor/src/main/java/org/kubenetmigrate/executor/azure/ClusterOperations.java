package org.kubenetmigrate.executor.azure;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * Everything the executor asks of Azure Resource Manager, and nothing more: reads of the cluster, its agent pools
 * and network resources, one kind of write (a PUT that starts a long-running operation) and the polling of that
 * operation. The engine decides what to send, when to retry and when to stop; an implementation only translates
 * calls to HTTP and HTTP outcomes to {@link AzureException}, and must <em>not</em> retry a PUT on its own (the
 * engine's retry rules decide whether re-sending is safe). Reads may be retried by the implementation's HTTP
 * pipeline.
 *
 * <p>Implementations: the Azure SDK adapter (live), and {@code InMemoryClusterOperations} in the test fixtures.
 * Implementations must be safe for use by one thread at a time; the engine never calls one concurrently.
 *
 * <p>Secrets: an implementation never puts a token, key or kubeconfig into anything it returns (JSON bodies as
 * ARM returns them carry none; the engine still redacts secret-looking fields before writing anything).
 */
public interface ClusterOperations {

    /**
     * GET the managed cluster, {@code api-version} {@code 2025-09-01}.
     *
     * @param clusterId the ARM id of the managed cluster
     * @return the body as ARM returned it, with the ETag (header, else the body's {@code eTag})
     * @throws AzureException 404 when the cluster does not exist, and any other failure
     */
    ObservedCluster getCluster(String clusterId) throws AzureException;

    /** GET {@code {clusterId}/agentPools}, every page, in the order ARM returns them. */
    List<ObservedAgentPool> getAgentPools(String clusterId) throws AzureException;

    /**
     * GET any resource or collection by path (route tables, virtual networks, the route tables of a resource
     * group). A collection comes back as one {@code {"value": [...]}} object holding every page.
     *
     * @return empty on 404
     */
    Optional<RawResource> get(String path, String apiVersion) throws AzureException;

    /**
     * GET a collection with an OData {@code $filter}, every page as one {@code {"value": [...]}} object; e.g. the
     * role assignments of one principal at a scope ({@code principalId eq '…'}: those at, above and below it).
     *
     * @return empty on 404
     */
    Optional<RawResource> list(String path, String apiVersion, String filter) throws AzureException;

    /**
     * Sends one PUT and returns as soon as ARM accepted it, <em>before</em> the long-running operation ends, so that
     * the engine can journal the operation URL first. Never retries.
     *
     * @param ifMatchEtag the {@code If-Match} value to send, exactly as given (quotes included); null sends none
     * @param fullBody the whole resource to PUT
     * @return the operation to follow ({@code Azure-AsyncOperation}, else {@code Location}); a handle without URL
     *         when ARM completed the PUT synchronously
     * @throws AzureException 412 when the ETag no longer matches, 409 when another operation is in progress,
     *         429 with {@code Retry-After}, 4xx/5xx with ARM's error code and message, or a transport failure
     *         (status 0) after which the request may or may not have reached ARM
     */
    OperationHandle beginPut(String path, String apiVersion, String ifMatchEtag, JsonNode fullBody) throws AzureException;

    /**
     * One GET of the operation URL. Does not wait: {@link OperationStatus#retryAfter()} says when to ask again
     * (ARM's {@code Retry-After}, or empty).
     */
    OperationStatus pollOperation(OperationHandle operation) throws AzureException;

    /**
     * The signed-in Azure principal (user principal name, or the app/object id of a service principal or managed
     * identity), for the lock, the journal and the audit log. Empty when the implementation cannot tell.
     */
    default Optional<String> principalName() {
        return Optional.empty();
    }
}
