package org.kubenetmigrate.executor.engine;

/**
 * The journal cannot be trusted: a record before the last one fails its checksum, does not parse, or breaks the
 * sequence. A torn <em>last</em> record is not an error (it is the write a crash interrupted) and never raises this.
 */
public final class JournalException extends Exception {
    private static final long serialVersionUID = 1L;

    public JournalException(String message) {
        super(message);
    }
}
