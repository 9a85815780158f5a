package org.kubenetmigrate.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The process's stdout, remembering why a write failed: a {@link java.io.PrintWriter} swallows the exception and
 * keeps only a flag, but a full disk, an I/O error and a reader that went away ({@code | head}) must end differently.
 */
final class StdoutStream extends FilterOutputStream {
    private IOException failure;

    StdoutStream(OutputStream out) {
        super(out);
    }

    @Override
    public synchronized void write(int b) throws IOException {
        try {
            out.write(b);
        } catch (IOException e) {
            throw remember(e);
        }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        try {
            out.write(b, off, len);
        } catch (IOException e) {
            throw remember(e);
        }
    }

    @Override
    public synchronized void flush() throws IOException {
        try {
            out.flush();
        } catch (IOException e) {
            throw remember(e);
        }
    }

    /** The first write that failed, or null. */
    synchronized IOException failure() {
        return failure;
    }

    private IOException remember(IOException e) {
        if (failure == null) {
            failure = e;
        }
        return e;
    }
}
