package org.kubenetmigrate.executor.commands;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.io.TempDir;
import org.kubenetmigrate.executor.Harness;
import org.kubenetmigrate.executor.engine.Approvals;
import org.kubenetmigrate.executor.engine.RunOutcome;
import org.kubenetmigrate.executor.engine.RunResult;
import org.kubenetmigrate.executor.testing.Scenario;
import org.kubenetmigrate.executor.testing.ShmTempDir;

class ConcurrencyTest {
    @TempDir(factory = ShmTempDir.class)
    Path dir;

    @RepeatedTest(5)
    void twoAppliesOnOneClusterAtTheSameTimeLetExactlyOneProceed() throws Exception {
        Harness h = new Harness(dir.resolve("state"), Scenario.azure());
        Path plan = Scenario.plan(dir, Scenario.STG);
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<RunResult>> results = new ArrayList<>();
        Callable<RunResult> apply = () -> {
            start.await();
            return h.apply(plan, Approvals.through("prepare"));
        };
        results.add(pool.submit(apply));
        results.add(pool.submit(apply));
        pool.shutdown();
        List<RunOutcome> outcomes = new ArrayList<>();
        RunResult refused = null;
        for (Future<RunResult> f : results) {
            RunResult r = f.get();
            outcomes.add(r.outcome());
            if (r.outcome() == RunOutcome.LOCK_HELD) {
                refused = r;
            }
        }

        assertThat(outcomes).containsExactlyInAnyOrder(RunOutcome.STOPPED_AT_GATE, RunOutcome.LOCK_HELD);
        assertThat(refused.message()).contains("is locked by run ").contains(System.getProperty("user.name"));
        assertThat(h.env().store().listIds()).as("the refused apply leaves no run behind").hasSize(1);
        assertThat(h.azure.mutatingCalls()).as("only the winner changed anything").hasSize(1);
    }
}
