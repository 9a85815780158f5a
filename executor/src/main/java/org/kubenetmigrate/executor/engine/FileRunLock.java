package org.kubenetmigrate.executor.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@link RunLock} as one file per cluster in {@code <state>/locks/}, named by a hash of the lower-cased cluster id
 * and holding the {@link LockHolder} as JSON. The file is written in full under a temporary name and then
 * hard-linked to its final name: the link either appears with its whole content or fails because the lock exists,
 * so two runs racing for it cannot both win and no reader ever sees an empty lock.
 *
 * <p>Only runs that share the state directory see each other's locks; runs from other machines need a shared lock
 * (a blob lease) behind this interface.
 */
public final class FileRunLock implements RunLock {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final Path dir;

    public FileRunLock(Path dir) {
        this.dir = dir;
    }

    @Override
    public void acquire(LockHolder holder) throws LockHeldException, IOException {
        Files.createDirectories(dir);
        Path lock = lockFile(holder.clusterId());
        Path temp = Files.createTempFile(dir, ".lock-", ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.write(StandardCharsets.UTF_8.encode(MAPPER.writerWithDefaultPrettyPrinter()
                        .writeValueAsString(toJson(holder)) + "\n"));
                channel.force(true);
            }
            try {
                Files.createLink(lock, temp);
                Journal.syncDirectory(dir);
                return;
            } catch (UnsupportedOperationException e) {
                createNew(lock, holder);
                return;
            } catch (FileAlreadyExistsException e) {
                // Held: by this run (re-entry on resume) or by another one.
            }
        } finally {
            Files.deleteIfExists(temp);
        }
        Optional<LockHolder> current = read(lock);
        if (current.isPresent() && current.get().runId().equals(holder.runId())) {
            return;
        }
        throw new LockHeldException(current.orElse(null), "cluster " + holder.clusterId() + " is locked by "
                + current.map(LockHolder::describe).orElse("an unreadable lock file " + lock) + "; wait for that run,"
                + " resume it, or, if it is dead, 'unlock " + current.map(LockHolder::runId).orElse("RUN_ID")
                + " --force'");
    }

    /** For file systems without hard links: exclusive create, then write. */
    private static void createNew(Path lock, LockHolder holder) throws IOException, LockHeldException {
        try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            channel.write(StandardCharsets.UTF_8.encode(MAPPER.writeValueAsString(toJson(holder)) + "\n"));
            channel.force(true);
        } catch (FileAlreadyExistsException e) {
            throw new LockHeldException(null, "cluster " + holder.clusterId() + " is locked (" + lock + ")");
        }
    }

    @Override
    public void release(String clusterId, String runId) throws IOException {
        Path lock = lockFile(clusterId);
        Optional<LockHolder> current = read(lock);
        if (current.isPresent() && current.get().runId().equals(runId)) {
            Files.deleteIfExists(lock);
            Journal.syncDirectory(dir);
        }
    }

    @Override
    public Optional<LockHolder> holder(String clusterId) throws IOException {
        return read(lockFile(clusterId));
    }

    @Override
    public List<LockHolder> holders() throws IOException {
        List<LockHolder> result = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return result;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.lock")) {
            for (Path file : files) {
                read(file).ifPresent(result::add);
            }
        }
        return result;
    }

    @Override
    public Optional<LockHolder> forceUnlock(String runId) throws IOException {
        for (LockHolder holder : holders()) {
            if (holder.runId().equals(runId)) {
                Files.deleteIfExists(lockFile(holder.clusterId()));
                Journal.syncDirectory(dir);
                return Optional.of(holder);
            }
        }
        return Optional.empty();
    }

    Path lockFile(String clusterId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(clusterId.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return dir.resolve(java.util.HexFormat.of().formatHex(digest).substring(0, 24) + ".lock");
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-256 (MessageDigest javadoc).
            throw new IllegalStateException(e);
        }
    }

    private static Optional<LockHolder> read(Path lock) throws IOException {
        ObjectNode json;
        try {
            json = (ObjectNode) MAPPER.readTree(Files.readAllBytes(lock));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | ClassCastException e) {
            return Optional.empty();
        }
        if (json == null || !json.hasNonNull("runId") || !json.hasNonNull("clusterId")) {
            return Optional.empty();
        }
        Instant since;
        try {
            since = Instant.parse(json.path("since").asText());
        } catch (RuntimeException e) {
            since = Instant.EPOCH;
        }
        return Optional.of(new LockHolder(json.path("clusterId").asText(), json.path("runId").asText(),
                json.path("who").asText("unknown"), json.hasNonNull("principal") ? json.get("principal").asText() : null,
                json.path("host").asText("unknown"), json.path("pid").asLong(-1), since));
    }

    private static ObjectNode toJson(LockHolder holder) {
        ObjectNode json = MAPPER.createObjectNode();
        json.put("clusterId", holder.clusterId());
        json.put("runId", holder.runId());
        json.put("who", holder.who());
        json.put("principal", holder.principal());
        json.put("host", holder.host());
        json.put("pid", holder.pid());
        json.put("since", holder.since().toString());
        return json;
    }
}
