package org.kubenetmigrate.planner.text;

import java.util.regex.Pattern;

/** Quoting for the commands the tool prints, so that a pasted command does what it says. */
public final class Shell {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_./:=@%+,-]+");

    private Shell() {
    }

    /** The word as is when it needs no quoting (ids, names, CIDRs), else single-quoted for POSIX shells. */
    public static String quote(String word) {
        if (word != null && SAFE.matcher(word).matches()) {
            return word;
        }
        return "'" + (word == null ? "" : word.replace("'", "'\\''")) + "'";
    }

    /** True when the word is printed as is. */
    static boolean plain(String word) {
        return word != null && SAFE.matcher(word).matches();
    }
}
