package org.kubenetmigrate.executor.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kubenetmigrate.executor.Harness;
import org.kubenetmigrate.executor.engine.Approvals;
import org.kubenetmigrate.executor.engine.RunOutcome;
import org.kubenetmigrate.executor.engine.RunResult;
import org.kubenetmigrate.executor.testing.Scenario;
import org.kubenetmigrate.executor.testing.ShmTempDir;

class StatusAndUnlockTest {
    @TempDir(factory = ShmTempDir.class)
    Path dir;

    @Test
    void statusShowsStepsDoneWaitingAndPendingWithApprovalsAndRequests() throws Exception {
        Harness h = new Harness(dir.resolve("state"), Scenario.azure());
        RunResult stopped = h.apply(Scenario.plan(dir, Scenario.STG), Approvals.through("prepare"));

        StatusReport report = h.status(stopped.runId());

        assertThat(report.runs()).singleElement().satisfies(r -> {
            assertThat(r.phase()).isEqualTo("stopped");
            assertThat(r.at()).isEqualTo("update-network-plugin");
            assertThat(r.atStatus()).isEqualTo("waiting-for-approval");
            assertThat(r.lockHolder()).contains("run " + stopped.runId());
        });
        assertThat(report.detail().steps()).extracting(StatusReport.StepLine::status).containsExactly("succeeded",
                "succeeded", "succeeded", "waiting-for-approval", "pending", "pending", "pending");
        StatusReport.StepLine disable = report.detail().steps().get(2);
        assertThat(disable.approval()).endsWith("(flag --approve-through prepare)");
        assertThat(disable.lastRequest()).startsWith("forward PUT /subscriptions/").contains("If-Match: 0000")
                .endsWith("-> Succeeded").doesNotContain("?api-version=2025-09-01 operation https://management.azure.com"
                        + "/subscriptions/00000000-0000-0000-0000-00000000a001/providers/Microsoft.ContainerService/"
                        + "locations/westeurope/operations/op-0001?");
        assertThat(report.detail().stopReason()).contains("waiting for approval before update-network-plugin");

        assertThat(h.status(null).runs()).hasSize(1);
        assertThatThrownBy(() -> h.status("no-such-run")).isInstanceOf(UsageException.class)
                .hasMessageContaining("no run no-such-run");
    }

    @Test
    void unlockNeedsForceAndTheHoldersRunIdAndThenLetsAnotherRunIn() throws Exception {
        Harness h = new Harness(dir.resolve("state"), Scenario.azure());
        Path plan = Scenario.plan(dir, Scenario.STG);
        // A run that changed something (the policy engine is off) keeps the lock while it waits at the next gate.
        RunResult first = h.apply(plan, Approvals.through("prepare"));
        assertThat(h.apply(plan, Approvals.NONE).outcome()).isEqualTo(RunOutcome.LOCK_HELD);

        Unlock unlock = new Unlock(h.env());
        assertThatThrownBy(() -> unlock.run("other-run", true)).isInstanceOf(UsageException.class)
                .hasMessageContaining("no cluster lock is held by run other-run").hasMessageContaining(first.runId());
        assertThatThrownBy(() -> unlock.run(first.runId(), false)).hasMessageContaining("confirm with --force");
        assertThat(unlock.run(first.runId(), true).runId()).isEqualTo(first.runId());

        // In again: its precheck now meets the first run's change (a stale plan), not the lock.
        assertThat(h.apply(plan, Approvals.NONE).outcome()).isEqualTo(RunOutcome.STALE_PLAN);
    }
}
