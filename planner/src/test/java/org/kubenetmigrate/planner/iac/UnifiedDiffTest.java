package org.kubenetmigrate.planner.iac;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class UnifiedDiffTest {
    @Test
    void farApartChangesGetTheirOwnHunksWithThreeLinesOfContext() {
        StringBuilder before = new StringBuilder();
        for (int i = 1; i <= 20; i++) {
            before.append("line ").append(i).append('\n');
        }
        String after = before.toString().replace("line 2\n", "line two\n").replace("line 19\n", "line nineteen\n");
        String diff = UnifiedDiff.of("x/f.txt", before.toString(), after);

        assertThat(diff).startsWith("diff --git a/x/f.txt b/x/f.txt\n--- a/x/f.txt\n+++ b/x/f.txt\n");
        assertThat(diff).contains("@@ -1,5 +1,5 @@\n line 1\n-line 2\n+line two\n line 3\n",
                "@@ -16,5 +16,5 @@\n line 16\n line 17\n line 18\n-line 19\n+line nineteen\n line 20\n");
    }

    @Test
    void aFileWithoutFinalNewlineIsMarked() {
        String diff = UnifiedDiff.of("f", "a\nb", "a\nb\nc\n");
        assertThat(diff).contains("-b\n\\ No newline at end of file\n+b\n+c\n");
    }

    @Test
    void editsAtOnePointKeepTheirOrder() {
        FilePatch patch = new FilePatch(new SourceFile("f", "x\n"), List.of(TextEdit.insert(2, "1\n"),
                TextEdit.insert(2, "2\n")));
        assertThat(patch.patched()).isEqualTo("x\n1\n2\n");
        assertThat(UnifiedDiff.of("f", "same", "same")).isEmpty();
    }
}
