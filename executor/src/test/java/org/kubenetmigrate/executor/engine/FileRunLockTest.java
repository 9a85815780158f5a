package org.kubenetmigrate.executor.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileRunLockTest {
    private static final String CLUSTER = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.ContainerService/"
            + "managedClusters/aks1";

    @TempDir
    Path dir;

    private static LockHolder holder(String runId) {
        return new LockHolder(CLUSTER, runId, "alice", "alice@example.com", "laptop", 42,
                Instant.parse("2026-12-01T12:00:00Z"));
    }

    @Test
    void refusesASecondRunNamingTheHolder() throws Exception {
        FileRunLock lock = new FileRunLock(dir);
        lock.acquire(holder("run-1"));
        assertThatThrownBy(() -> lock.acquire(holder("run-2"))).isInstanceOf(LockHeldException.class)
                .hasMessageContaining("run run-1 (alice as alice@example.com on laptop, pid 42, since 2026-12-01T12:00:00Z)")
                .hasMessageContaining("unlock run-1 --force");
    }

    @Test
    void letsTheHoldingRunInAgainAndReleasesOnlyForIt() throws Exception {
        FileRunLock lock = new FileRunLock(dir);
        lock.acquire(holder("run-1"));
        lock.acquire(holder("run-1"));
        lock.release(CLUSTER, "run-2");
        assertThat(lock.holder(CLUSTER)).map(LockHolder::runId).contains("run-1");
        lock.release(CLUSTER, "run-1");
        assertThat(lock.holder(CLUSTER)).isEmpty();
        lock.acquire(holder("run-2"));
        assertThat(lock.holder(CLUSTER.toUpperCase())).as("ARM ids compare ignoring case")
                .map(LockHolder::runId).contains("run-2");
    }

    @Test
    void forceUnlockNeedsTheHoldersRunId() throws Exception {
        FileRunLock lock = new FileRunLock(dir);
        lock.acquire(holder("run-1"));
        assertThat(lock.forceUnlock("run-9")).isEmpty();
        assertThat(lock.holder(CLUSTER)).isPresent();
        assertThat(lock.forceUnlock("run-1")).map(LockHolder::who).contains("alice");
        assertThat(lock.holders()).isEmpty();
    }

    @Test
    void exactlyOneOfManyThreadsRacingForTheLockGetsIt() throws Exception {
        FileRunLock lock = new FileRunLock(dir);
        int threads = 8;
        CyclicBarrier start = new CyclicBarrier(threads);
        List<String> winners = new CopyOnWriteArrayList<>();
        List<Thread> started = new java.util.ArrayList<>();
        for (int i = 0; i < threads; i++) {
            String runId = "run-" + i;
            Thread t = new Thread(() -> {
                try {
                    start.await();
                    lock.acquire(holder(runId));
                    winners.add(runId);
                } catch (LockHeldException e) {
                    // lost the race
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            });
            t.start();
            started.add(t);
        }
        for (Thread t : started) {
            t.join();
        }
        assertThat(winners).hasSize(1);
        assertThat(lock.holder(CLUSTER)).map(LockHolder::runId).contains(winners.get(0));
    }
}
