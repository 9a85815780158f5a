package org.kubenetmigrate.cli;

import java.io.IOException;

/** How writing to stdout went, for the exit code. */
enum OutputState {
    /** Everything was written. */
    WRITTEN,
    /**
     * The reader went away before the end ({@code | head}, a pager that was quit): the user has what they wanted, so
     * this is quiet and leaves the exit code alone, as with any Unix filter.
     */
    READER_GONE,
    /** A write failed (disk full, I/O error): the output is incomplete. */
    FAILED;

    /**
     * Pure: from the writer's error flag and the first failed write's exception (null when unknown). EPIPE is the
     * only reader-gone case; Java reports it as "Broken pipe".
     */
    static OutputState of(boolean writerError, IOException failure) {
        if (failure != null) {
            return failure.getMessage() != null && failure.getMessage().contains("Broken pipe") ? READER_GONE : FAILED;
        }
        return writerError ? FAILED : WRITTEN;
    }
}
