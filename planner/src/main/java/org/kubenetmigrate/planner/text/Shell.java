package org.kubenetmigrate.planner.text;

/** Quoting for the commands the tool prints, so that a pasted command does what it says. */
public final class Shell {
    private Shell() {
    }

    /**
     * The word as is when it needs no quoting (ids, names, CIDRs), else quoted for POSIX shells: in single quotes,
     * or in double quotes when it holds a single quote and nothing double quotes would expand (a JMESPath query
     * such as {@code [?name=='x']} reads better that way).
     */
    public static String quote(String word) {
        if (word != null && isSafe(word)) {
            return word;
        }
        if (word != null && word.indexOf('\'') >= 0 && !hasSpecialInDoubleQuotes(word)) {
            return "\"" + word + "\"";
        }
        return "'" + (word == null ? "" : word.replace("'", "'\\''")) + "'";
    }

    // Both checks are character loops rather than regular expressions: every ARM id and name in the remediation
    // commands of a fleet report passes through here.

    /** One or more of {@code [A-Za-z0-9_./:=@%+,-]}: nothing a shell treats specially. */
    private static boolean isSafe(String word) {
        if (word.isEmpty()) {
            return false;
        }
        for (int at = 0; at < word.length(); at++) {
            char c = word.charAt(at);
            boolean safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "_./:=@%+,-".indexOf(c) >= 0;
            if (!safe) {
                return false;
            }
        }
        return true;
    }

    /** What double quotes leave special: expansions, escapes, and bash's history expansion. */
    private static boolean hasSpecialInDoubleQuotes(String word) {
        for (int at = 0; at < word.length(); at++) {
            if ("$`\"\\!".indexOf(word.charAt(at)) >= 0) {
                return true;
            }
        }
        return false;
    }
}
