package org.kubenetmigrate.cli;

/** When the table may use colour. Pure, so the decision is tested without a terminal. */
final class Terminal {
    private Terminal() {
    }

    /**
     * Colour only when stdout is a terminal, the output is not going to a file, {@code --no-color} is not given, and
     * NO_COLOR (https://no-color.org: "when present and not an empty string") is not set.
     */
    static boolean colour(boolean console, String noColorEnv, boolean noColorFlag, boolean toFile) {
        return console && !toFile && !noColorFlag && (noColorEnv == null || noColorEnv.isEmpty());
    }
}
