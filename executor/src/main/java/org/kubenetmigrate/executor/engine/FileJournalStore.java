package org.kubenetmigrate.executor.engine;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** A journal in a local file: every append is written and forced to disk ({@link FileChannel#force}). */
public final class FileJournalStore implements JournalStore {
    private final Path file;
    private final FileChannel channel;

    private FileJournalStore(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    /** Opens (or creates) the file; a new file's directory entry is made durable too. */
    public static FileJournalStore open(Path file) throws IOException {
        boolean created = !Files.exists(file);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        if (created) {
            Journal.syncDirectory(file.toAbsolutePath().getParent());
        }
        return new FileJournalStore(file, channel);
    }

    @Override
    public byte[] readAll() throws IOException {
        return Files.readAllBytes(file);
    }

    @Override
    public void keepFirst(long length, boolean addNewline) throws IOException {
        if (channel.size() > length) {
            channel.truncate(length);
        }
        channel.position(length);
        if (addNewline) {
            write("\n");
        }
        channel.force(true);
    }

    @Override
    public void append(String line) throws IOException {
        write(line);
        channel.force(true);
    }

    private void write(String text) throws IOException {
        ByteBuffer buffer = StandardCharsets.UTF_8.encode(text);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
