package org.kubenetmigrate.planner.iac.terraform;

/**
 * A token of HCL source with its exact character range, so that edits touch only the characters they mean to.
 *
 * @param kind what it is
 * @param start first character
 * @param end one past the last character
 * @param text the source text of the token
 * @param template true for a quoted string with ${...} or %{...} inside (not a literal)
 */
record HclToken(Kind kind, int start, int end, String text, boolean template) {
    enum Kind { IDENT, STRING, HEREDOC, NUMBER, OPEN_BRACE, CLOSE_BRACE, OPEN, CLOSE, EQUALS, COMMA, NEWLINE,
        COMMENT, OTHER }

    boolean is(Kind k) {
        return kind == k;
    }

    boolean isIdent(String name) {
        return kind == Kind.IDENT && text.equals(name);
    }

    /** The value of a quoted string without templates; null otherwise. */
    String literal() {
        if (kind != Kind.STRING || template) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        String body = text.substring(1, text.length() - 1);
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\' && i + 1 < body.length()) {
                char n = body.charAt(++i);
                out.append(switch (n) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case 'r' -> '\r';
                    default -> n;
                });
            } else if ((c == '$' || c == '%') && body.startsWith("{", i + 2) && body.charAt(i + 1) == c) {
                out.append(c).append('{');
                i += 2;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
