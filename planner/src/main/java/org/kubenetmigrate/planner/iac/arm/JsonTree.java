package org.kubenetmigrate.planner.iac.arm;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kubenetmigrate.planner.iac.IacSyntaxException;
import org.kubenetmigrate.planner.iac.SourceFile;

/**
 * A JSON document with the exact character range of every value, so that an edit replaces one value and leaves
 * the rest of the file (its indentation, key order, line breaks) as it was. ARM templates may carry comments,
 * which the reader accepts as ARM does.
 */
public final class JsonTree {
    /** A value: {@code start}/{@code end} span its text; objects keep their members in file order. */
    public record Node(JsonToken kind, int start, int end, String text, Map<String, Node> fields, List<Node> items) {
        public Optional<Node> get(String key) {
            if (fields == null) {
                return Optional.empty();
            }
            for (Map.Entry<String, Node> e : fields.entrySet()) {
                if (e.getKey().equalsIgnoreCase(key)) {
                    return Optional.of(e.getValue());
                }
            }
            return Optional.empty();
        }

        public boolean isString() {
            return kind == JsonToken.VALUE_STRING;
        }

        public boolean isObject() {
            return kind == JsonToken.START_OBJECT;
        }
    }

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_TRAILING_COMMA).build();

    private JsonTree() {
    }

    public static Node parse(SourceFile file) throws IacSyntaxException {
        try (JsonParser p = FACTORY.createParser(file.text())) {
            if (p.nextToken() == null) {
                throw new IacSyntaxException(file.path(), 0, "empty file");
            }
            Node root = node(p);
            if (p.nextToken() != null) {
                throw new IacSyntaxException(file.path(), (int) p.currentTokenLocation().getLineNr(),
                        "does not parse as JSON: content after the end of the document");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new IacSyntaxException(file.path(), e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                    "does not parse as JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new IacSyntaxException(file.path(), 0, "cannot read: " + e.getMessage());
        }
    }

    /** Extra characters of escape sequences in a string's source (its decoded text is shorter). */
    private static int escapes(JsonParser p, JsonToken t) throws IOException {
        if (t != JsonToken.VALUE_STRING) {
            return 0;
        }
        Object source = p.currentTokenLocation().contentReference().getRawContent();
        if (!(source instanceof String s)) {
            return 0;
        }
        int at = (int) p.currentTokenLocation().getCharOffset() + 1;
        int extra = 0;
        while (at < s.length() && s.charAt(at) != '"') {
            if (s.charAt(at) == '\\') {
                int len = s.charAt(at + 1) == 'u' ? 6 : 2;
                extra += len - 1;
                at += len;
            } else {
                at++;
            }
        }
        return extra;
    }

    private static Node node(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        int start = (int) p.currentTokenLocation().getCharOffset();
        if (t == JsonToken.START_OBJECT) {
            Map<String, Node> fields = new LinkedHashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                fields.put(name, node(p));
            }
            return new Node(t, start, (int) p.currentTokenLocation().getCharOffset() + 1, null, fields, null);
        }
        if (t == JsonToken.START_ARRAY) {
            List<Node> items = new ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                items.add(node(p));
            }
            return new Node(t, start, (int) p.currentTokenLocation().getCharOffset() + 1, null, null, items);
        }
        String text = p.getText();
        return new Node(t, start, start + p.getTextLength() + (t == JsonToken.VALUE_STRING ? 2 : 0)
                + escapes(p, t), text, null, null);
    }
}
