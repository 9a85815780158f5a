package org.kubenetmigrate.executor.azure.blob;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.policy.ExponentialBackoffOptions;
import com.azure.core.http.policy.RetryOptions;
import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobContainerClientBuilder;
import com.azure.storage.blob.models.AppendBlobRequestConditions;
import com.azure.storage.blob.models.BlobErrorCode;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.BlobRequestConditions;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.models.ListBlobsOptions;
import com.azure.storage.blob.options.BlobAcquireLeaseOptions;
import com.azure.storage.blob.options.BlobBreakLeaseOptions;
import com.azure.storage.blob.options.BlobParallelUploadOptions;
import com.azure.storage.blob.options.BlobReleaseLeaseOptions;
import com.azure.storage.blob.options.BlobRenewLeaseOptions;
import com.azure.storage.blob.specialized.AppendBlobClient;
import com.azure.storage.blob.specialized.BlobLeaseClient;
import com.azure.storage.blob.specialized.BlobLeaseClientBuilder;
import com.azure.core.util.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.kubenetmigrate.executor.state.ConditionFailedException;
import org.kubenetmigrate.executor.state.StateLocation;
import org.kubenetmigrate.executor.state.StateStore;
import org.kubenetmigrate.executor.state.StateStore.HeldLease;
import org.kubenetmigrate.planner.azure.AzureSession;

/**
 * {@link StateStore} in an Azure Blob Storage container: documents are block blobs written with {@code If-None-Match: *}
 * or {@code If-Match: ETAG}; logs are append blobs, each record one Append Block with
 * {@code x-ms-blob-condition-appendpos} and the lease id, so a record lands whole, at the position the writer
 * expected, and only while the writer holds the lease; leases are blob leases (15 to 60 seconds).
 *
 * <p>A request whose answer is lost is retried by the SDK; for an append that retry is refused with 412 when the
 * first attempt landed. {@link #append} then reads the log and accepts it when the record sits exactly at the
 * expected position — never appending it twice.
 */
public final class BlobStateStore implements StateStore {
    private final BlobContainerClient container;
    private final String prefix;
    private final String description;
    private final AtomicLong requests = new AtomicLong();

    private BlobStateStore(BlobContainerClient container, String prefix, String description) {
        this.container = container;
        this.prefix = prefix;
        this.description = description;
    }

    /**
     * With the connection string's key or SAS (Azurite, or a storage account without Entra ID); TLS trust as the
     * JVM is told ({@link AzureSession#jvmTrustingHttpClient()}).
     */
    public static BlobStateStore withConnectionString(StateLocation.BlobContainer location, String connectionString) {
        BlobContainerClientBuilder builder = new BlobContainerClientBuilder().connectionString(connectionString)
                .endpoint(location.containerUrl()).containerName(location.container());
        return new BlobStateStore(build(builder, AzureSession.jvmTrustingHttpClient()), location.prefix(),
                location.describe());
    }

    /** With an Entra ID token from the session's sign-in (the identity needs Storage Blob Data Contributor). */
    public static BlobStateStore signedIn(StateLocation.BlobContainer location, AzureSession session) {
        return withCredential(location, session.credential(), AzureSession.jvmTrustingHttpClient());
    }

    private static BlobStateStore withCredential(StateLocation.BlobContainer location, TokenCredential credential,
                                                 HttpClient http) {
        BlobContainerClientBuilder builder = new BlobContainerClientBuilder().endpoint(location.containerUrl())
                .containerName(location.container()).credential(credential);
        return new BlobStateStore(build(builder, http), location.prefix(), location.describe());
    }

    private static BlobContainerClient build(BlobContainerClientBuilder builder, HttpClient http) {
        if (http != null) {
            builder.httpClient(http);
        }
        // Transport failures and 5xx are retried by the SDK (a few times, briefly); conditions make that safe.
        builder.retryOptions(new RetryOptions(new ExponentialBackoffOptions().setMaxRetries(4)
                .setBaseDelay(Duration.ofMillis(200)).setMaxDelay(Duration.ofSeconds(4))));
        return builder.buildClient();
    }

    /** Requests sent so far (for the benchmark's requests per member). */
    public long requestCount() {
        return requests.get();
    }

    @Override
    public String describe() {
        return description;
    }

    /** Creates the container when it does not exist (rollout create); workers expect it. */
    @Override
    public void createIfMissing() throws IOException {
        try {
            call(() -> container.createIfNotExists());
        } catch (StatusException e) {
            throw e.io();
        }
    }

    @Override
    public Optional<Versioned> read(String name) throws IOException {
        BlobClient blob = container.getBlobClient(prefix + name);
        try {
            var response = call(() -> blob.downloadContentWithResponse(null, null, null, Context.NONE));
            return Optional.of(new Versioned(response.getValue().toBytes(), response.getDeserializedHeaders().getETag()));
        } catch (StatusException e) {
            if (e.status == 404) {
                return Optional.empty();
            }
            throw e.io();
        }
    }

    @Override
    public String create(String name, byte[] content) throws IOException, ConditionFailedException {
        return upload(name, content, new BlobRequestConditions().setIfNoneMatch("*"));
    }

    @Override
    public String replace(String name, byte[] content, String etag) throws IOException, ConditionFailedException {
        return upload(name, content, new BlobRequestConditions().setIfMatch(etag));
    }

    @Override
    public void put(String name, byte[] content) throws IOException {
        try {
            upload(name, content, null);
        } catch (ConditionFailedException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private String upload(String name, byte[] content, BlobRequestConditions conditions)
            throws IOException, ConditionFailedException {
        BlobClient blob = container.getBlobClient(prefix + name);
        BlobParallelUploadOptions options = new BlobParallelUploadOptions(BinaryData.fromBytes(content))
                .setRequestConditions(conditions);
        try {
            return call(() -> blob.uploadWithResponse(options, null, Context.NONE)).getValue().getETag();
        } catch (StatusException e) {
            if (e.status == 412 || e.status == 409) {
                throw new ConditionFailedException(name + ": " + e.code);
            }
            throw e.io();
        }
    }

    @Override
    public List<String> list(String under) throws IOException {
        List<String> names = new ArrayList<>();
        try {
            call(() -> {
                for (BlobItem item : container.listBlobs(new ListBlobsOptions().setPrefix(prefix + under), null)) {
                    names.add(item.getName().substring(prefix.length()));
                }
                return null;
            });
        } catch (StatusException e) {
            throw e.io();
        }
        names.sort(null);
        return names;
    }

    @Override
    public boolean createLog(String name) throws IOException {
        AppendBlobClient blob = container.getBlobClient(prefix + name).getAppendBlobClient();
        try {
            call(() -> blob.createWithResponse(null, null, new BlobRequestConditions().setIfNoneMatch("*"), null,
                    Context.NONE));
            return true;
        } catch (StatusException e) {
            if (e.status == 409 || e.status == 412) {
                return false;
            }
            throw e.io();
        }
    }

    @Override
    public long append(String name, byte[] record, long position, String leaseId)
            throws IOException, ConditionFailedException {
        AppendBlobClient blob = container.getBlobClient(prefix + name).getAppendBlobClient();
        AppendBlobRequestConditions conditions = new AppendBlobRequestConditions().setAppendPosition(position)
                .setLeaseId(leaseId);
        try {
            call(() -> blob.appendBlockWithResponse(BinaryData.fromBytes(record).toStream(), record.length, null,
                    conditions, null, Context.NONE));
            return position + record.length;
        } catch (StatusException e) {
            if (e.status != 412) {
                throw e.io();
            }
            if (BlobErrorCode.APPEND_POSITION_CONDITION_NOT_MET.toString().equals(e.code)) {
                // Our own earlier attempt may have landed and only its answer was lost (the SDK retried).
                Optional<Versioned> now = read(name);
                if (now.isPresent() && landed(now.get().content(), record, position)) {
                    return position + record.length;
                }
            }
            throw new ConditionFailedException(name + ": " + e.code);
        }
    }

    private static boolean landed(byte[] log, byte[] record, long position) {
        return log.length == position + record.length
                && Arrays.equals(log, (int) position, log.length, record, 0, record.length);
    }

    @Override
    public Optional<Lease> acquireLease(String name, Duration duration) throws IOException {
        BlobClient blob = container.getBlobClient(prefix + name);
        String proposed = UUID.randomUUID().toString();
        BlobLeaseClient client = new BlobLeaseClientBuilder().blobClient(blob).leaseId(proposed).buildClient();
        try {
            String id = call(() -> client.acquireLeaseWithResponse(new BlobAcquireLeaseOptions((int) duration.toSeconds()),
                    null, Context.NONE)).getValue();
            return Optional.of(new BlobLease(name, id, duration, client));
        } catch (StatusException e) {
            if (e.status == 409) {
                return Optional.empty();
            }
            throw e.io();
        }
    }

    @Override
    public boolean breakLease(String name) throws IOException {
        BlobLeaseClient client = new BlobLeaseClientBuilder().blobClient(container.getBlobClient(prefix + name))
                .buildClient();
        try {
            call(() -> client.breakLeaseWithResponse(new BlobBreakLeaseOptions().setBreakPeriod(Duration.ZERO), null,
                    Context.NONE));
            return true;
        } catch (StatusException e) {
            if (e.status == 409 || e.status == 404) {
                return false; // no lease (or no such blob): nothing to break
            }
            throw e.io();
        }
    }

    private final class BlobLease extends HeldLease {
        private final BlobLeaseClient client;

        BlobLease(String name, String id, Duration duration, BlobLeaseClient client) {
            super(name, id, duration);
            this.client = client;
        }

        @Override
        public void renew() throws IOException, ConditionFailedException {
            try {
                call(() -> client.renewLeaseWithResponse(new BlobRenewLeaseOptions(), null, Context.NONE));
            } catch (StatusException e) {
                if (e.status == 409 || e.status == 412 || e.status == 404) {
                    throw new ConditionFailedException(name + ": lease lost (" + e.code + ")");
                }
                throw e.io();
            }
        }

        @Override
        public void release() {
            try {
                call(() -> client.releaseLeaseWithResponse(new BlobReleaseLeaseOptions(), null, Context.NONE));
            } catch (StatusException | IOException | RuntimeException e) {
                // Lost already, or the answer was lost: the lease expires by itself.
            }
        }
    }

    /** A storage error with its status and error code, never its request URL (which may carry a SAS). */
    private static final class StatusException extends Exception {
        private static final long serialVersionUID = 1L;
        final int status;
        final String code;

        StatusException(int status, String code) {
            super("Blob Storage answered " + status + (code == null ? "" : " " + code));
            this.status = status;
            this.code = code;
        }

        IOException io() {
            return new IOException(getMessage());
        }
    }

    private interface Call<T> {
        T run();
    }

    private <T> T call(Call<T> call) throws StatusException, IOException {
        requests.incrementAndGet();
        try {
            return call.run();
        } catch (BlobStorageException e) {
            throw new StatusException(e.getStatusCode(), e.getErrorCode() == null ? null : e.getErrorCode().toString());
        } catch (UncheckedIOException e) {
            throw new IOException("cannot reach Blob Storage: " + e.getCause().getMessage());
        } catch (RuntimeException e) {
            if (e.getCause() instanceof IOException io) {
                throw new IOException("cannot reach Blob Storage: " + io.getMessage());
            }
            throw e;
        }
    }
}
