package org.kubenetmigrate.planner.text;

import java.util.regex.Pattern;

/** Quoting for the commands the tool prints, so that a pasted command does what it says. */
public final class Shell {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_./:=@%+,-]+");
    /** What double quotes leave special: expansions, escapes, and bash's history expansion. */
    private static final Pattern SPECIAL_IN_DOUBLE_QUOTES = Pattern.compile("[$`\"\\\\!]");

    private Shell() {
    }

    /**
     * The word as is when it needs no quoting (ids, names, CIDRs), else quoted for POSIX shells: in single quotes,
     * or in double quotes when it holds a single quote and nothing double quotes would expand (a JMESPath query
     * such as {@code [?name=='x']} reads better that way).
     */
    public static String quote(String word) {
        if (word != null && SAFE.matcher(word).matches()) {
            return word;
        }
        if (word != null && word.indexOf('\'') >= 0 && !SPECIAL_IN_DOUBLE_QUOTES.matcher(word).find()) {
            return "\"" + word + "\"";
        }
        return "'" + (word == null ? "" : word.replace("'", "'\\''")) + "'";
    }
}
