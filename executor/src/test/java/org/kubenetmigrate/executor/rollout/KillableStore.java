package org.kubenetmigrate.executor.rollout;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.kubenetmigrate.executor.state.ConditionFailedException;
import org.kubenetmigrate.executor.state.StateStore;

/**
 * A worker's view of the state that dies like a killed process: at a chosen request (the request never lands), and
 * from then on nothing it does reaches the state — no release of its leases, no last board write. The lease it held
 * then expires as a real one would (the test breaks it, as the clock would).
 */
class KillableStore implements StateStore {
    /** The worker's process died; thrown as an Error so no catch in the worker can tidy up in the state. */
    static final class Killed extends Error {
        Killed(String where) {
            super("killed at " + where);
        }
    }

    private final StateStore store;
    private final Predicate<String> killAtAppendTo;
    private volatile boolean dead;

    /** Dies at the first append to a log whose name {@code killAtAppendTo} accepts. */
    KillableStore(StateStore store, Predicate<String> killAtAppendTo) {
        this.store = store;
        this.killAtAppendTo = killAtAppendTo;
    }

    /** Dies here: nothing more reaches the state. */
    Killed die(String where) {
        dead = true;
        return new Killed(where);
    }

    boolean dead() {
        return dead;
    }

    private void alive(String what) {
        if (dead) {
            throw new Killed(what + " after death");
        }
    }

    @Override
    public String describe() {
        return store.describe();
    }

    @Override
    public Optional<Versioned> read(String name) throws IOException {
        alive("read " + name);
        return store.read(name);
    }

    @Override
    public String create(String name, byte[] content) throws IOException, ConditionFailedException {
        alive("create " + name);
        return store.create(name, content);
    }

    @Override
    public String replace(String name, byte[] content, String etag) throws IOException, ConditionFailedException {
        alive("replace " + name);
        return store.replace(name, content, etag);
    }

    @Override
    public void put(String name, byte[] content) throws IOException {
        alive("put " + name);
        store.put(name, content);
    }

    @Override
    public List<String> list(String prefix) throws IOException {
        alive("list " + prefix);
        return store.list(prefix);
    }

    @Override
    public boolean createLog(String name) throws IOException {
        alive("createLog " + name);
        return store.createLog(name);
    }

    @Override
    public long append(String name, byte[] record, long position, String leaseId)
            throws IOException, ConditionFailedException {
        alive("append " + name);
        if (killAtAppendTo.test(name)) {
            throw die("append to " + name + " at " + position);
        }
        return store.append(name, record, position, leaseId);
    }

    @Override
    public boolean breakLease(String name) throws IOException {
        alive("breakLease " + name);
        return store.breakLease(name);
    }

    @Override
    public Optional<Lease> acquireLease(String name, Duration duration) throws IOException {
        alive("acquireLease " + name);
        return store.acquireLease(name, duration).map(lease -> new Lease() {
            @Override
            public String id() {
                return lease.id();
            }

            @Override
            public String name() {
                return lease.name();
            }

            @Override
            public Duration duration() {
                return lease.duration();
            }

            @Override
            public void renew() throws IOException, ConditionFailedException {
                alive("renew " + name);
                lease.renew();
            }

            @Override
            public void release() {
                if (!dead) {
                    lease.release();
                }
            }
        });
    }
}
