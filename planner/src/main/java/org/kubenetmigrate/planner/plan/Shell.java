package org.kubenetmigrate.planner.plan;

import java.util.regex.Pattern;

/** Quoting for the az commands the plan shows, so that a pasted command does what it says. */
final class Shell {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_./:=@%+,-]+");

    private Shell() {
    }

    /** The word as is when it needs no quoting (ids, names, CIDRs), else single-quoted for POSIX shells. */
    static String quote(String word) {
        if (word != null && SAFE.matcher(word).matches()) {
            return word;
        }
        return "'" + (word == null ? "" : word.replace("'", "'\\''")) + "'";
    }
}
