package org.kubenetmigrate.executor.rollout;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import org.kubenetmigrate.executor.state.ConditionFailedException;
import org.kubenetmigrate.executor.state.StateStore;

/**
 * The cluster lock in a shared state: whoever changes a cluster through the state (a rollout worker, a member run
 * resumed, applied or rolled back by hand) holds the lease on {@code locks/clusters/KEY.jsonl} for as long as it
 * works, renewed with the member's own lease. A member's lease alone excludes only the runs of that member; the
 * cluster lock also excludes the same cluster in another rollout of the same state.
 *
 * <p>The log's records say who took the lock and when (the last record is the holder while the lease is held);
 * the lease, not the record, is the lock. A holder that dies loses it when its lease expires (15 to 60 seconds).
 *
 * <p>What it cannot exclude: a run whose state is elsewhere (a local state directory on a laptop, another
 * container). Those never see this lock; see the state-directory page of the operations docs.
 */
public final class ClusterLocks {
    private final StateStore store;

    public ClusterLocks(StateStore store) {
        this.store = store;
    }

    /** Who took a cluster's lock: shown to whoever is refused it. */
    public record Holder(String who, String what, Instant since) {
        public String describe() {
            return what + " (" + who + ", since " + since + ")";
        }
    }

    /** The lock's name for a cluster: its resource id, lower-cased (ARM ids are case-insensitive), hashed. */
    static String name(String clusterId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(clusterId.toLowerCase(Locale.ROOT)
                    .getBytes(StandardCharsets.UTF_8));
            return "locks/clusters/" + HexFormat.of().formatHex(hash, 0, 16) + ".jsonl";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Takes the cluster's lock and records the holder.
     *
     * @return the lease, or empty when someone holds it
     */
    public Optional<StateStore.Lease> acquire(String clusterId, Holder holder, Duration duration) throws IOException {
        String name = name(clusterId);
        store.createLog(name);
        Optional<StateStore.Lease> lease = store.acquireLease(name, duration);
        if (lease.isEmpty()) {
            return lease;
        }
        try {
            long length = store.read(name).map(v -> (long) v.content().length).orElse(0L);
            byte[] record = (RolloutFiles.JSON.writeValueAsString(holder) + "\n").getBytes(StandardCharsets.UTF_8);
            store.append(name, record, length, lease.get().id());
            return lease;
        } catch (ConditionFailedException | IOException | RuntimeException e) {
            lease.get().release();
            throw e instanceof IOException io ? io : new IOException("cannot record the lock of " + clusterId + ": "
                    + e.getMessage(), e);
        }
    }

    /** The last holder recorded (the holder, while the lock is held). */
    public Optional<Holder> lastHolder(String clusterId) throws IOException {
        Optional<StateStore.Versioned> log = store.read(name(clusterId));
        if (log.isEmpty() || log.get().content().length == 0) {
            return Optional.empty();
        }
        String[] lines = new String(log.get().content(), StandardCharsets.UTF_8).split("\n");
        return Optional.of(RolloutFiles.JSON.readValue(lines[lines.length - 1], Holder.class));
    }

    /** Why a cluster cannot be locked now: its holder as recorded. */
    public String heldBy(String clusterId) throws IOException {
        return "cluster " + clusterId + " is locked in " + store.describe() + " by "
                + lastHolder(clusterId).map(Holder::describe).orElse("another run");
    }

    /** Breaks the cluster's lock (for {@code unlock --force}): its holder, if alive, stops at its next renewal. */
    public boolean breakLock(String clusterId) throws IOException {
        return store.breakLease(name(clusterId));
    }

    /**
     * A member's lease and its cluster's lock, kept as one: renewed together, lost when either is lost, released
     * together. Its id is the member's lease id (the journal's appends carry it).
     */
    static StateStore.Lease joint(StateStore.Lease member, StateStore.Lease cluster) {
        return new StateStore.Lease() {
            @Override
            public String id() {
                return member.id();
            }

            @Override
            public String name() {
                return member.name();
            }

            @Override
            public Duration duration() {
                return member.duration();
            }

            @Override
            public void renew() throws IOException, ConditionFailedException {
                member.renew();
                cluster.renew();
            }

            @Override
            public void release() {
                cluster.release();
                member.release();
            }
        };
    }
}
