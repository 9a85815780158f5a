package org.kubenetmigrate.cli;

import java.util.Arrays;

/**
 * One name for the output format on every command, as az and kubectl spell it: {@code -o/--output}. The former
 * {@code --format} (report, plan, status) stays accepted for one release: it is rewritten to {@code --output} before
 * parsing, so no command declares it and {@code --help} does not list it; each {@code -o} description says so.
 */
final class OutputFormats {
    /** Appended to every {@code -o/--output} description. */
    static final String ALIAS_NOTE = " --format is a deprecated alias of -o, accepted until the next release.";

    private static final String DEPRECATED = "--format";

    private OutputFormats() {
    }

    /** The arguments with {@code --format X} and {@code --format=X} spelt as {@code --output}; nothing after "--". */
    static String[] withoutDeprecatedNames(String... args) {
        String[] result = Arrays.copyOf(args, args.length);
        for (int i = 0; i < result.length && !result[i].equals("--"); i++) {
            if (result[i].equals(DEPRECATED)) {
                result[i] = "--output";
            } else if (result[i].startsWith(DEPRECATED + "=")) {
                result[i] = "--output" + result[i].substring(DEPRECATED.length());
            }
        }
        return result;
    }
}
