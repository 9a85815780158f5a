package org.kubenetmigrate.executor.rollout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.kubenetmigrate.executor.engine.JournalRecord;
import org.kubenetmigrate.executor.state.ConditionFailedException;
import org.kubenetmigrate.executor.state.StateStore;

/**
 * Carries a member's run into the shared state as it happens. The engine runs on a private working copy of the run
 * directory; after each journal record is durable there and before the engine takes its next action, this
 * observer uploads new or changed backup files, then appends the record's exact bytes to the member's journal
 * log — one conditional append at the position the log had, under the member's lease — and the audit lines
 * written since. So the shared journal never holds a record the engine did not write, never a record twice, and
 * always every record the engine acted on; a worker that lost its lease is stopped by the refused append before
 * its next action.
 */
final class MemberMirror implements Consumer<JournalRecord> {
    private final StateStore store;
    private final RolloutFiles files;
    private final String key;
    private final LeaseKeeper lease;
    private final Path runDir;
    private long journalRemote;
    private long journalLocal;
    private long auditRemote;
    private long auditLocal;
    private final Map<String, Long> uploaded = new HashMap<>();

    MemberMirror(RolloutFiles files, String key, LeaseKeeper lease, Path runDir, long journalLength, long auditLength,
                 Map<String, Long> backupsPresent) {
        this.store = files.store();
        this.files = files;
        this.key = key;
        this.lease = lease;
        this.runDir = runDir;
        this.journalRemote = journalLength;
        this.journalLocal = journalLength;
        this.auditRemote = auditLength;
        this.uploaded.putAll(backupsPresent);
    }

    @Override
    public void accept(JournalRecord record) {
        if (lease.lost()) {
            // Whatever the engine wrote after the claim was lost (an interrupted wait) stays in the private copy.
            throw new ClaimLostException("the member's lease was lost; this worker stops here");
        }
        try {
            syncBackups();
            syncJournal();
            syncAudit();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the member's state to " + store.describe() + ": "
                    + e.getMessage(), e);
        }
    }

    /** The audit lines of the last request (written after its journal record) and any late backup. */
    void finish() throws IOException {
        syncBackups();
        syncAudit();
    }

    private void syncJournal() throws IOException {
        Path journal = runDir.resolve("journal.jsonl");
        byte[] added = readFrom(journal, journalLocal);
        if (added.length == 0) {
            return;
        }
        try {
            journalRemote = store.append(files.journal(key), added, journalRemote, lease.lease().id());
            journalLocal += added.length;
        } catch (ConditionFailedException e) {
            throw new ClaimLostException("the journal in " + store.describe() + " refused the next record: "
                    + e.getMessage() + "; another worker owns this member now");
        }
    }

    private void syncAudit() throws IOException {
        Path audit = runDir.resolve("audit.jsonl");
        if (!Files.exists(audit)) {
            return;
        }
        byte[] added = readFrom(audit, auditLocal);
        if (added.length == 0) {
            return;
        }
        try {
            auditRemote = store.append(files.audit(key), added, auditRemote, null);
            auditLocal += added.length;
        } catch (ConditionFailedException e) {
            throw new ClaimLostException("the audit log in " + store.describe() + " moved under this worker: "
                    + e.getMessage());
        }
    }

    private void syncBackups() throws IOException {
        Path dir = runDir.resolve("backup");
        if (!Files.isDirectory(dir)) {
            return;
        }
        List<Path> all;
        try (Stream<Path> walk = Files.walk(dir)) {
            all = walk.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        }
        for (Path file : all) {
            String name = dir.relativize(file).toString().replace('\\', '/');
            byte[] content = Files.readAllBytes(file);
            long fingerprint = fingerprint(content);
            if (uploaded.getOrDefault(name, Long.MIN_VALUE) != fingerprint) {
                store.put(files.backup(key) + name, content);
                uploaded.put(name, fingerprint);
            }
        }
    }

    static long fingerprint(byte[] content) {
        return java.util.Arrays.hashCode(content) * 31L + content.length;
    }

    /** The file's bytes from {@code offset}, up to its last newline (a line still being written waits). */
    private static byte[] readFrom(Path file, long offset) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size < offset) {
                throw new IOException(file + " is shorter than what was already copied (" + size + " < " + offset + ")");
            }
            ByteBuffer buffer = ByteBuffer.allocate((int) (size - offset));
            channel.position(offset);
            while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
                // read all
            }
            byte[] bytes = buffer.array();
            int end = bytes.length;
            while (end > 0 && bytes[end - 1] != '\n') {
                end--;
            }
            return java.util.Arrays.copyOf(bytes, end);
        }
    }
}
