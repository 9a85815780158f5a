package org.kubenetmigrate.executor.state;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

/**
 * {@link StateStore} in a local directory. Every check-and-write runs under one exclusive lock for the whole
 * directory (an operating-system file lock on {@code .store.lock} between processes, a {@link ReentrantLock}
 * between threads of one process), so compare-and-swap, positioned appends and leases hold between processes
 * that share the directory. Leases are files beside their log ({@code NAME.lease}: id and expiry) and expire by
 * the clock, exactly as blob leases do, so a process that dies loses its leases after their duration.
 */
public final class LocalStateStore implements StateStore {
    private static final Map<Path, ReentrantLock> THREAD_LOCKS = new ConcurrentHashMap<>();
    private static final String LEASE_SUFFIX = ".lease";

    private final Path root;
    private final Clock clock;

    public LocalStateStore(Path root, Clock clock) {
        this.root = root.toAbsolutePath().normalize();
        this.clock = clock;
    }

    public Path root() {
        return root;
    }

    @Override
    public String describe() {
        return root.toString();
    }

    @Override
    public Optional<Versioned> read(String name) throws IOException {
        try {
            byte[] content = Files.readAllBytes(file(name));
            return Optional.of(new Versioned(content, etag(content)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public String create(String name, byte[] content) throws IOException, ConditionFailedException {
        return locked(() -> {
            if (Files.exists(file(name))) {
                throw new ConditionFailedException(name + " exists already");
            }
            writeAtomically(file(name), content);
            return etag(content);
        });
    }

    @Override
    public String replace(String name, byte[] content, String etag) throws IOException, ConditionFailedException {
        return locked(() -> {
            Optional<Versioned> current = read(name);
            if (current.isEmpty() || !current.get().etag().equals(etag)) {
                throw new ConditionFailedException(name + " changed since it was read");
            }
            writeAtomically(file(name), content);
            return etag(content);
        });
    }

    @Override
    public void put(String name, byte[] content) throws IOException {
        try {
            locked(() -> {
                writeAtomically(file(name), content);
                return null;
            });
        } catch (ConditionFailedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public List<String> list(String prefix) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(n -> n.startsWith(prefix) && !n.endsWith(LEASE_SUFFIX) && !n.startsWith(".")
                            && !n.contains("/.tmp-"))
                    .sorted()
                    .toList();
        }
    }

    @Override
    public boolean createLog(String name) throws IOException {
        try {
            return locked(() -> {
                Path file = file(name);
                if (Files.exists(file)) {
                    return false;
                }
                writeAtomically(file, new byte[0]);
                return true;
            });
        } catch (ConditionFailedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public long append(String name, byte[] record, long position, String leaseId)
            throws IOException, ConditionFailedException {
        return locked(() -> {
            Path file = file(name);
            Optional<String[]> lease = activeLease(name);
            if (lease.isPresent() && !lease.get()[0].equals(leaseId)) {
                throw new ConditionFailedException(name + ": the log is leased by someone else");
            }
            if (lease.isEmpty() && leaseId != null) {
                throw new ConditionFailedException(name + ": the lease " + leaseId + " is no longer held");
            }
            long size = Files.exists(file) ? Files.size(file) : -1;
            if (size < 0) {
                throw new ConditionFailedException(name + ": no such log");
            }
            if (size != position) {
                // A retry of an append that landed (as a blob client's retry after a lost answer) is not doubled.
                byte[] log = Files.readAllBytes(file);
                if (log.length == position + record.length
                        && java.util.Arrays.equals(log, (int) position, log.length, record, 0, record.length)) {
                    return position + record.length;
                }
                throw new ConditionFailedException(name + ": the log is at " + size + ", not at " + position);
            }
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
                ByteBuffer buffer = ByteBuffer.wrap(record);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            return position + record.length;
        });
    }

    @Override
    public Optional<Lease> acquireLease(String name, Duration duration) throws IOException {
        try {
            return locked(() -> {
                if (!Files.exists(file(name))) {
                    throw new NoSuchFileException(name);
                }
                if (activeLease(name).isPresent()) {
                    return Optional.<Lease>empty();
                }
                String id = UUID.randomUUID().toString();
                writeLease(name, id, duration);
                return Optional.<Lease>of(new LocalLease(name, id, duration));
            });
        } catch (ConditionFailedException e) {
            throw new IllegalStateException(e);
        }
    }

    private final class LocalLease extends HeldLease {
        LocalLease(String name, String id, Duration duration) {
            super(name, id, duration);
        }

        @Override
        public void renew() throws IOException, ConditionFailedException {
            locked(() -> {
                Optional<String[]> current = leaseFile(name);
                // As with blob leases: the holder may renew an expired lease as long as nobody took it since.
                if (current.isEmpty() || !current.get()[0].equals(id)) {
                    throw new ConditionFailedException(name + ": lease lost");
                }
                writeLease(name, id, duration);
                return null;
            });
        }

        @Override
        public void release() {
            try {
                locked(() -> {
                    Optional<String[]> current = leaseFile(name);
                    if (current.isPresent() && current.get()[0].equals(id)) {
                        Files.deleteIfExists(leaseOf(name));
                    }
                    return null;
                });
            } catch (IOException | ConditionFailedException e) {
                // Released or not, it expires by itself.
            }
        }
    }

    /** Ends any lease on {@code name} at once, as an operator breaking a blob lease would. */
    @Override
    public boolean breakLease(String name) throws IOException {
        try {
            return locked(() -> {
                boolean held = activeLease(name).isPresent();
                Files.deleteIfExists(leaseOf(name));
                return held;
            });
        } catch (ConditionFailedException e) {
            throw new IllegalStateException(e);
        }
    }

    private Optional<String[]> activeLease(String name) throws IOException {
        Optional<String[]> lease = leaseFile(name);
        if (lease.isEmpty() || Long.parseLong(lease.get()[1]) <= clock.millis()) {
            return Optional.empty();
        }
        return lease;
    }

    private Optional<String[]> leaseFile(String name) throws IOException {
        try {
            String[] parts = Files.readString(leaseOf(name), StandardCharsets.UTF_8).trim().split(" ");
            return parts.length == 2 ? Optional.of(parts) : Optional.empty();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    private void writeLease(String name, String id, Duration duration) throws IOException {
        writeAtomically(leaseOf(name), (id + " " + (clock.millis() + duration.toMillis()) + "\n")
                .getBytes(StandardCharsets.UTF_8));
    }

    private Path leaseOf(String name) {
        Path file = file(name);
        return file.resolveSibling(file.getFileName() + LEASE_SUFFIX);
    }

    private Path file(String name) {
        if (name.isEmpty() || name.startsWith("/") || name.contains("\\") || List.of(name.split("/")).contains("..")) {
            throw new IllegalArgumentException("not a state name: " + name);
        }
        return root.resolve(name);
    }

    private interface Locked<T> {
        T run() throws IOException, ConditionFailedException;
    }

    private <T> T locked(Locked<T> action) throws IOException, ConditionFailedException {
        ReentrantLock threads = THREAD_LOCKS.computeIfAbsent(root, r -> new ReentrantLock());
        threads.lock();
        try {
            Files.createDirectories(root);
            try (FileChannel channel = FileChannel.open(root.resolve(".store.lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock ignored = channel.lock()) {
                return action.run();
            }
        } finally {
            threads.unlock();
        }
    }

    private static void writeAtomically(Path file, byte[] content) throws IOException {
        Files.createDirectories(file.getParent());
        Path temp = file.resolveSibling(".tmp-" + file.getFileName() + "-" + UUID.randomUUID());
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    static String etag(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)).substring(0, 20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
