package org.kubenetmigrate.planner.iac.terraform;

import java.util.ArrayList;
import java.util.List;
import org.kubenetmigrate.planner.iac.terraform.HclToken.Kind;

/**
 * Splits HCL native syntax into tokens with exact positions: comments ({@code #}, {@code //}, block), quoted
 * strings with templates and escapes, heredocs, identifiers, numbers and punctuation. Line breaks are tokens
 * because they end attributes.
 */
final class HclLexer {
    private final String s;
    private int at;
    private final List<HclToken> tokens = new ArrayList<>();

    private HclLexer(String s) {
        this.s = s;
    }

    static List<HclToken> tokens(String source) throws HclSyntaxException {
        HclLexer lexer = new HclLexer(source);
        lexer.run();
        return lexer.tokens;
    }

    private void run() throws HclSyntaxException {
        while (at < s.length()) {
            char c = s.charAt(at);
            int start = at;
            if (c == ' ' || c == '\t' || c == '\r' || c == '\uFEFF') {
                at++;
            } else if (c == '\n') {
                add(Kind.NEWLINE, start, ++at, false);
            } else if (c == '#' || (c == '/' && peek(1) == '/')) {
                while (at < s.length() && s.charAt(at) != '\n') {
                    at++;
                }
                add(Kind.COMMENT, start, at, false);
            } else if (c == '/' && peek(1) == '*') {
                int close = s.indexOf("*/", at + 2);
                if (close < 0) {
                    throw error(start, "a /* comment is never closed");
                }
                at = close + 2;
                add(Kind.COMMENT, start, at, false);
            } else if (c == '"') {
                boolean template = quoted();
                add(Kind.STRING, start, at, template);
            } else if (c == '<' && peek(1) == '<' && (Character.isLetter(peek(2)) || peek(2) == '-')) {
                heredoc();
                add(Kind.HEREDOC, start, at, true);
            } else if (Character.isLetter(c) || c == '_') {
                while (at < s.length() && (Character.isLetterOrDigit(s.charAt(at)) || s.charAt(at) == '_'
                        || s.charAt(at) == '-')) {
                    at++;
                }
                add(Kind.IDENT, start, at, false);
            } else if (Character.isDigit(c)) {
                while (at < s.length() && (Character.isLetterOrDigit(s.charAt(at)) || s.charAt(at) == '.')) {
                    at++;
                }
                add(Kind.NUMBER, start, at, false);
            } else if (c == '{') {
                add(Kind.OPEN_BRACE, start, ++at, false);
            } else if (c == '}') {
                add(Kind.CLOSE_BRACE, start, ++at, false);
            } else if (c == '(' || c == '[') {
                add(Kind.OPEN, start, ++at, false);
            } else if (c == ')' || c == ']') {
                add(Kind.CLOSE, start, ++at, false);
            } else if (c == ',') {
                add(Kind.COMMA, start, ++at, false);
            } else if (c == '=' && peek(1) != '=' && peek(1) != '>') {
                add(Kind.EQUALS, start, ++at, false);
            } else {
                // operators: ==, =>, !=, <=, >=, &&, ||, ., ?, :, +, -, *, /, %, !, <, >, ...
                at += (c == '=' || c == '!' || c == '<' || c == '>') && peek(1) == '=' || c == '=' && peek(1) == '>'
                        || c == '&' && peek(1) == '&' || c == '|' && peek(1) == '|' ? 2 : 1;
                add(Kind.OTHER, start, at, false);
            }
        }
    }

    /** Consumes a quoted string starting at the quote; returns true when it holds a template sequence. */
    private boolean quoted() throws HclSyntaxException {
        int start = at++;
        boolean template = false;
        while (true) {
            if (at >= s.length() || s.charAt(at) == '\n') {
                throw error(start, "a quoted string is never closed");
            }
            char c = s.charAt(at);
            if (c == '\\') {
                at += 2;
            } else if (c == '"') {
                at++;
                return template;
            } else if ((c == '$' || c == '%') && peek(1) == c && peek(2) == '{') {
                at += 3; // escaped $${ or %%{
            } else if ((c == '$' || c == '%') && peek(1) == '{') {
                template = true;
                at += 2;
                templateBody(start);
            } else {
                at++;
            }
        }
    }

    /** Skips a template interpolation up to its closing brace, through nested strings and braces. */
    private void templateBody(int stringStart) throws HclSyntaxException {
        int depth = 1;
        while (depth > 0) {
            if (at >= s.length()) {
                throw error(stringStart, "a ${ in a string is never closed");
            }
            char c = s.charAt(at);
            if (c == '"') {
                quoted();
                continue;
            }
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            }
            at++;
        }
    }

    private void heredoc() throws HclSyntaxException {
        int start = at;
        at += 2;
        if (peek(0) == '-') {
            at++;
        }
        int nameStart = at;
        while (at < s.length() && (Character.isLetterOrDigit(s.charAt(at)) || s.charAt(at) == '_')) {
            at++;
        }
        String marker = s.substring(nameStart, at);
        int nl = s.indexOf('\n', at);
        if (marker.isEmpty() || nl < 0) {
            throw error(start, "a heredoc has no marker or body");
        }
        at = nl + 1;
        while (at < s.length()) {
            int end = s.indexOf('\n', at);
            int lineEnd = end < 0 ? s.length() : end;
            if (s.substring(at, lineEnd).strip().equals(marker)) {
                at = lineEnd;
                return;
            }
            at = end < 0 ? s.length() : end + 1;
        }
        throw error(start, "heredoc " + marker + " is never closed");
    }

    private char peek(int ahead) {
        int i = at + ahead;
        return i < s.length() ? s.charAt(i) : '\0';
    }

    private void add(Kind kind, int start, int end, boolean template) {
        tokens.add(new HclToken(kind, start, end, s.substring(start, end), template));
    }

    private HclSyntaxException error(int offset, String problem) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (s.charAt(i) == '\n') {
                line++;
            }
        }
        return new HclSyntaxException(line, problem);
    }
}
