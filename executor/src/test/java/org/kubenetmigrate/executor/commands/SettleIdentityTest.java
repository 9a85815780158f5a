package org.kubenetmigrate.executor.commands;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kubenetmigrate.executor.Harness;
import org.kubenetmigrate.executor.engine.Approvals;
import org.kubenetmigrate.executor.engine.EngineEvent;
import org.kubenetmigrate.executor.engine.Journal;
import org.kubenetmigrate.executor.engine.JournalRecord;
import org.kubenetmigrate.executor.engine.RecordType;
import org.kubenetmigrate.executor.engine.RunOutcome;
import org.kubenetmigrate.executor.engine.RunResult;
import org.kubenetmigrate.executor.testing.Scenario;
import org.kubenetmigrate.executor.testing.SimulatedCrash;

/** settle-identity: after assign-identity, nothing that needs the new identity runs before the settle time. */
class SettleIdentityTest {
    @TempDir
    Path dir;

    private static Instant assignedAt(Harness h, String runId) throws Exception {
        return Journal.read(h.runDir(runId).resolve(Journal.FILE_NAME)).records().stream()
                .filter(r -> r.type() == RecordType.STEP_SUCCEEDED && "assign-identity".equals(r.stepId()))
                .map(JournalRecord::time).findFirst().orElseThrow();
    }

    @Test
    void theRunWaitsTheSettleTimeAfterAssignIdentityBeforeGoingOn() throws Exception {
        Harness h = new Harness(dir.resolve("state"), Scenario.azure());

        RunResult result = h.apply(Scenario.plan(dir, Scenario.LEDGER, Scenario.assignIdentity()),
                Approvals.through("prepare"));

        assertThat(result.outcome()).as(result.message()).isEqualTo(RunOutcome.STOPPED_AT_GATE);
        assertThat(result.stepId()).isEqualTo("update-network-plugin");
        Instant assigned = assignedAt(h, result.runId());
        assertThat(h.time.instant()).isAfterOrEqualTo(assigned.plus(Duration.ofMinutes(60)));
        assertThat(h.events.of(EngineEvent.Progress.class)).anySatisfy(p -> assertThat(p.message())
                .contains("may go on at " + assigned.plus(Duration.ofMinutes(60))));
        assertThat(Files.readString(h.runDir(result.runId()).resolve("identity-settle.json")))
                .contains(assigned.plus(Duration.ofMinutes(60)).toString());
    }

    @Test
    void aRunStoppedWhileWaitingShowsInStatusWhenItMayGoOnAndResumesTheSameWait() throws Exception {
        Harness h = new Harness(dir.resolve("state"), Scenario.azure());
        Path plan = Scenario.plan(dir, Scenario.LEDGER, Scenario.assignIdentity());
        // The process is stopped while settle-identity waits (the first of its sleeps never returns).
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Apply(h.env().withSleeper(d -> {
            if (Arrays.stream(new Throwable().getStackTrace())
                    .anyMatch(e -> e.getClassName().endsWith("SettleIdentity"))) {
                throw new SimulatedCrash("stopped while settling");
            }
            h.time.sleep(d);
        })).run(plan, Approvals.through("prepare"))).isInstanceOf(SimulatedCrash.class);
        String runId = Files.list(h.state.resolve("runs")).findFirst().orElseThrow().getFileName().toString();

        Instant mayGoOn = assignedAt(h, runId).plus(Duration.ofMinutes(60));
        assertThat(h.status(runId).detail().identitySettlesAt()).isEqualTo(mayGoOn);
        assertThat(h.azure.mutatingCalls()).as("only assign-identity").hasSize(1);

        RunResult resumed = h.resume(runId, Approvals.through("prepare"));

        assertThat(resumed.outcome()).as(resumed.message()).isEqualTo(RunOutcome.STOPPED_AT_GATE);
        assertThat(h.time.instant()).isAfterOrEqualTo(mayGoOn).isBefore(mayGoOn.plus(Duration.ofMinutes(10)));
        assertThat(h.status(runId).detail().identitySettlesAt()).as("done waiting").isNull();
    }
}
