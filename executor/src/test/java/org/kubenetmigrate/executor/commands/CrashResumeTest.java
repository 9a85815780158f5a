package org.kubenetmigrate.executor.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kubenetmigrate.executor.Harness;
import org.kubenetmigrate.executor.engine.Approvals;
import org.kubenetmigrate.executor.engine.Journal;
import org.kubenetmigrate.executor.engine.JournalRecord;
import org.kubenetmigrate.executor.engine.RunOutcome;
import org.kubenetmigrate.executor.engine.RunResult;
import org.kubenetmigrate.executor.engine.RunStore;
import org.kubenetmigrate.executor.testing.InMemoryClusterOperations;
import org.kubenetmigrate.executor.testing.Scenario;
import org.kubenetmigrate.executor.testing.ShmTempDir;
import org.kubenetmigrate.executor.testing.SimulatedCrash;

/**
 * Crash and resume, in-process: the "process" dies (a {@link SimulatedCrash} nothing catches) right after each
 * journal record is on disk, before each call to Azure, and right after Azure accepted each PUT (before the answer
 * arrives, so the operation URL never reaches the journal). A fresh executor then resumes the run against the same
 * Azure. Every resumed run must finish, send exactly the mutating requests of an uninterrupted run (none twice),
 * and keep every journal record written before the crash. (The kill -9 of a child JVM is phase 2.)
 */
@Tag("slow")
class CrashResumeTest {
    @TempDir(factory = ShmTempDir.class)
    static Path shared;

    static List<InMemoryClusterOperations.Call> happyPuts;
    static int happyRecords;
    static int happyCalls;

    @BeforeAll
    static void uninterruptedRun() throws Exception {
        Harness h = new Harness(shared.resolve("happy"), Scenario.azure());
        RunResult result = h.apply(Scenario.plan(shared, Scenario.STG), Approvals.all());
        assertThat(result.outcome()).isEqualTo(RunOutcome.COMPLETED);
        happyPuts = h.azure.mutatingCalls();
        happyRecords = Journal.read(h.runDir(result.runId()).resolve(Journal.FILE_NAME)).records().size();
        happyCalls = h.azure.calls().size();
        assertThat(happyPuts).hasSize(3);
    }

    static Stream<Integer> journalPoints() {
        return IntStream.rangeClosed(1, happyRecords).boxed();
    }

    static Stream<Integer> callPoints() {
        return IntStream.rangeClosed(1, happyCalls).boxed();
    }

    static Stream<Integer> putPoints() {
        return IntStream.rangeClosed(1, 3).boxed();
    }

    @ParameterizedTest(name = "crash after journal record {0}")
    @MethodSource("journalPoints")
    void resumesAfterACrashRightAfterEachJournalRecord(int k, @TempDir(factory = ShmTempDir.class) Path dir) throws Exception {
        InMemoryClusterOperations azure = Scenario.azure();
        Harness crashing = new Harness(dir.resolve("state"), azure).journalObserver(r -> {
            if (r.seq() == k) {
                throw new SimulatedCrash("after journal record " + k + " (" + r.type().wireName() + ")");
            }
        });
        Path plan = Scenario.plan(dir, Scenario.STG);
        assertThatThrownBy(() -> crashing.apply(plan, Approvals.all())).isInstanceOf(SimulatedCrash.class);

        resumeAndCheck(dir, azure, k);
    }

    @ParameterizedTest(name = "crash before Azure call {0}")
    @MethodSource("callPoints")
    void resumesAfterACrashBeforeEachCallToAzure(int n, @TempDir(factory = ShmTempDir.class) Path dir) throws Exception {
        InMemoryClusterOperations azure = Scenario.azure().crashBeforeCall(n);
        Harness crashing = new Harness(dir.resolve("state"), azure);
        Path plan = Scenario.plan(dir, Scenario.STG);
        assertThatThrownBy(() -> crashing.apply(plan, Approvals.all())).isInstanceOf(SimulatedCrash.class);
        azure.noCrashes();

        resumeAndCheck(dir, azure, -1);
    }

    @ParameterizedTest(name = "crash after Azure accepted PUT {0}, before the journal has its operation URL")
    @MethodSource("putPoints")
    void resumesWithoutResendingAPutWhoseAnswerWasLost(int n, @TempDir(factory = ShmTempDir.class) Path dir) throws Exception {
        InMemoryClusterOperations azure = Scenario.azure().crashAfterAcceptingPut(n);
        Harness crashing = new Harness(dir.resolve("state"), azure);
        Path plan = Scenario.plan(dir, Scenario.STG);
        assertThatThrownBy(() -> crashing.apply(plan, Approvals.all())).isInstanceOf(SimulatedCrash.class);
        azure.noCrashes();

        resumeAndCheck(dir, azure, -1);
    }

    private static void resumeAndCheck(Path dir, InMemoryClusterOperations azure, int recordsBeforeCrash)
            throws Exception {
        RunStore store = new RunStore(dir.resolve("state"));
        List<String> runs = store.listIds();
        assertThat(runs).hasSize(1);
        String runId = runs.get(0);
        Path journalFile = dir.resolve("state/runs").resolve(runId).resolve(Journal.FILE_NAME);
        List<JournalRecord> before = Journal.read(journalFile).records();
        if (recordsBeforeCrash > 0) {
            assertThat(before).hasSize(recordsBeforeCrash);
        }

        RunResult resumed = new Harness(dir.resolve("state"), azure).resume(runId, Approvals.all());

        assertThat(resumed.outcome()).as(resumed.message()).isEqualTo(RunOutcome.COMPLETED);
        assertThat(azure.mutatingCalls()).as("mutating requests after crash and resume")
                .usingRecursiveFieldByFieldElementComparator().containsExactlyElementsOf(happyPuts);
        List<JournalRecord> after = Journal.read(journalFile).records();
        assertThat(after.subList(0, before.size())).as("no journal record lost")
                .usingRecursiveFieldByFieldElementComparator().containsExactlyElementsOf(before);
        assertThat(after.get(after.size() - 1).type().wireName()).isEqualTo("run-finished");
        assertThat(new org.kubenetmigrate.executor.engine.FileRunLock(store.locksDir()).holders())
                .as("the finished run released the cluster").isEmpty();
        assertThat(store.listIds()).hasSize(1);
    }
}
