package org.kubenetmigrate.executor.rollout;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Pattern;
import org.kubenetmigrate.executor.state.ConditionFailedException;
import org.kubenetmigrate.executor.state.StateStore;

/**
 * Where a rollout lives in the state, and reading and compare-and-swapping its documents:
 * <pre>
 *   rollouts/NAME/rollout.json              the definition (created once, If-None-Match)
 *   rollouts/NAME/board.json                the board (replaced with If-Match only)
 *   rollouts/NAME/members/KEY/plan.json     the member's frozen plan, byte for byte
 *   rollouts/NAME/members/KEY/journal.jsonl the member's run journal: an append-only log, leased while claimed
 *   rollouts/NAME/members/KEY/audit.jsonl   its audit records (one per mutating request)
 *   rollouts/NAME/members/KEY/backup/…      its backups
 * </pre>
 */
public final class RolloutFiles {
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    private final StateStore store;
    private final String name;

    public RolloutFiles(StateStore store, String name) {
        this.store = store;
        this.name = name;
    }

    /** Refuses a rollout name that would not make a clean, portable prefix. */
    public static Optional<String> problemWithName(String name) {
        return NAME.matcher(name).matches() ? Optional.empty() : Optional.of("'" + name + "' is not a rollout name"
                + " (lower-case letters, digits and '-', at most 63, starting with a letter or digit)");
    }

    public StateStore store() {
        return store;
    }

    public String name() {
        return name;
    }

    String root() {
        return "rollouts/" + name + "/";
    }

    String definition() {
        return root() + "rollout.json";
    }

    String board() {
        return root() + "board.json";
    }

    String plan(String key) {
        return root() + "members/" + key + "/plan.json";
    }

    String journal(String key) {
        return root() + "members/" + key + "/journal.jsonl";
    }

    String audit(String key) {
        return root() + "members/" + key + "/audit.jsonl";
    }

    String backup(String key) {
        return root() + "members/" + key + "/backup/";
    }

    /** The definition, or empty when there is no such rollout. */
    public Optional<RolloutDefinition> readDefinition() throws IOException {
        Optional<StateStore.Versioned> doc = store.read(definition());
        if (doc.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(JSON.readValue(doc.get().content(), RolloutDefinition.class));
    }

    /** The board and its version. */
    public record VersionedBoard(Board board, String etag) {
    }

    public Optional<VersionedBoard> readBoard() throws IOException {
        Optional<StateStore.Versioned> doc = store.read(board());
        if (doc.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new VersionedBoard(JSON.readValue(doc.get().content(), Board.class), doc.get().etag()));
    }

    /** A change to the board that may decide it has nothing to do (returns null). */
    public interface BoardChange {
        Board apply(Board current) throws IOException;
    }

    /**
     * Applies {@code change} to the current board and writes it back with If-Match, reading again and re-deciding
     * whenever another writer won the race.
     *
     * @return the board written, or empty when the change decided there was nothing to write
     */
    public Optional<Board> update(BoardChange change) throws IOException {
        for (int attempt = 0; ; attempt++) {
            VersionedBoard current = readBoard().orElseThrow(() -> new IOException("rollout " + name
                    + " has no board (was 'rollout create' interrupted?)"));
            Board next = change.apply(current.board());
            if (next == null) {
                return Optional.empty();
            }
            try {
                store.replace(board(), JSON.writeValueAsBytes(next), current.etag());
                return Optional.of(next);
            } catch (ConditionFailedException e) {
                // Someone else wrote first: decide again on what they wrote. A short random pause spreads retries.
                sleepQuietly(attempt);
            }
        }
    }

    private static void sleepQuietly(int attempt) {
        try {
            Thread.sleep(Math.min(500, 5L * (1L << Math.min(attempt, 6))) + (long) (Math.random() * 20));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
