package org.kubenetmigrate.executor.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kubenetmigrate.executor.azure.ObservedCluster;
import org.kubenetmigrate.executor.azure.OperationHandle;
import org.kubenetmigrate.executor.plan.ExecutablePlan;
import org.kubenetmigrate.executor.plan.PlanReader;
import org.kubenetmigrate.executor.testing.FakeTime;
import org.kubenetmigrate.executor.testing.InMemoryClusterOperations;
import org.kubenetmigrate.executor.testing.InMemoryClusterOperations.Fault;
import org.kubenetmigrate.executor.testing.RecordingListener;
import org.kubenetmigrate.executor.testing.Scenario;
import org.kubenetmigrate.planner.plan.Step;

/**
 * The guarded write protocol on its own, against in-memory Azure and a real journal: one step's planned request
 * (disabling Calico), no engine loop around it.
 */
class GuardedWriteTest {
    private static final String STEP = "disable-network-policy";

    @TempDir
    Path dir;

    final FakeTime time = FakeTime.at("2026-12-01T12:00:00Z");
    final RecordingListener events = new RecordingListener();
    InMemoryClusterOperations azure;
    Run run;
    Journal journal;

    @BeforeEach
    void setUp() throws Exception {
        azure = Scenario.azure();
        ExecutablePlan plan = new PlanReader().read(Scenario.plan(dir, Scenario.STG));
        Path runDir = Files.createDirectories(dir.resolve("run"));
        run = new Run("run-1", plan, runDir);
        journal = Journal.open(run.journalFile(), r -> { });
    }

    @AfterEach
    void tearDown() throws Exception {
        journal.close();
    }

    private Step step() {
        return run.plan().steps().stream().filter(s -> s.id().equals(STEP)).findFirst().orElseThrow();
    }

    private StepContext.UpdateOutcome write() throws StepStop {
        Engine engine = new Engine(Map.of(), azure, EngineSettings.DEFAULTS, time, time,
                new EventBus(List.of(events)), GatePrompt.NONE, Actor.local(null),
                KubeAccessProvider.none(KubeAccessProvider.NO_ACCESS));
        StepContext ctx = new StepContext(engine, run, journal, step(), RunState.replay(journal.records()));
        return new GuardedWrite(ctx).send(step().request(), RunState.FORWARD, true);
    }

    private List<String> journaled() {
        return journal.records().stream().map(r -> r.type().wireName()).toList();
    }

    @Test
    void sendsOnePutWithTheEtagOfTheReadJournalsItBeforeFollowingAndEndsApplied() throws Exception {
        String etag = azure.getCluster(Scenario.STG_ID).etag().wire();

        assertThat(write()).isEqualTo(StepContext.UpdateOutcome.APPLIED);

        assertThat(azure.mutatingCalls()).singleElement().satisfies(c -> {
            assertThat(c.ifMatch()).isEqualTo(etag);
            assertThat(c.body().at("/properties/networkProfile/networkPolicy").asText()).isEqualTo("none");
        });
        assertThat(journaled()).containsExactly("request-sent", "operation-finished");
    }

    @Test
    void aChangeAlreadyInEffectSendsNothing() throws Exception {
        azure.editAsExported(Scenario.STG_ID, c -> c.with("properties").with("networkProfile")
                .put("networkPolicy", "none"));

        assertThat(write()).isEqualTo(StepContext.UpdateOutcome.ALREADY_IN_EFFECT);

        assertThat(azure.mutatingCalls()).isEmpty();
        assertThat(journaled()).isEmpty();
    }

    @Test
    void aClusterChangedSincePlanningIsStaleAndNothingIsSent() {
        azure.changeOutOfBand(Scenario.STG_ID, c -> c.with("properties").put("kubernetesVersion", "1.32.0"));

        assertThatThrownBy(this::write).isInstanceOf(StepStop.class)
                .satisfies(e -> assertThat(((StepStop) e).outcome()).isEqualTo(RunOutcome.STALE_PLAN));
        assertThat(azure.mutatingCalls()).isEmpty();
    }

    @Test
    void a412IsStaleAfterExactlyOnePutAndIsJournaledAsNotAccepted() {
        azure.failNextPut(Fault.preconditionFailed());

        assertThatThrownBy(this::write).isInstanceOf(StepStop.class).hasMessageContaining("412")
                .satisfies(e -> assertThat(((StepStop) e).outcome()).isEqualTo(RunOutcome.STALE_PLAN));
        assertThat(azure.mutatingCalls()).hasSize(1);
        assertThat(journaled()).containsExactly("request-failed");
    }

    @Test
    void aPutThatGotNoAnswerButWasAppliedIsNotSentAgain() throws Exception {
        azure.failNextPut(Fault.dropped(true));

        assertThat(write()).isEqualTo(StepContext.UpdateOutcome.APPLIED);

        assertThat(azure.mutatingCalls()).hasSize(1);
        assertThat(events.types()).contains("notice");
    }

    @Test
    void aThrottledPutIsSentAgainAfterRetryAfter() throws Exception {
        azure.failNextPut(Fault.throttled(Duration.ofSeconds(42)));

        assertThat(write()).isEqualTo(StepContext.UpdateOutcome.APPLIED);

        assertThat(azure.mutatingCalls()).hasSize(2);
        assertThat(time.slept()).isGreaterThanOrEqualTo(Duration.ofSeconds(42));
    }

    @Test
    void aJournaledOperationIsFollowedAtOnceWithoutSendingAgain() throws Exception {
        // A first session sent the PUT and crashed before its operation ended; one poll ends it now.
        azure.simulator().pollsPerOperation(1);
        ObservedCluster read = azure.getCluster(Scenario.STG_ID);
        ObjectNode body = read.json().deepCopy();
        body.with("properties").with("networkProfile").put("networkPolicy", "none");
        OperationHandle handle = azure.beginPut(step().request().path(), step().request().apiVersion(),
                read.etag().wire(), body);
        journal.append(new EngineEvent.RequestSent(time.instant(), run.id(), STEP, RunState.FORWARD, "PUT",
                step().request().target(), read.etag().wire(), handle.operationUrl(), null, null));
        int before = azure.mutatingCalls().size();
        Duration sleptBefore = time.slept();

        assertThat(write()).isEqualTo(StepContext.UpdateOutcome.APPLIED);

        assertThat(azure.mutatingCalls()).hasSize(before);
        assertThat(journaled()).containsExactly("request-sent", "operation-finished");
        assertThat(events.types()).contains("notice");
        // The first poll is asked at once, not after the poll interval: the operation may have ended long ago.
        assertThat(time.slept().minus(sleptBefore)).isZero();
    }
}
