package org.kubenetmigrate.planner.iac;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collects the edits of one run, per file, in the order the files were first touched. */
public final class Edits {
    private final Map<SourceFile, List<TextEdit>> byFile = new LinkedHashMap<>();

    public void add(SourceFile file, TextEdit edit) {
        byFile.computeIfAbsent(file, f -> new ArrayList<>()).add(edit);
    }

    /** Replace {@code [start, end)} when its text differs from {@code replacement}. */
    public void replace(SourceFile file, int start, int end, String replacement) {
        if (!file.text().substring(start, end).equals(replacement)) {
            add(file, new TextEdit(start, end, replacement));
        }
    }

    public List<FilePatch> patches() {
        return byFile.entrySet().stream().map(e -> new FilePatch(e.getKey(), e.getValue())).toList();
    }
}
