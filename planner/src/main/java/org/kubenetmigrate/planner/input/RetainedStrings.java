package org.kubenetmigrate.planner.input;

import java.util.HashMap;
import java.util.Map;

/**
 * One copy of each short string read from one file. The fleet model keeps what it reads for the whole run, and most
 * short values repeat from resource to resource (regions, Kubernetes versions, VM sizes, states, next hop types,
 * subscription ids): without this, each resource holds its own copy, and the collector copies every one of them on
 * each collection while the fleet grows. Long strings (ARM ids, etags) are nearly always unique and are kept as read.
 * Not thread-safe: one per file read.
 */
final class RetainedStrings {
    /** A subscription id (36 characters) is shared; ids and etags run longer. */
    static final int MAX_LENGTH = 40;

    private final Map<String, String> seen = new HashMap<>();

    /** The first equal string this table was given, or {@code text} itself. */
    String of(String text) {
        if (text.length() > MAX_LENGTH) {
            return text;
        }
        String first = seen.putIfAbsent(text, text);
        return first == null ? text : first;
    }
}
