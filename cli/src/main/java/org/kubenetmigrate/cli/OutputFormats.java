package org.kubenetmigrate.cli;

/**
 * One name for the output format on every command, as az and kubectl spell it: {@code -o/--output}. The former
 * {@code --format} (report, plan, status) stays accepted for one release as a hidden alias; each command's
 * {@code -o} help says so.
 */
final class OutputFormats {
    /** Appended to every {@code -o/--output} description. */
    static final String ALIAS_NOTE = " --format is a deprecated alias of -o, accepted until the next release.";

    private OutputFormats() {
    }
}
