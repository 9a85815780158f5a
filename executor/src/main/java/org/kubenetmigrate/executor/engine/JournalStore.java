package org.kubenetmigrate.executor.engine;

import java.io.Closeable;
import java.io.IOException;

/**
 * Where a journal's lines are kept: append one line durably, read everything back. {@link Journal} owns the
 * format (checksums, sequence, typed events) and decides what a crash left torn; a store only keeps bytes.
 * {@link FileJournalStore} keeps them in a local file; another store (an append blob in shared storage) implements
 * the same three operations.
 */
public interface JournalStore extends Closeable {

    /** Everything stored, as written; the last line may be torn by a crash. */
    byte[] readAll() throws IOException;

    /**
     * Before the first append of a session: keeps the first {@code length} bytes (the trustworthy records) and drops
     * the rest (a torn last line), then ends the kept part with a newline if it lacks one. A store whose appends are
     * atomic never holds a torn line and may refuse a length shorter than what it holds.
     */
    void keepFirst(long length, boolean addNewline) throws IOException;

    /** Appends one line (ending in a newline); when this returns, the line survives a crash of this process. */
    void append(String line) throws IOException;
}
