package org.kubenetmigrate.executor.state;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Shared state that several workers on several machines can coordinate through: documents replaced only by the
 * writer that read the current version (ETag compare-and-swap), append-only logs where each record is one
 * conditional append at a known position, and leases that expire when their holder stops renewing them.
 *
 * <p>Two implementations behave alike: {@link LocalStateStore} (a directory; for one machine and for tests of
 * the coordination logic) and the Blob Storage one in {@code azure.blob} (for CI workers on many machines).
 * Names are relative paths with {@code /} separators, e.g. {@code rollouts/fleet-1/board.json}.
 */
public interface StateStore extends AutoCloseable {

    /** Where the state lives, for messages: never contains a key, SAS or connection string. */
    String describe();

    /** A document and the version it was read at. */
    record Versioned(byte[] content, String etag) {
    }

    /** Reads a document or log; empty when there is none. */
    Optional<Versioned> read(String name) throws IOException;

    /**
     * Creates a document that must not exist yet.
     *
     * @return its version
     * @throws ConditionFailedException when it exists already
     */
    String create(String name, byte[] content) throws IOException, ConditionFailedException;

    /**
     * Replaces a document if it is still at {@code etag}.
     *
     * @return the new version
     * @throws ConditionFailedException when someone else changed it since it was read
     */
    String replace(String name, byte[] content, String etag) throws IOException, ConditionFailedException;

    /** Writes a document whoever wrote it last (backups, plans under a claimed member). */
    void put(String name, byte[] content) throws IOException;

    /** Names under a prefix, sorted. */
    List<String> list(String prefix) throws IOException;

    /** Creates an empty append-only log unless it exists; returns whether it was created now. */
    boolean createLog(String name) throws IOException;

    /**
     * Appends one record at exactly {@code position} (the log's length as the writer knows it), only while
     * {@code leaseId} (when not null) holds the log's lease. A record lands whole or not at all.
     *
     * @return the log's length after the record
     * @throws ConditionFailedException when the log is not at {@code position} (someone else appended) or the
     *                                  lease is not held; nothing was written by this call
     */
    long append(String name, byte[] record, long position, String leaseId) throws IOException, ConditionFailedException;

    /**
     * Takes the lease on an existing blob or log for {@code duration}.
     *
     * @return the lease, or empty when someone else holds it and it has not expired
     */
    Optional<Lease> acquireLease(String name, Duration duration) throws IOException;

    /**
     * Ends whoever's lease on {@code name} at once (for {@code unlock --force}); the holder, if it is alive, finds out
     * at its next renewal and stops before its next action.
     *
     * @return whether a lease was held
     */
    boolean breakLease(String name) throws IOException;

    /** A lease held by this process. */
    interface Lease {
        String id();

        String name();

        Duration duration();

        /** Extends the lease by its duration from now; throws when it was lost (expired and taken, or broken). */
        void renew() throws IOException, ConditionFailedException;

        /** Lets go, so another worker can take it at once. Never throws for a lease already lost. */
        void release();
    }

    /** What every store's lease holds: its blob's name, its id and its duration; the store supplies renew and release. */
    abstract class HeldLease implements Lease {
        protected final String name;
        protected final String id;
        protected final Duration duration;

        protected HeldLease(String name, String id, Duration duration) {
            this.name = name;
            this.id = id;
            this.duration = duration;
        }

        @Override
        public final String id() {
            return id;
        }

        @Override
        public final String name() {
            return name;
        }

        @Override
        public final Duration duration() {
            return duration;
        }
    }

    /** Creates the place itself (the container) if it does not exist; for {@code rollout create}. */
    default void createIfMissing() throws IOException {
    }

    @Override
    default void close() {
    }
}
