package org.kubenetmigrate.planner.input;

import java.util.HashMap;
import java.util.Map;

/**
 * One copy of each short string read from one file. The fleet model keeps what it reads for the whole run, and most
 * short values repeat from resource to resource (regions, Kubernetes versions, VM sizes, states, next hop types,
 * subscription ids): without this, each resource holds its own copy, and the collector copies every one of them on
 * each collection while the fleet grows. Long strings (ARM ids, etags) are nearly always unique and are kept as read.
 * The table is bounded: values unique to one resource (route names, node addresses) would otherwise make it grow
 * with the file, and a single export can hold the whole fleet; when full it starts over, and the values that repeat
 * are back in it after a few resources. Not thread-safe: one per file read.
 */
final class RetainedStrings {
    /** A subscription id (36 characters) is shared; ids and etags run longer. */
    static final int MAX_LENGTH = 40;
    private static final int MAX_ENTRIES = 4096;

    // Sized for a full table up front: growing it anew for every file showed in a profile as often as the lookups.
    private final Map<String, String> seen = new HashMap<>(MAX_ENTRIES * 2);

    /** An equal string this table already holds, else {@code text} itself (held from now on). */
    String of(String text) {
        if (text.length() > MAX_LENGTH) {
            return text;
        }
        String first = seen.get(text);
        if (first != null) {
            return first;
        }
        if (seen.size() >= MAX_ENTRIES) {
            seen.clear();
        }
        seen.put(text, text);
        return text;
    }
}
