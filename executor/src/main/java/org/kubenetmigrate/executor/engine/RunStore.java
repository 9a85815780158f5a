package org.kubenetmigrate.executor.engine;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.kubenetmigrate.executor.plan.ExecutablePlan;
import org.kubenetmigrate.executor.plan.PlanReader;
import org.kubenetmigrate.planner.input.InputException;
import org.kubenetmigrate.planner.report.OutputFiles;

/**
 * The state directory: {@code runs/<runId>/} per run (see {@link Run}) and {@code locks/} for the cluster locks.
 * Default {@code .kubenet-migrate} under the working directory; {@code --state DIR} chooses another.
 */
public final class RunStore {
    public static final Path DEFAULT_ROOT = Path.of(".kubenet-migrate");
    private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,80}");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final Path root;
    private final SecureRandom random = new SecureRandom();

    public RunStore(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    public Path runsDir() {
        return root.resolve("runs");
    }

    public Path locksDir() {
        return root.resolve("locks");
    }

    /** A new run id: UTC time of the start plus 6 random hex digits, e.g. {@code 20261201-120000-3fa2c1}. */
    public String newRunId(Clock clock) {
        return STAMP.format(clock.instant()) + "-" + String.format("%06x", random.nextInt(1 << 24));
    }

    /** Creates the run directory with a byte-exact copy of the plan. */
    public Run create(String runId, ExecutablePlan plan, byte[] planBytes) throws IOException {
        Path dir = runsDir().resolve(runId);
        Files.createDirectories(runsDir());
        Files.createDirectory(dir);
        OutputFiles.writeAtomically(dir.resolve(Run.PLAN_FILE), new String(planBytes, StandardCharsets.UTF_8));
        Journal.syncDirectory(runsDir());
        return new Run(runId, plan, dir);
    }

    /** True when {@code runId} is well formed and its directory exists. */
    public boolean exists(String runId) {
        return RUN_ID.matcher(runId).matches() && Files.isDirectory(runsDir().resolve(runId));
    }

    /**
     * Opens an existing run, reading its plan copy.
     *
     * @throws RunNotFoundException when there is no such run
     */
    public Run open(String runId, PlanReader reader) throws RunNotFoundException, InputException {
        if (!exists(runId)) {
            throw new RunNotFoundException("no run " + runId + " in " + runsDir()
                    + (listIds().isEmpty() ? "" : " (runs there: " + String.join(", ", listIds()) + ")"));
        }
        Path dir = runsDir().resolve(runId);
        return new Run(runId, reader.read(dir.resolve(Run.PLAN_FILE)), dir);
    }

    /** Run ids in the state directory, oldest first (ids sort by start time). */
    public List<String> listIds() {
        List<String> ids = new ArrayList<>();
        if (!Files.isDirectory(runsDir())) {
            return ids;
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(runsDir(), Files::isDirectory)) {
            for (Path dir : dirs) {
                ids.add(dir.getFileName().toString());
            }
        } catch (IOException e) {
            return ids;
        }
        ids.sort(null);
        return ids;
    }

    /**
     * Claims the run for this process with an operating-system file lock, which the OS drops when the process dies,
     * so two processes (or threads) never drive the same run while a crashed one never blocks a resume.
     *
     * @return the claim, or empty when another process or thread is running this run now
     */
    public Optional<Session> claim(Run run) throws IOException {
        Path file = run.dir().resolve(Run.SESSION_FILE);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            return Optional.empty();
        }
        channel.truncate(0);
        channel.write(StandardCharsets.UTF_8.encode(ProcessHandle.current().pid() + "\n"));
        return Optional.of(new Session(channel, lock));
    }

    /** A run claimed by this process; close to let go. */
    public static final class Session implements AutoCloseable {
        private final FileChannel channel;
        private final FileLock lock;

        Session(FileChannel channel, FileLock lock) {
            this.channel = channel;
            this.lock = lock;
        }

        @Override
        public void close() throws IOException {
            try {
                lock.release();
            } finally {
                channel.close();
            }
        }
    }

    /** There is no run with the given id. */
    public static final class RunNotFoundException extends Exception {
        private static final long serialVersionUID = 1L;

        public RunNotFoundException(String message) {
            super(message);
        }
    }
}
