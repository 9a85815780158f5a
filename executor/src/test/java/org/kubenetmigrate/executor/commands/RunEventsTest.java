package org.kubenetmigrate.executor.commands;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kubenetmigrate.executor.Harness;
import org.kubenetmigrate.executor.engine.Approvals;
import org.kubenetmigrate.executor.engine.EngineEvent;
import org.kubenetmigrate.executor.engine.Journal;
import org.kubenetmigrate.executor.engine.JournalRecord;
import org.kubenetmigrate.executor.engine.RunOutcome;
import org.kubenetmigrate.executor.testing.Scenario;

/** One encoding of each fact: what listeners receive is what the journal holds, and only once it holds it. */
class RunEventsTest {
    @TempDir
    Path dir;

    @Test
    void listenersReceiveTheJournaledEventObjectsInJournalOrderAfterEachIsOnDisk() throws Exception {
        List<EngineEvent.Journaled> journaled = new ArrayList<>();
        Harness h = new Harness(dir.resolve("state"), Scenario.azure());
        h.journalObserver(r -> {
            // When the record is on disk, no listener has seen it yet.
            assertThat(h.events.events()).doesNotContain(r.event());
            journaled.add(r.event());
        });

        var result = h.apply(Scenario.plan(dir, Scenario.STG), Approvals.all());

        assertThat(result.outcome()).isEqualTo(RunOutcome.COMPLETED);
        List<EngineEvent.Journaled> heard = h.events.of(EngineEvent.Journaled.class);
        assertThat(heard).hasSameSizeAs(journaled);
        for (int i = 0; i < heard.size(); i++) {
            assertThat(heard.get(i)).as("event %d", i).isSameAs(journaled.get(i));
        }
        // And reading the journal back gives equal events: the file is their one encoding.
        List<JournalRecord> read = Journal.read(h.runDir(result.runId()).resolve(Journal.FILE_NAME)).records();
        assertThat(read).extracting(JournalRecord::event).containsExactlyElementsOf(journaled);
        // Said, not journaled: progress and notices only.
        assertThat(h.events.events()).filteredOn(e -> !(e instanceof EngineEvent.Journaled))
                .allMatch(e -> e instanceof EngineEvent.Progress || e instanceof EngineEvent.Notice);
    }
}
