package org.kubenetmigrate.executor.testing;

/**
 * Thrown to simulate the process dying at an exact point: an {@link Error}, so that nothing in the executor catches
 * it and no clean-up beyond {@code finally} blocks runs — the journal is left as the last fsync left it.
 */
public final class SimulatedCrash extends Error {
    private static final long serialVersionUID = 1L;

    public SimulatedCrash(String where) {
        super("simulated crash " + where);
    }
}
