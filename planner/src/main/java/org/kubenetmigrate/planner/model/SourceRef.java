package org.kubenetmigrate.planner.model;

/** Where a resource was read from: the file and the JSON pointer of the resource inside it. */
public record SourceRef(String file, String pointer) {
    public static final SourceRef LIVE = new SourceRef("(live)", "");

    public String describe() {
        return pointer.isEmpty() ? file : file + " " + pointer;
    }
}
