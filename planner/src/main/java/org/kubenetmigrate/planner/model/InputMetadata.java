package org.kubenetmigrate.planner.model;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Where a fleet came from and how old it is, so that every report can say what it is based on.
 *
 * @param sources what was read: the paths given on the command line (or, for a live read, the scopes)
 * @param files how many files were read (0 for a live read)
 * @param oldest when the oldest part of the input was captured; null when unknown
 * @param newest when the newest part of the input was captured; null when unknown
 * @param basis how those times were determined, e.g. "file modification time"
 * @param notes what the reader noticed about the input, e.g. resources of other types skipped
 * @param missing what the input is known to lack, each naming the file or folder: a saved page of a longer listing,
 *                a folder without a single managed cluster. A fleet-wide check that could not run: every
 *                {@code --fail-on} gate fails while there is one.
 */
public record InputMetadata(List<String> sources, int files, Instant oldest, Instant newest, String basis,
                            List<String> notes, List<String> missing) {

    public InputMetadata {
        sources = List.copyOf(sources);
        notes = List.copyOf(notes);
        missing = List.copyOf(missing);
    }

    /** Input known to be complete. */
    public InputMetadata(List<String> sources, int files, Instant oldest, Instant newest, String basis,
                         List<String> notes) {
        this(sources, files, oldest, newest, basis, notes, List.of());
    }

    /** True when the input is known to lack something, so a gate must not pass on it. */
    public boolean incomplete() {
        return !missing.isEmpty();
    }

    /** For callers that have no metadata (tests, embedding): nothing is known about the input's age. */
    public static InputMetadata unknown() {
        return new InputMetadata(List.of(), 0, null, null, "unknown", List.of());
    }

    /** How long before {@code now} the oldest part of the input was captured; null when unknown. */
    public Duration age(Instant now) {
        return oldest == null ? null : Duration.between(oldest, now);
    }
}
