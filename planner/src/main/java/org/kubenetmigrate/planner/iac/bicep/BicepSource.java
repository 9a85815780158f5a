package org.kubenetmigrate.planner.iac.bicep;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.kubenetmigrate.planner.iac.IacSyntaxException;
import org.kubenetmigrate.planner.iac.SourceFile;

/**
 * The parts of a Bicep file (or .bicepparam file) the patch needs, with exact character ranges: {@code param}
 * declarations and {@code resource} declarations whose body is an object. Object values are kept as text ranges;
 * only single-quoted literals without interpolation count as literal.
 */
final class BicepSource {
    record Token(char kind, int start, int end, String text, boolean template) {
        // kinds: i identifier, s string, n newline, { } [ ] ( ) : = and o for anything else
        String literal() {
            if (kind != 's' || template || text.startsWith("'''")) {
                return null;
            }
            return text.substring(1, text.length() - 1).replace("\\'", "'").replace("\\\\", "\\").replace("\\$", "$");
        }
    }

    /** {@code key: value} in an object; value tokens exclude comments. */
    record Property(String key, int start, int valueStart, int valueEnd, List<Token> value, BicepObject object) {
        Optional<String> literal() {
            return value.size() == 1 ? Optional.ofNullable(value.get(0).literal()) : Optional.empty();
        }

        Optional<String> identifier() {
            return value.size() == 1 && value.get(0).kind() == 'i' ? Optional.of(value.get(0).text()) : Optional.empty();
        }
    }

    record BicepObject(int open, int close, List<Property> properties) {
        Optional<Property> get(String key) {
            return properties.stream().filter(p -> p.key().equalsIgnoreCase(key)).findFirst();
        }
    }

    /** {@code param NAME [TYPE] [= value]}; value is null when there is no default. */
    record Param(String name, int start, Property value) {
    }

    /** {@code resource SYM 'TYPE@VERSION' = {...}}. */
    record Resource(String symbol, String type, int start, BicepObject body, boolean conditionalOrLoop) {
    }

    final SourceFile file;
    final List<Param> params = new ArrayList<>();
    final List<Resource> resources = new ArrayList<>();
    private final List<Token> tokens;
    private int i;

    private BicepSource(SourceFile file, List<Token> tokens) {
        this.file = file;
        this.tokens = tokens;
    }

    static BicepSource parse(SourceFile file) throws IacSyntaxException {
        BicepSource s = new BicepSource(file, lex(file));
        s.statements();
        return s;
    }

    Optional<Param> param(String name) {
        return params.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    private void statements() throws IacSyntaxException {
        while (i < tokens.size()) {
            Token t = tokens.get(i);
            if (t.kind() == 'i' && t.text().equals("param") && next(1, 'i')) {
                Token name = tokens.get(i + 1);
                i += 2;
                Property value = null;
                int eq = -1;
                for (int k = i; k < tokens.size() && tokens.get(k).kind() != 'n'; k++) {
                    if (tokens.get(k).kind() == '=') {
                        eq = k;
                        break;
                    }
                }
                if (eq >= 0) {
                    i = eq + 1;
                    value = value(name.text(), t.start());
                }
                params.add(new Param(name.text(), t.start(), value));
            } else if (t.kind() == 'i' && t.text().equals("resource") && next(1, 'i') && next(2, 's')) {
                String symbol = tokens.get(i + 1).text();
                String type = String.valueOf(tokens.get(i + 2).literal());
                int start = t.start();
                i += 3;
                boolean existing = false;
                while (i < tokens.size() && tokens.get(i).kind() != '=' && tokens.get(i).kind() != 'n') {
                    existing |= tokens.get(i).text().equals("existing");
                    i++;
                }
                if (i < tokens.size() && tokens.get(i).kind() == '=') {
                    i++;
                    boolean wrapped = i < tokens.size() && tokens.get(i).kind() != '{';
                    while (i < tokens.size() && tokens.get(i).kind() != '{' && tokens.get(i).kind() != 'n') {
                        i++; // "if (cond)" or "[for ...:" before the body
                    }
                    if (i < tokens.size() && tokens.get(i).kind() == '{') {
                        BicepObject body = object();
                        if (!existing) {
                            resources.add(new Resource(symbol, type, start, body, wrapped));
                        }
                    }
                    if (false) {
                        resources.add(new Resource(symbol, type, start, object(), wrapped));
                    }
                }
            } else {
                i++;
            }
        }
    }

    private Property value(String key, int start) throws IacSyntaxException {
        List<Token> value = new ArrayList<>();
        int depth = 0;
        BicepObject object = null;
        if (i < tokens.size() && tokens.get(i).kind() == '{') {
            int at = i;
            object = object();
            value.add(tokens.get(at));
            value.add(tokens.get(i - 1));
            return new Property(key, start, tokens.get(at).start(), tokens.get(i - 1).end(), value, object);
        }
        while (i < tokens.size()) {
            Token t = tokens.get(i);
            if (depth == 0 && (t.kind() == 'n' || t.kind() == '}' || t.kind() == ',')) {
                break;
            }
            if (t.kind() == '(' || t.kind() == '[' || t.kind() == '{') {
                depth++;
            } else if (t.kind() == ')' || t.kind() == ']' || t.kind() == '}') {
                depth--;
            }
            if (t.kind() != 'n') {
                value.add(t);
            }
            i++;
        }
        if (value.isEmpty()) {
            throw error(start, key + " has no value");
        }
        return new Property(key, start, value.get(0).start(), value.get(value.size() - 1).end(), value, null);
    }

    private BicepObject object() throws IacSyntaxException {
        int open = tokens.get(i++).start();
        List<Property> properties = new ArrayList<>();
        while (true) {
            while (i < tokens.size() && (tokens.get(i).kind() == 'n' || tokens.get(i).kind() == ',')) {
                i++;
            }
            if (i >= tokens.size()) {
                throw error(open, "an object is never closed (missing })");
            }
            Token key = tokens.get(i);
            if (key.kind() == '}') {
                i++;
                return new BicepObject(open, key.start(), properties);
            }
            if ((key.kind() != 'i' && key.kind() != 's') || !next(1, ':')) {
                throw error(key.start(), "expected a property (name: value), found '" + key.text() + "'");
            }
            i += 2;
            String name = key.kind() == 's' ? String.valueOf(key.literal()) : key.text();
            properties.add(value(name, key.start()));
        }
    }

    private boolean next(int ahead, char kind) {
        return i + ahead < tokens.size() && tokens.get(i + ahead).kind() == kind;
    }

    private IacSyntaxException error(int offset, String problem) {
        return new IacSyntaxException(file.path(), file.lineOf(offset), "does not parse as Bicep: " + problem);
    }

    static List<Token> lex(SourceFile file) throws IacSyntaxException {
        String s = file.text();
        List<Token> out = new ArrayList<>();
        int at = 0;
        while (at < s.length()) {
            char c = s.charAt(at);
            int start = at;
            if (c == ' ' || c == '\t' || c == '\r' || c == '\uFEFF') {
                at++;
            } else if (c == '\n') {
                out.add(new Token('n', start, ++at, "\n", false));
            } else if (c == '/' && at + 1 < s.length() && s.charAt(at + 1) == '/') {
                while (at < s.length() && s.charAt(at) != '\n') {
                    at++;
                }
            } else if (c == '/' && at + 1 < s.length() && s.charAt(at + 1) == '*') {
                int close = s.indexOf("*/", at + 2);
                if (close < 0) {
                    throw new IacSyntaxException(file.path(), file.lineOf(start), "a /* comment is never closed");
                }
                at = close + 2;
            } else if (s.startsWith("'''", at)) {
                int close = s.indexOf("'''", at + 3);
                if (close < 0) {
                    throw new IacSyntaxException(file.path(), file.lineOf(start), "a ''' string is never closed");
                }
                at = close + 3;
                out.add(new Token('s', start, at, s.substring(start, at), false));
            } else if (c == '\'') {
                boolean template = false;
                int depth = 0;
                at++;
                while (true) {
                    if (at >= s.length() || (s.charAt(at) == '\n' && depth == 0)) {
                        throw new IacSyntaxException(file.path(), file.lineOf(start), "a quoted string is never closed");
                    }
                    char d = s.charAt(at);
                    if (d == '\\') {
                        at += 2;
                        continue;
                    }
                    if (depth == 0 && d == '\'') {
                        at++;
                        break;
                    }
                    if (d == '$' && at + 1 < s.length() && s.charAt(at + 1) == '{') {
                        template = true;
                        depth++;
                        at += 2;
                        continue;
                    }
                    if (depth > 0 && d == '}') {
                        depth--;
                    }
                    at++;
                }
                out.add(new Token('s', start, at, s.substring(start, at), template));
            } else if (Character.isLetter(c) || c == '_') {
                while (at < s.length() && (Character.isLetterOrDigit(s.charAt(at)) || s.charAt(at) == '_')) {
                    at++;
                }
                out.add(new Token('i', start, at, s.substring(start, at), false));
            } else if ("{}[]():".indexOf(c) >= 0 || c == '=' && (at + 1 >= s.length() || s.charAt(at + 1) != '=')
                    || c == ',') {
                at++;
                out.add(new Token(c, start, at, String.valueOf(c), false));
            } else {
                at++;
                if ((c == '=' || c == '!' || c == '<' || c == '>') && at < s.length() && s.charAt(at) == '=') {
                    at++;
                }
                out.add(new Token('o', start, at, s.substring(start, at), false));
            }
        }
        return out;
    }
}
