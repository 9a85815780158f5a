package org.kubenetmigrate.planner.iac;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The edits to one file; the patched text and its unified diff follow from them. */
public record FilePatch(SourceFile file, List<TextEdit> edits) {
    public FilePatch {
        edits = List.copyOf(edits);
    }

    /** The text after every edit; edits must not overlap (two insertions at one point keep their order). */
    public String patched() {
        List<TextEdit> sorted = new ArrayList<>(edits);
        sorted.sort(Comparator.comparingInt(TextEdit::start));
        StringBuilder out = new StringBuilder();
        int at = 0;
        String text = file.text();
        for (TextEdit e : sorted) {
            if (e.start() < at) {
                throw new IllegalStateException(file.path() + ": overlapping edits at " + e.start());
            }
            out.append(text, at, e.start()).append(e.replacement());
            at = e.end();
        }
        return out.append(text.substring(at)).toString();
    }

    public String diff() {
        return UnifiedDiff.of(file.path(), file.text(), patched());
    }
}
