package org.kubenetmigrate.planner.report;

import java.io.IOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;

/**
 * Writes files so that nothing is lost: a reader sees the old file or the whole new one, never half of it, and
 * whatever sits at the path (a device, a pipe, a link) is written the way the user meant.
 *
 * <p>Two entry points. {@link #writeAtomically} is for the tool's own state (run directories, backups): it creates
 * missing directories and leaves the file readable by its owner only. {@link #writeOutput} is for a path the user
 * named ({@code --out}): it respects what is there (see there).
 */
public final class OutputFiles {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    /** Symbolic links followed before giving up, as Linux's own limit (ELOOP). */
    private static final int MAX_LINKS = 40;

    private OutputFiles() {
    }

    /** Something that writes its whole content to a writer. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Writer out) throws IOException;
    }

    /**
     * The path named for output cannot be written at all (its directory is missing, it is a directory, a link loop):
     * a usage error, as opposed to a write that failed on the way (disk full, I/O error).
     */
    public static final class UnusablePathException extends IOException {
        private static final long serialVersionUID = 1L;

        UnusablePathException(String message) {
            super(message);
        }
    }

    public static void writeAtomically(Path target, String content) throws IOException {
        writeAtomically(target, out -> out.write(content));
    }

    /**
     * The tool's own files: streams the content into a temporary file beside the target (owner-only), flushes it to
     * disk, then renames it over the target. Missing directories are created. If writing fails, the temporary file is
     * removed and the target is untouched.
     */
    public static void writeAtomically(Path target, Content content) throws IOException {
        Path absolute = target.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        replace(absolute, content, true, null);
    }

    public static void writeOutput(Path target, String content) throws IOException {
        writeOutput(target, out -> out.write(content));
    }

    /**
     * A path the user named for output, written according to what is there:
     * <ul>
     *   <li>a regular file or nothing yet: atomically (temporary file beside it, flushed, renamed over it), keeping
     *       the existing file's permissions, or for a new file those the umask gives (as a shell redirect does);</li>
     *   <li>a symbolic link: followed (to the end of the chain), and its target written as above, so the link stays;</li>
     *   <li>a character device, a named pipe, a socket or {@code /dev/fd/N}: written through, never renamed over
     *       ({@code --out /dev/null}, {@code --out >(gzip > r.gz)}).</li>
     * </ul>
     * The directory must exist: a typo in it is an error, not a new directory tree.
     *
     * @throws UnusablePathException when the path cannot be written at all (missing directory, a directory, a loop)
     * @throws IOException when writing failed on the way (the target is then untouched, unless written through)
     */
    public static void writeOutput(Path target, Content content) throws IOException {
        if (isFileDescriptor(target)) {
            writeThrough(target, content);
            return;
        }
        Path resolved = followLinks(target.toAbsolutePath());
        BasicFileAttributes attributes = attributes(resolved);
        if (attributes != null && attributes.isDirectory()) {
            throw new UnusablePathException("is a directory");
        }
        if (attributes != null && attributes.isOther()) {
            writeThrough(resolved, content);
            return;
        }
        Path dir = resolved.getParent();
        if (!Files.isDirectory(dir)) {
            throw new UnusablePathException(Files.exists(dir) ? dir + " is not a directory"
                    : "its directory does not exist; create it first (mkdir -p " + dir + ")");
        }
        replace(resolved, content, false, attributes == null ? null
                : Files.getFileAttributeView(resolved, PosixFileAttributeView.class) == null ? null
                : Files.readAttributes(resolved, PosixFileAttributes.class));
    }

    /**
     * Writes into a temporary file beside {@code target} and renames it over the target.
     *
     * @param ownerOnly the file ends readable by its owner only (the tool's own state)
     * @param existing otherwise, the file being replaced, whose permissions (and, where allowed, owner and group)
     *                 the new one keeps; null for a new file, which gets the permissions the umask gives
     */
    private static void replace(Path target, Content content, boolean ownerOnly, PosixFileAttributes existing)
            throws IOException {
        Path dir = target.getParent();
        Path temp = createTemp(dir, target.getFileName().toString(), ownerOnly);
        try {
            // The content is written while only the owner can read it; the final mode is set just before the rename.
            Set<PosixFilePermission> finalMode = ownerOnly ? null : existing != null ? existing.permissions()
                    : permissions(temp);
            if (finalMode != null) {
                setPermissions(temp, OWNER_ONLY);
            }
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                write(channel, content);
                // Flush before the rename so a crash cannot leave a renamed but empty file.
                channel.force(true);
            }
            if (existing != null) {
                keepOwner(temp, existing);
            }
            if (finalMode != null) {
                setPermissions(temp, finalMode);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * A new temporary file: owner-only ({@link Files#createTempFile}'s mode), or with the mode the umask gives a new
     * file, which Java can only learn by creating one without asking for a mode.
     */
    private static Path createTemp(Path dir, String name, boolean ownerOnly) throws IOException {
        if (ownerOnly) {
            return Files.createTempFile(dir, "." + name + ".", ".tmp");
        }
        for (int attempt = 0; ; attempt++) {
            Path temp = dir.resolve("." + name + "." + HexFormat.of().toHexDigits(RANDOM.nextLong()) + ".tmp");
            try {
                return Files.createFile(temp);
            } catch (FileAlreadyExistsException e) {
                if (attempt > 10) {
                    throw e;
                }
            }
        }
    }

    /** Devices, pipes and descriptors: opened for writing as they are (never created, truncated or renamed). */
    private static void writeThrough(Path target, Content content) throws IOException {
        try (FileChannel channel = FileChannel.open(target, StandardOpenOption.WRITE)) {
            write(channel, content);
        } catch (NoSuchFileException e) {
            throw new UnusablePathException("does not exist");
        }
    }

    private static void write(FileChannel channel, Content content) throws IOException {
        // Unencodable text (a lone surrogate from a \\ud800 escape in the input) becomes '?', as on stdout (JSON
        // writes it as that escape).
        Utf8Output out = new Utf8Output(Channels.newOutputStream(channel));
        content.writeTo(out);
        out.flush();
    }

    /** The shell's {@code >(...)} and {@code /dev/stdout} name an open descriptor; it is written, never replaced. */
    private static boolean isFileDescriptor(Path target) {
        String text = target.toString();
        return text.startsWith("/dev/fd/") || text.startsWith("/proc/self/fd/") || text.equals("/dev/stdout")
                || text.equals("/dev/stderr");
    }

    /** The end of a chain of symbolic links (which may not exist yet: a dangling link names the file to create). */
    private static Path followLinks(Path path) throws IOException {
        Path current = path;
        for (int i = 0; i < MAX_LINKS; i++) {
            if (!Files.isSymbolicLink(current)) {
                return current;
            }
            Path link = Files.readSymbolicLink(current);
            current = current.getParent().resolve(link).normalize();
        }
        throw new UnusablePathException("too many levels of symbolic links");
    }

    private static BasicFileAttributes attributes(Path path) throws IOException {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /** The file's permissions; null on a file system without POSIX permissions. */
    private static Set<PosixFilePermission> permissions(Path path) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
        return view == null ? null : view.readAttributes().permissions();
    }

    /**
     * The replaced file's owner and group, as a shell redirect into it would keep them. Only root may give a file
     * away; anyone else ends up owning the new file, as with any editor's save.
     */
    private static void keepOwner(Path temp, PosixFileAttributes existing) {
        PosixFileAttributeView view = Files.getFileAttributeView(temp, PosixFileAttributeView.class);
        try {
            PosixFileAttributes now = view.readAttributes();
            if (!now.owner().equals(existing.owner())) {
                view.setOwner(existing.owner());
            }
            if (!now.group().equals(existing.group())) {
                view.setGroup(existing.group());
            }
        } catch (IOException e) {
            // Not allowed (not root): the new file keeps the writer as its owner.
        }
    }

    private static void setPermissions(Path path, Set<PosixFilePermission> mode) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
        if (view != null) {
            view.setPermissions(mode);
        }
    }
}
