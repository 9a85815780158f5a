package org.kubenetmigrate.planner.iac;

/** Replace the characters {@code [start, end)} of a file by {@code replacement}; an insertion has start == end. */
public record TextEdit(int start, int end, String replacement) {
    public TextEdit {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad edit range " + start + ".." + end);
        }
    }

    public static TextEdit insert(int at, String text) {
        return new TextEdit(at, at, text);
    }
}
