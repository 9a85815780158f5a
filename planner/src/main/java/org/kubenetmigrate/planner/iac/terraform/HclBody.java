package org.kubenetmigrate.planner.iac.terraform;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.kubenetmigrate.planner.iac.terraform.HclToken.Kind;

/**
 * The structure of an HCL body: attributes and blocks with exact character ranges. Expressions are kept as token
 * lists, not evaluated: the patch edits literals only and reports everything else.
 */
final class HclBody {
    /** An attribute {@code name = expression}; {@code tokens} are the expression's tokens without comments. */
    record Attribute(String name, int start, int valueStart, int valueEnd, List<HclToken> tokens) {
        /** The value when the expression is one quoted string without templates. */
        Optional<String> literal() {
            return tokens.size() == 1 ? Optional.ofNullable(tokens.get(0).literal()) : Optional.empty();
        }

        /** The variable name when the expression is exactly {@code var.NAME}. */
        Optional<String> variable() {
            if (tokens.size() == 3 && tokens.get(0).isIdent("var") && tokens.get(1).text().equals(".")
                    && tokens.get(2).is(Kind.IDENT)) {
                return Optional.of(tokens.get(2).text());
            }
            return Optional.empty();
        }

        /** The object constructor's items when the expression is {@code { key = value ... }}. */
        Optional<HclBody> object(String source) throws HclSyntaxException {
            if (tokens.isEmpty() || !tokens.get(0).is(Kind.OPEN_BRACE)
                    || !tokens.get(tokens.size() - 1).is(Kind.CLOSE_BRACE)) {
                return Optional.empty();
            }
            return Optional.of(HclBody.parseObject(source, tokensBetween(source)));
        }

        private List<HclToken> tokensBetween(String source) throws HclSyntaxException {
            List<HclToken> all = HclLexer.tokens(source);
            List<HclToken> inner = new ArrayList<>();
            for (HclToken t : all) {
                if (t.start() > tokens.get(0).start() && t.end() < tokens.get(tokens.size() - 1).end()) {
                    inner.add(t);
                }
            }
            return inner;
        }
    }

    /** A block {@code type "label"... { body }}. */
    record Block(String type, List<String> labels, int start, int openBrace, int closeBrace, HclBody body) {
        String label(int i) {
            return i < labels.size() ? labels.get(i) : "";
        }
    }

    final List<Attribute> attributes = new ArrayList<>();
    final List<Block> blocks = new ArrayList<>();

    Optional<Attribute> attribute(String name) {
        return attributes.stream().filter(a -> a.name().equals(name)).findFirst();
    }

    List<Block> blocks(String type) {
        return blocks.stream().filter(b -> b.type().equals(type)).toList();
    }

    Optional<Block> block(String type) {
        return blocks.stream().filter(b -> b.type().equals(type)).findFirst();
    }

    /** Parses a whole file. */
    static HclBody parse(String source) throws HclSyntaxException {
        List<HclToken> tokens = HclLexer.tokens(source);
        Parser p = new Parser(source, tokens, false);
        HclBody body = p.body(false);
        return body;
    }

    /** Parses the items of an object constructor (commas allowed between items). */
    static HclBody parseObject(String source, List<HclToken> inner) throws HclSyntaxException {
        return new Parser(source, inner, true).body(false);
    }

    private static final class Parser {
        private final String source;
        private final List<HclToken> tokens;
        private final boolean object;
        private int i;

        Parser(String source, List<HclToken> tokens, boolean object) {
            this.source = source;
            this.tokens = tokens;
            this.object = object;
        }

        HclBody body(boolean nested) throws HclSyntaxException {
            return body(nested, -1);
        }

        /** A body; {@code open} is the offset of the brace that opened it, for the error when it is never closed. */
        HclBody body(boolean nested, int open) throws HclSyntaxException {
            HclBody body = new HclBody();
            while (true) {
                skip(Kind.NEWLINE, Kind.COMMENT, object ? Kind.COMMA : Kind.NEWLINE);
                if (i >= tokens.size()) {
                    if (nested) {
                        throw error(open, "the block opened on this line is never closed (missing })");
                    }
                    return body;
                }
                HclToken first = tokens.get(i);
                if (first.is(Kind.CLOSE_BRACE)) {
                    if (!nested) {
                        throw error(first.start(), "unexpected } (no block is open)");
                    }
                    return body;
                }
                if (!first.is(Kind.IDENT) && !(object && first.is(Kind.STRING))) {
                    throw error(first.start(), "expected an attribute or block name, found " + describe(first));
                }
                i++;
                skip(Kind.COMMENT);
                HclToken next = at();
                if (next != null && (next.is(Kind.EQUALS) || object && next.text().equals(":"))) {
                    i++;
                    body.attributes.add(attribute(first, next));
                } else {
                    if (object) {
                        throw error(first.start(), "expected = after " + first.text());
                    }
                    body.blocks.add(block(first));
                }
            }
        }

        private Attribute attribute(HclToken name, HclToken equals) throws HclSyntaxException {
            List<HclToken> value = new ArrayList<>();
            int depth = 0;
            while (i < tokens.size()) {
                HclToken t = tokens.get(i);
                if (depth == 0 && (t.is(Kind.NEWLINE) || t.is(Kind.CLOSE_BRACE) || object && t.is(Kind.COMMA))) {
                    break;
                }
                if (t.is(Kind.OPEN) || t.is(Kind.OPEN_BRACE)) {
                    depth++;
                } else if (t.is(Kind.CLOSE) || t.is(Kind.CLOSE_BRACE)) {
                    depth--;
                }
                if (!t.is(Kind.COMMENT) && !(depth > 0 && t.is(Kind.NEWLINE))) {
                    value.add(t);
                }
                i++;
            }
            if (depth != 0) {
                throw error(equals.start(), "the value of " + name.text() + " has an unclosed bracket");
            }
            if (value.isEmpty()) {
                throw error(equals.start(), "attribute " + name.text() + " has no value");
            }
            String key = name.is(Kind.STRING) && name.literal() != null ? name.literal() : name.text();
            return new Attribute(key, name.start(), value.get(0).start(), value.get(value.size() - 1).end(),
                    List.copyOf(value));
        }

        private Block block(HclToken type) throws HclSyntaxException {
            List<String> labels = new ArrayList<>();
            while (i < tokens.size() && (tokens.get(i).is(Kind.STRING) || tokens.get(i).is(Kind.IDENT))) {
                HclToken label = tokens.get(i++);
                labels.add(label.is(Kind.STRING) ? String.valueOf(label.literal()) : label.text());
            }
            HclToken open = at();
            if (open == null || !open.is(Kind.OPEN_BRACE)) {
                throw error(open == null ? type.start() : open.start(), "expected = or { after " + type.text()
                        + (labels.isEmpty() ? "" : " \"" + String.join("\" \"", labels) + "\"")
                        + (open == null ? "" : ", found " + describe(open)));
            }
            i++;
            HclBody body = body(true, type.start());
            HclToken close = tokens.get(i++);
            return new Block(type.text(), List.copyOf(labels), type.start(), open.start(), close.start(), body);
        }

        private void skip(Kind... kinds) {
            while (i < tokens.size()) {
                Kind k = tokens.get(i).kind();
                boolean match = false;
                for (Kind want : kinds) {
                    match |= k == want;
                }
                if (!match) {
                    return;
                }
                i++;
            }
        }

        private HclToken at() {
            return i < tokens.size() ? tokens.get(i) : null;
        }

        private String describe(HclToken t) {
            return t.is(Kind.NEWLINE) ? "end of line" : "'" + t.text() + "'";
        }

        private HclSyntaxException error(int offset, String problem) {
            int line = 1;
            for (int k = 0; k < offset && k < source.length(); k++) {
                if (source.charAt(k) == '\n') {
                    line++;
                }
            }
            return new HclSyntaxException(line, problem);
        }
    }
}
