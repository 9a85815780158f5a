package org.kubenetmigrate.executor.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The run's history: an append-only sequence of JSON lines, one record per fact of the run (Flyway's history
 * table), each a typed {@link EngineEvent.Journaled} event in its one encoding ({@link JournalCodec}) and ending in
 * a CRC-32 of the rest of the line. Every append is durable before {@link #append} returns (the
 * {@link JournalStore} forces it to disk), so the engine never acts on something the journal does not yet hold.
 *
 * <p>Reading: a last line that is incomplete or fails its checksum is the write a crash interrupted; it is ignored
 * (and cut off when the journal is opened for appending, so that the next record does not follow garbage).
 * Anything wrong before the last line, or a gap in {@code seq}, is corruption and stops the reader.
 *
 * <p>Line format: {@code {"seq":1,"time":"…","type":"run-started","stepId":null,"format":2,…,"crc32":"89abcdef"}},
 * where the checksum covers the line's text up to {@code ,"crc32"} followed by {@code }} — the record as if it had
 * no checksum member. Lines without {@code "format":2} come from the format before typed events and are read by
 * {@link LegacyJournalFormat}.
 */
public final class Journal implements Closeable {
    public static final String FILE_NAME = "journal.jsonl";

    private static final Logger LOG = LoggerFactory.getLogger(Journal.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern CHECKSUMMED = Pattern.compile("^(\\{.*),\"crc32\":\"([0-9a-f]{8})\"}$");

    private final Path file;
    private final JournalStore store;
    private final Consumer<JournalRecord> afterAppend;
    private final List<JournalRecord> records;
    private final Optional<String> repairedTail;

    private Journal(Path file, JournalStore store, Consumer<JournalRecord> afterAppend, List<JournalRecord> records,
                    Optional<String> repairedTail) {
        this.file = file;
        this.store = store;
        this.afterAppend = afterAppend;
        this.records = records;
        this.repairedTail = repairedTail;
    }

    /** What a read found: the trustworthy records, and the torn last line that was ignored, if any. */
    public record Content(List<JournalRecord> records, Optional<String> tornTail, long validLength,
                          boolean missingFinalNewline) {
        public Content {
            records = List.copyOf(records);
        }
    }

    /**
     * Opens (or creates) the journal file for appending, cutting off a torn last line.
     *
     * @param afterAppend called after each record is on disk, before {@link #append} returns; the engine passes a
     *                    no-op, tests use it to simulate a crash at exactly that point
     */
    public static Journal open(Path file, Consumer<JournalRecord> afterAppend) throws IOException, JournalException {
        FileJournalStore store = FileJournalStore.open(file);
        try {
            return open(file, store, afterAppend);
        } catch (IOException | JournalException | RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /** Opens a journal kept in {@code store}; {@code name} names it in messages. */
    public static Journal open(Path name, JournalStore store, Consumer<JournalRecord> afterAppend)
            throws IOException, JournalException {
        Content content = parse(name, store.readAll());
        if (content.tornTail().isPresent()) {
            LOG.warn("{}: ignoring an incomplete last record (a crash interrupted its write): {}", name,
                    content.tornTail().get());
        }
        // Cut off whatever follows the last good record, so the next record never follows garbage.
        store.keepFirst(content.validLength(), content.missingFinalNewline());
        return new Journal(name, store, afterAppend, new ArrayList<>(content.records()), content.tornTail());
    }

    /** Reads without changing the file (for {@code status}). */
    public static Content read(Path file) throws IOException, JournalException {
        return parse(file, Files.readAllBytes(file));
    }

    private static Content parse(Path file, byte[] bytes) throws JournalException {
        List<JournalRecord> records = new ArrayList<>();
        int start = 0;
        int lineNumber = 0;
        long validLength = 0;
        boolean missingFinalNewline = false;
        while (start < bytes.length) {
            int end = indexOf(bytes, (byte) '\n', start);
            boolean last = end < 0 || isBlankAfter(bytes, end + 1);
            int lineEnd = end < 0 ? bytes.length : end;
            lineNumber++;
            String line = new String(bytes, start, lineEnd - start, StandardCharsets.UTF_8);
            if (line.isBlank()) {
                // Blank lines never come from append; a crash can leave zero-filled or empty tails only at the end.
                if (!last) {
                    throw new JournalException(file + ": line " + lineNumber + ": blank line inside the journal");
                }
                return new Content(records, Optional.of("line " + lineNumber + ": blank"), validLength, false);
            }
            try {
                records.add(parse(line, records.size() + 1L, records.isEmpty() ? null
                        : records.get(0).event().runId()));
            } catch (TornRecord e) {
                if (last) {
                    return new Content(records, Optional.of("line " + lineNumber + ": " + e.getMessage()), validLength,
                            false);
                }
                throw new JournalException(file + ": line " + lineNumber + ": " + e.getMessage()
                        + "; the journal is damaged before its last record and cannot be trusted");
            } catch (JournalException e) {
                // A complete, checksummed record that does not fit (a gap, an unknown type) is not a torn write.
                throw new JournalException(file + ": line " + lineNumber + ": " + e.getMessage()
                        + "; the journal cannot be trusted");
            }
            validLength = end < 0 ? bytes.length : end + 1;
            missingFinalNewline = end < 0;
            start = end < 0 ? bytes.length : end + 1;
            if (last && end >= 0) {
                break;
            }
        }
        return new Content(records, Optional.empty(), validLength, missingFinalNewline);
    }

    /** The kind of damage an interrupted write leaves: an incomplete line, or one whose checksum fails. */
    private static final class TornRecord extends Exception {
        private static final long serialVersionUID = 1L;

        TornRecord(String message) {
            super(message);
        }
    }

    private static JournalRecord parse(String line, long expectedSeq, String runId)
            throws TornRecord, JournalException {
        Matcher m = CHECKSUMMED.matcher(line);
        if (!m.matches()) {
            throw new TornRecord("no checksum (incomplete record)");
        }
        String payload = m.group(1) + "}";
        if (!crc32(payload).equals(m.group(2))) {
            throw new TornRecord("checksum mismatch");
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new TornRecord("not JSON: " + e.getOriginalMessage());
        }
        if (!(node instanceof ObjectNode json)) {
            throw new TornRecord("not a JSON object");
        }
        long seq = json.path("seq").asLong(-1);
        if (seq != expectedSeq) {
            throw new JournalException("sequence number " + seq + " where " + expectedSeq + " was expected");
        }
        RecordType type = RecordType.of(json.path("type").asText()).orElseThrow(() ->
                new JournalException("unknown record type \"" + json.path("type").asText() + "\""));
        Instant time;
        try {
            time = Instant.parse(json.path("time").asText());
        } catch (DateTimeParseException e) {
            throw new JournalException("bad time \"" + json.path("time").asText() + "\"");
        }
        JsonNode step = json.get("stepId");
        String stepId = step == null || step.isNull() ? null : step.asText();
        return new JournalRecord(seq, time, type, stepId, json, JournalCodec.decode(type, time, stepId, json, runId));
    }

    /** Appends one fact and makes it durable; listeners may be told once this returns. */
    public synchronized JournalRecord append(EngineEvent.Journaled event) throws IOException {
        long seq = records.size() + 1L;
        ObjectNode json = JournalCodec.encode(seq, event);
        String payload = MAPPER.writeValueAsString(json);
        String line = payload.substring(0, payload.length() - 1) + ",\"crc32\":\"" + crc32(payload) + "\"}\n";
        // Durable before the engine takes its next action: the record must survive a crash that follows it.
        store.append(line);
        JournalRecord record = new JournalRecord(seq, event.time(), event.recordType(), event.stepId(), json, event);
        records.add(record);
        afterAppend.accept(record);
        return record;
    }

    public synchronized List<JournalRecord> records() {
        return Collections.unmodifiableList(new ArrayList<>(records));
    }

    /** The torn last line found (and cut off) when the journal was opened, if any. */
    public Optional<String> repairedTail() {
        return repairedTail;
    }

    public Path file() {
        return file;
    }

    @Override
    public void close() throws IOException {
        store.close();
    }

    static String crc32(String text) {
        CRC32 crc = new CRC32();
        crc.update(text.getBytes(StandardCharsets.UTF_8));
        return String.format("%08x", crc.getValue());
    }

    private static int indexOf(byte[] bytes, byte b, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isBlankAfter(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] != '\n' && bytes[i] != '\r' && bytes[i] != ' ' && bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    /** Makes a new file's directory entry durable too; a no-op where the platform cannot open directories. */
    static void syncDirectory(Path dir) {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.debug("cannot sync directory {}: {}", dir, e.getMessage());
        }
    }
}
