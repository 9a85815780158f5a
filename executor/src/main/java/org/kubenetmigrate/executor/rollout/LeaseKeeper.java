package org.kubenetmigrate.executor.rollout;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.kubenetmigrate.executor.state.ConditionFailedException;
import org.kubenetmigrate.executor.state.StateStore;

/**
 * Keeps a member's lease while a worker runs it: renews it every third of its duration in the background, and
 * confirms it (a synchronous renewal) right before anything that must happen at most once — a mutating request
 * to Azure. When a renewal is refused, or none succeeded for a whole lease duration, the claim is lost: the
 * worker thread is interrupted (a wait in the engine ends) and every later {@link #confirm} throws.
 */
final class LeaseKeeper implements AutoCloseable {
    private final StateStore.Lease lease;
    private final Clock clock;
    private final Thread worker;
    private final ScheduledExecutorService timer;
    private volatile Instant lastRenewed;
    private volatile String lost;

    LeaseKeeper(StateStore.Lease lease, Clock clock, Thread worker) {
        this.lease = lease;
        this.clock = clock;
        this.worker = worker;
        this.lastRenewed = clock.instant();
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "lease-" + lease.name());
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(200, lease.duration().toMillis() / 3);
        timer.scheduleWithFixedDelay(this::renewQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    StateStore.Lease lease() {
        return lease;
    }

    boolean lost() {
        return lost != null;
    }

    /** Renews now; throws when the lease is not ours any more (nothing may be sent or written then). */
    synchronized void confirm() {
        if (lost != null) {
            throw new ClaimLostException(lost);
        }
        try {
            lease.renew();
            lastRenewed = clock.instant();
        } catch (ConditionFailedException e) {
            lose("the lease on " + lease.name() + " was lost: " + e.getMessage());
            throw new ClaimLostException(lost);
        } catch (IOException e) {
            // Unconfirmed is as good as lost for a request that must not be sent twice.
            throw new ClaimLostException("cannot confirm the lease on " + lease.name() + ": " + e.getMessage());
        }
    }

    private synchronized void renewQuietly() {
        if (lost != null) {
            return;
        }
        try {
            lease.renew();
            lastRenewed = clock.instant();
        } catch (ConditionFailedException e) {
            lose("the lease on " + lease.name() + " was lost: " + e.getMessage());
        } catch (IOException | RuntimeException e) {
            if (Duration.between(lastRenewed, clock.instant()).compareTo(lease.duration()) >= 0) {
                lose("the lease on " + lease.name() + " could not be renewed for " + lease.duration().toSeconds()
                        + "s: " + e.getMessage());
            }
        }
    }

    private void lose(String why) {
        lost = why;
        worker.interrupt();
    }

    /** Stops renewing; releases the lease unless it was lost. */
    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (lost == null) {
            lease.release();
        }
    }
}
