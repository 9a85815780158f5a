package org.kubenetmigrate.executor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kubenetmigrate.executor.steps.StepCatalogue;
import org.kubenetmigrate.executor.testing.Scenario;

/** Every step the executor runs has a section in the runbook: what it does, how to check it, how to undo it. */
class RunbookTest {
    @Test
    void everyExecutorStepIdHasARunbookSectionWithCheckAndUndo() throws Exception {
        Path runbook = Scenario.fleet().getParent().getParent().resolve("runbooks/in-place-overlay.md");
        String text = Files.readString(runbook);
        List<String> missing = new ArrayList<>();
        for (String id : StepCatalogue.ids()) {
            int start = text.indexOf("\n## `" + id + "`");
            if (start < 0) {
                missing.add(id + " (no '## `" + id + "`' heading)");
                continue;
            }
            int end = text.indexOf("\n## ", start + 1);
            String section = end < 0 ? text.substring(start) : text.substring(start, end);
            for (String part : List.of("**What it does**", "**Check by hand**", "**Undo or roll forward**")) {
                if (!section.contains(part)) {
                    missing.add(id + " (no " + part + ")");
                }
            }
            if (!section.contains("az ")) {
                missing.add(id + " (no az command)");
            }
        }
        assertThat(missing).as("runbook sections missing in " + runbook).isEmpty();
    }
}
